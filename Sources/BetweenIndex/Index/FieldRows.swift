import BetweenCore

/// One row of the `field` table: a front-matter value at a dotted key, typed for comparison.
struct FieldRow: Sendable, Hashable {
    var key: String
    var num: Double?
    /// Lowercased text form, so `=`, `~`, `in` and `has` ignore case.
    var text: String?
    /// The date's sort key (`YYYY-MM-DDTHH:MM:SS`) when the value is a date.
    var date: String?

    /// Flattens front matter into rows: nested maps become dotted keys
    /// (`emotions.anxious`), each list item is a row of its own under the list's key,
    /// and a present-but-empty value is a row with no value (so `exists` sees it).
    static func rows(for fields: [FieldPair]) -> [FieldRow] {
        var rows: [FieldRow] = []
        // Explicit stack: nesting depth is bounded by the front-matter parser, but
        // flattening should not depend on that.
        var pending: [(String, FieldValue)] = fields.reversed().map { ($0.key, $0.value) }
        while let (key, value) = pending.popLast() {
            switch value {
            case .map(let pairs):
                rows.append(FieldRow(key: key))
                pending += pairs.reversed().map { ("\(key).\($0.key)", $0.value) }
            case .list(let items):
                if items.isEmpty { rows.append(FieldRow(key: key)) }
                pending += items.reversed().map { (key, $0) }
            default:
                rows.append(scalar(key, value))
            }
        }
        return rows
    }

    private init(key: String, num: Double? = nil, text: String? = nil, date: String? = nil) {
        self.key = key
        self.num = num
        self.text = text
        self.date = date
    }

    private static func scalar(_ key: String, _ value: FieldValue) -> FieldRow {
        switch value {
        case .null: FieldRow(key: key)
        case .bool(let flag): FieldRow(key: key, num: flag ? 1 : 0, text: flag ? "true" : "false")
        case .int(let number): FieldRow(key: key, num: Double(number), text: String(number))
        case .double(let number): FieldRow(key: key, num: number.isFinite ? number : nil, text: value.text?.lowercased())
        case .string(let text):
            if let date = try? DateParser.parse(text) {
                FieldRow(key: key, text: text.lowercased(), date: date.sortKey)
            } else {
                FieldRow(key: key, num: Double(text).flatMap { $0.isFinite ? $0 : nil }, text: text.lowercased())
            }
        case .date(let date): FieldRow(key: key, text: date.text.lowercased(), date: date.sortKey)
        case .list, .map: FieldRow(key: key)
        }
    }
}
