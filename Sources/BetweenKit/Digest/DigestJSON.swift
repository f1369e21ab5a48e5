import BetweenCore

/// The digest as JSON: what `--format json` prints and what the Mustache templates see.
///
/// Keys are snake_case; dates are ISO text as written (`date`) plus the day
/// (`day`); numbers are plain; ready-made text (`sparkline`, `percent`,
/// `change_text`) saves templates from arithmetic. docs/digest.md documents every key.
public enum DigestJSON {
    /// What every risk card says, after its reasons.
    public static let safetyLine = "Please tell your therapist. If you are in danger now, contact your local emergency services."

    public static func encode(_ digest: Digest) -> JSONValue {
        let series = digest.moodAndDistress
        let year = digest.period.end.year
        return .object([
            ("period", .object([
                ("start", .string(digest.period.start.dayString)),
                ("end", .string(digest.period.end.dayString)),
                ("days", .integer(digest.period.dayCount)),
                ("basis", .string(digest.period.basis)),
                ("span", .string(DayText.span(digest.period.start, digest.period.end, year: year) + " \(year)")),
            ])),
            ("entry_count", .integer(digest.entryCount)),
            ("nothing_logged", .bool(digest.entryCount == 0)),
            ("crisis_line", digest.crisisLine.map(JSONValue.string) ?? .null),
            ("safety_line", .string(safetyLine)),
            ("has_risk", .bool(digest.raise.contains(where: \.isRisk))),
            ("in_short", .array(digest.inShort.map(JSONValue.string))),
            ("next_session", day(digest.nextSession)),
            ("next_session_text", digest.nextSession.map { .string(DayText.long($0, year: year)) } ?? .null),
            ("raise", .array(digest.raise.map { raise($0, year: year) })),
            ("homework", .array(digest.homework.map(homework))),
            ("directions", .object([
                ("mood", direction(digest.directions.mood)),
                ("distress", direction(digest.directions.distress)),
                ("functioning", direction(digest.directions.functioning)),
            ])),
            ("mood_and_distress", .object([
                ("bucket", .string(series.bucket.rawValue)),
                ("has_data", .bool(series.points.contains { $0.mood != nil || $0.distress != nil })),
                ("mood_sparkline", .string(Sparkline.render(series.points.map { $0.mood?.mean }, range: 0...10))),
                ("distress_sparkline", .string(Sparkline.render(series.points.map { $0.distress?.mean }, range: 0...100))),
                ("points", .array(series.points.map(point))),
                ("chart", Chart.encode(series, year: year)),
            ])),
            ("measures", .array(digest.measures.map { measure($0, year: year) })),
            ("unscored_measures", .array(digest.unscoredMeasures.map { unscored($0, year: year) })),
            ("questions", .array(digest.questions.map { question($0, year: year) })),
            ("open_tasks", .array(digest.openTasks.map { question($0, year: year) })),
            ("open_tasks_more", .integer(digest.openTasksMore)),
            ("wins", .array(digest.wins.map { win in
                .object([("title", .string(win.title)), ("path", .string(win.path)), ("day", day(win.date)),
                         ("day_text", dayText(win.date, year: year)), ("why", .string(win.why)), ("quote", text(win.quote))])
            })),
            ("helped", .array(digest.helped.map { practice in
                .object([("practice", .string(practice.key)), ("title", .string(practice.name)), ("times", .integer(practice.times)),
                         ("average_drop", number(practice.averageDrop)), ("average_helpful", number(practice.averageHelpful)),
                         ("quote", text(practice.line))])
            })),
            ("private_left_out", .integer(digest.privateLeftOut)),
            ("includes_private", .bool(digest.includesPrivate)),
            ("unreadable_left_out", .integer(digest.unreadableLeftOut)),
        ])
    }

    private static func raise(_ card: RaiseCard, year: Int) -> JSONValue {
        .object([
            ("kind", .string(card.kind.rawValue)),
            ("is_risk", .bool(card.isRisk)),
            ("shape", .string(card.shape.rawValue)),
            ("title", .string(card.title)),
            ("day", day(card.date)),
            ("day_text", dayText(card.date, year: year)),
            ("date", card.date.map { .string($0.isoText) } ?? .null),
            ("reason", .string(card.summary)),
            ("reasons", .array(card.reasons.map { .object([("kind", .string($0.kind.rawValue)), ("text", .string($0.text))]) })),
            ("details", .array(card.details.map(JSONValue.string))),
            ("quote", text(card.quote)),
            ("path", text(card.files.first)),
            ("files", .array(card.files.map(JSONValue.string))),
            ("files_text", text(FileList.compact(card.files))),
        ])
    }

    private static func direction(_ comparison: TrendRule.Comparison?) -> JSONValue {
        guard let comparison else { return .null }
        return .object([
            ("earlier", .number(rounded(comparison.earlier))), ("later", .number(rounded(comparison.later))),
            ("change", .number(rounded(comparison.change))), ("days", .integer(comparison.days)),
        ])
    }

    private static func question(_ item: QuestionItem, year: Int) -> JSONValue {
        .object([("text", .string(item.text)), ("path", .string(item.path)), ("day", day(item.date)),
                 ("day_text", dayText(item.date, year: year))])
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
        return .object([("start", .string(point.start.dayString)), ("label", .string(point.label)),
                        ("mood", summary(point.mood)), ("distress", summary(point.distress))])
    }

    private static func measure(_ result: MeasureResult, year: Int) -> JSONValue {
        .object([
            ("path", .string(result.path)),
            ("day", day(result.date)),
            ("day_text", dayText(result.date, year: year)),
            ("instrument", .string(result.score.instrument.rawValue)),
            ("name", .string(result.score.instrument.displayName)),
            ("total", .integer(result.score.total)),
            ("maximum", .integer(result.score.instrument.maximumTotal)),
            ("band", .string(result.score.band.rawValue)),
            ("change", result.change.map(JSONValue.integer) ?? .null),
            ("change_text", .string(result.change.map { $0 > 0 ? "+\($0)" : $0 < 0 ? "−\(-$0)" : "no change" } ?? "first")),
        ])
    }

    private static func unscored(_ measure: UnscoredMeasure, year: Int) -> JSONValue {
        .object([
            ("path", .string(measure.path)),
            ("day", day(measure.date)),
            ("day_text", dayText(measure.date, year: year)),
            ("instrument", text(measure.instrument?.rawValue)),
            ("name", .string(measure.name)),
            ("missing", measure.missing.map(JSONValue.integer) ?? .null),
            ("reason", .string(measure.reason)),
        ])
    }

    static func day(_ date: EntryDate?) -> JSONValue { date.map { .string($0.dayString) } ?? .null }
    static func dayText(_ date: EntryDate?, year: Int) -> JSONValue { date.map { .string(DayText.withWeekday($0, year: year)) } ?? .null }
    static func text(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
    static func number(_ value: Double?) -> JSONValue { value.map { .number(rounded($0)) } ?? .null }
    static func rounded(_ value: Double) -> Double { (value * 10).rounded() / 10 }
}
