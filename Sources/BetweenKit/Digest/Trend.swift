import BetweenCore
import BetweenIndex

/// A numeric field over time: `between trend FIELD`.
public struct Trend: Sendable, Hashable {
    public var field: String
    public var bucket: MoodSeries.Bucket
    public var points: [(label: String, summary: MoodSeries.Summary)]
    /// The scale sparklines use: the field's documented range, else the data's.
    public var range: ClosedRange<Double>

    public static func == (lhs: Trend, rhs: Trend) -> Bool {
        lhs.field == rhs.field && lhs.bucket == rhs.bucket && lhs.range == rhs.range
            && lhs.points.map(\.label) == rhs.points.map(\.label) && lhs.points.map(\.summary) == rhs.points.map(\.summary)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(field)
        hasher.combine(points.map(\.label))
    }

    /// One character per bucket with data, scaled to `range`.
    public var sparkline: String { Sparkline.render(points.map { $0.summary.mean }, range: range) }

    /// Table and sparkline, as `between trend` prints them.
    public func render() -> String {
        guard !points.isEmpty else { return "" }
        let table = TextTable(headers: [bucket == .day ? "DAY" : "WEEK", "N", "MIN", "MEAN", "MAX"], rows: points.map { point in
            [point.label, String(point.summary.count), NumberText.short(point.summary.min),
             NumberText.short(point.summary.mean), NumberText.short(point.summary.max)]
        }).render()
        return table + "\n\(TerminalText.line(field)) \(NumberText.short(range.lowerBound))–\(NumberText.short(range.upperBound)): \(sparkline)\n"
    }
}

extension Trend {
    /// What `trend` says when `field` has no numbers: that, and when the field has no
    /// numbers anywhere in the vault, the field likely meant ("did you mean 'mood'?"),
    /// else the fields that do have numbers. `numberFields`: those, from `Index.numberFields()`.
    public static func nothingFound(in field: String, homework: String?, numberFields: [String]) -> String {
        let said = "no entries have a number in '\(MessageText.excerpt(field))'\(homework.map { " for \($0)" } ?? "")"
        guard !numberFields.contains(field) else { return said }
        let candidates = numberFields + FieldCatalog.numberFieldNames.filter { !numberFields.contains($0) }
        if let meant = Suggestion.closest(to: field, among: candidates) { return said + "; did you mean '\(meant)'?" }
        guard !numberFields.isEmpty else { return said + "; no note has a number in any field yet" }
        // Named ratings once per field (`emotions.…`), after the plain fields.
        var groups: [String] = []
        for name in numberFields.filter({ !$0.contains(".") && $0 != "private" }) + numberFields.filter({ $0.contains(".") }) {
            let shown = name.split(separator: ".", maxSplits: 1).count > 1 ? "\(name.split(separator: ".")[0]).…" : name
            if !groups.contains(shown) { groups.append(shown) }
        }
        return said + "; fields with numbers: " + groups.prefix(20).joined(separator: ", ") + (groups.count > 20 ? ", …" : "")
    }
}

extension Trend {
    /// Every numeric value of `field` (dotted for nested) in `index`, grouped by day or by
    /// week ("w/c 9 Nov": weeks start on the vault's `week-start`), optionally only for one
    /// assignment or record type. Private entries count: trends are for the vault's owner.
    public static func of(_ field: String, by bucket: MoodSeries.Bucket, homework: String? = nil, type: EntryType? = nil,
                          in index: Index) throws -> Trend {
        let query = RecordQuery.and([homework.map(RecordQuery.practising), type.map(RecordQuery.type)].compactMap { $0 })
        let weekStart = index.vault.config.weekStart
        var values: [Int: [Double]] = [:]
        for number in try index.numbers(of: field, matching: query) {
            let start = bucket == .day ? number.day : DayText.weekStart(of: number.day, weekStart: weekStart)
            values[start.dayNumber, default: []].append(number.value)
        }
        let starts = values.keys.sorted()
        let newest = starts.last.map { EntryDate.fromDayNumber($0).year }
        let points = starts.map { key -> (label: String, summary: MoodSeries.Summary) in
            let numbers = values[key]!
            let start = EntryDate.fromDayNumber(key)
            return (bucket == .day ? start.dayString : DayText.week(start, year: newest),
                    MoodSeries.Summary(min: numbers.min()!, mean: numbers.reduce(0, +) / Double(numbers.count),
                                       max: numbers.max()!, count: numbers.count))
        }
        let all = values.values.flatMap { $0 }
        let documented = EntryType.allCases.lazy.compactMap { FieldCatalog.spec(field, for: $0) }.first.flatMap { spec -> ClosedRange<Double>? in
            switch spec.kind {
            case .rating(let range), .wholeNumber(let range): Double(range.lowerBound)...Double(range.upperBound)
            default: nil
            }
        }
        let range = documented ?? ((all.min() ?? 0)...max(all.max() ?? 1, (all.min() ?? 0)))
        return Trend(field: field, bucket: bucket, points: points, range: range)
    }
}
