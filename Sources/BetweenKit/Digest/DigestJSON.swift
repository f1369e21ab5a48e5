/// The digest as JSON: what `--format json` prints and what the Mustache templates see.
///
/// Keys are snake_case; dates are ISO text as written (`date`) plus the day
/// (`day`); numbers are plain; ready-made text (`sparkline`, `percent`,
/// `change_text`) saves templates from arithmetic. docs/digest.md documents every key.
public enum DigestJSON {
    public static func encode(_ digest: Digest) -> JSONValue {
        let series = digest.moodAndDistress
        return .object([
            ("period", .object([
                ("start", .string(digest.period.start.dayString)),
                ("end", .string(digest.period.end.dayString)),
                ("days", .integer(digest.period.dayCount)),
                ("basis", .string(digest.period.basis)),
            ])),
            ("entry_count", .integer(digest.entryCount)),
            ("nothing_logged", .bool(digest.entryCount == 0)),
            ("crisis_line", digest.crisisLine.map(JSONValue.string) ?? .null),
            ("has_risk", .bool(digest.raise.contains { $0.kind.isRisk })),
            ("raise", .array(digest.raise.map(raise))),
            ("homework", .array(digest.homework.map(homework))),
            ("mood_and_distress", .object([
                ("bucket", .string(series.bucket.rawValue)),
                ("has_data", .bool(series.points.contains { $0.mood != nil || $0.distress != nil })),
                ("mood_sparkline", .string(Sparkline.render(series.points.map { $0.mood?.mean }, range: 0...10))),
                ("distress_sparkline", .string(Sparkline.render(series.points.map { $0.distress?.mean }, range: 0...100))),
                ("points", .array(series.points.map(point))),
                ("chart", Chart.encode(series)),
            ])),
            ("measures", .array(digest.measures.map(measure))),
            ("questions", .array(digest.questions.map { question in
                .object([("text", .string(question.text)), ("path", .string(question.path)), ("day", day(question.date))])
            })),
            ("wins", .array(digest.wins.map { win in
                .object([("title", .string(win.title)), ("path", .string(win.path)), ("day", day(win.date)),
                         ("why", .string(win.why)), ("quote", text(win.quote))])
            })),
            ("helped", .array(digest.helped.map { effect in
                .object([("practice", .string(effect.practice)), ("title", .string(effect.title)),
                         ("average_drop", .number(rounded(effect.averageDrop))), ("times", .integer(effect.times)),
                         ("average_helpful", number(effect.averageHelpful))])
            })),
            ("private_left_out", .integer(digest.privateLeftOut)),
            ("includes_private", .bool(digest.includesPrivate)),
            ("unreadable_left_out", .integer(digest.unreadableLeftOut)),
        ])
    }

    private static func raise(_ item: RaiseItem) -> JSONValue {
        .object([
            ("kind", .string(item.kind.rawValue)),
            ("is_risk", .bool(item.kind.isRisk)),
            ("path", .string(item.path)),
            ("day", day(item.date)),
            ("date", item.date.map { .string($0.isoText) } ?? .null),
            ("title", .string(item.title)),
            ("reason", .string(item.reason)),
            ("quote", text(item.quote)),
        ])
    }

    private static func homework(_ item: HomeworkProgress) -> JSONValue {
        .object([
            ("id", .string(item.id)),
            ("title", .string(item.title)),
            ("path", .string(item.path)),
            ("frequency", item.frequency.map { .string($0.description) } ?? .null),
            ("expected", item.expected.map(JSONValue.integer) ?? .null),
            ("done", .integer(item.done)),
            ("adherence_percent", item.adherencePercent.map(JSONValue.integer) ?? .null),
            ("average_helpful", number(item.averageHelpful)),
            ("average_fit", number(item.averageFit)),
            ("exposure", item.exposure.map { exposure in
                .object([
                    ("average_before", number(exposure.averageBefore)),
                    ("average_peak", number(exposure.averagePeak)),
                    ("average_after", number(exposure.averageAfter)),
                    ("peaks", .array(exposure.peaks.map { .number(rounded($0)) })),
                    ("peaks_coming_down", exposure.peaksComingDown.map(JSONValue.bool) ?? .null),
                ])
            } ?? .null),
            ("thought_records", item.thoughtRecords.map { change in
                .object([("before", .number(rounded(change.before))), ("after", .number(rounded(change.after))),
                         ("records", .integer(change.records))])
            } ?? .null),
        ])
    }

    private static func point(_ point: MoodSeries.Point) -> JSONValue {
        func summary(_ value: MoodSeries.Summary?) -> JSONValue {
            guard let value else { return .null }
            return .object([("min", .number(rounded(value.min))), ("mean", .number(rounded(value.mean))),
                            ("max", .number(rounded(value.max))), ("count", .integer(value.count))])
        }
        return .object([("label", .string(point.label)), ("mood", summary(point.mood)), ("distress", summary(point.distress))])
    }

    private static func measure(_ result: MeasureResult) -> JSONValue {
        .object([
            ("path", .string(result.path)),
            ("day", day(result.date)),
            ("instrument", .string(result.score.instrument.rawValue)),
            ("name", .string(result.score.instrument.displayName)),
            ("total", .integer(result.score.total)),
            ("maximum", .integer(result.score.instrument.maximumTotal)),
            ("band", .string(result.score.band.rawValue)),
            ("change", result.change.map(JSONValue.integer) ?? .null),
            ("change_text", .string(result.change.map { $0 > 0 ? "+\($0)" : $0 < 0 ? "−\(-$0)" : "no change" } ?? "first")),
        ])
    }

    static func day(_ date: EntryDate?) -> JSONValue { date.map { .string($0.dayString) } ?? .null }
    static func text(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
    static func number(_ value: Double?) -> JSONValue { value.map { .number(rounded($0)) } ?? .null }
    static func rounded(_ value: Double) -> Double { (value * 10).rounded() / 10 }
}
