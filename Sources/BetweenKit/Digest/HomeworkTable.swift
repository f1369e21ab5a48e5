/// `between homework`: each active assignment's adherence over a period, and what
/// is still to do this week (Monday to Sunday, or Sunday to Saturday with
/// `week-start: sunday`).
public struct HomeworkTable: Sendable, Hashable {
    public var period: DigestPeriod
    public var progress: [HomeworkProgress]
    /// Per assignment: practices still expected this week (never below zero).
    public var remainingThisWeek: [String: Int]
    /// The first day of this week.
    public var weekStart: EntryDate

    /// Builds the table from the index for `period`, with "this week" around `today`.
    public static func build(index: Index, period: DigestPeriod, today: EntryDate) throws -> HomeworkTable {
        let input = try index.digestInput(for: period, includePrivate: true, templates: false)
        let progress = HomeworkProgressBuilder.build(assignments: input.assignments, entries: input.entries, period: period)
        let first = DayText.weekStart(of: today, weekStart: index.vault.config.weekStart)
        let week = DigestPeriod(start: first, end: EntryDate.fromDayNumber(first.dayNumber + 6), basis: "this week")
        let weekInput = try index.digestInput(for: week, includePrivate: true, templates: false)
        let thisWeek = HomeworkProgressBuilder.build(assignments: weekInput.assignments, entries: weekInput.entries, period: week)
        var remaining: [String: Int] = [:]
        for item in thisWeek {
            if let expected = item.expected { remaining[item.id] = max(0, expected - item.done) }
        }
        return HomeworkTable(period: period, progress: progress, remainingThisWeek: remaining, weekStart: first)
    }

    /// The table as text.
    public func render() -> String {
        guard !progress.isEmpty else { return "No active assignments in \(period.basis).\n" }
        let rows = progress.map { item -> [String] in
            [item.id, item.frequency?.description ?? "-",
             item.expected.map { "\(item.done)/\($0)" } ?? "\(item.done)",
             item.adherencePercent.map { "\($0)%" } ?? "-",
             item.averageHelpful.map(Format.number) ?? "-", item.averageFit.map(Format.number) ?? "-",
             remainingThisWeek[item.id].map(String.init) ?? "-"]
        }
        return "Homework \(period.basis) (\(period.start.dayString) to \(period.end.dayString))\n\n"
            + TextTable(headers: ["ASSIGNMENT", "FREQUENCY", "DONE", "ADHERENCE", "HELPFUL", "FIT", "LEFT THIS WEEK"], rows: rows).render()
            + "\nThis week: \(DayText.week(weekStart, year: period.end.year)).\n"
    }
}
