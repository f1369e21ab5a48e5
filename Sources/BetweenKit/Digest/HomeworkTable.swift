import BetweenCore
import BetweenIndex

/// `between homework`: each active assignment's adherence over a period, and what
/// is still to do this week (Monday to Sunday, or Sunday to Saturday with
/// `week-start: sunday`).
public struct HomeworkTable: Sendable, Hashable {
    public var period: DigestPeriod
    public var progress: [HomeworkProgress]
    /// Per assignment: practices still expected this week that the rest of it can hold
    /// (`LeftThisWeek`); none for as-needed, or an assignment not active this week.
    public var remainingThisWeek: [String: Int]
    /// The first day of this week.
    public var weekStart: EntryDate

    /// Builds the table from the index for `period`, with "this week" around `today`
    /// (the local day in the vault's zone, or `BETWEEN_TODAY`).
    public static func build(index: Index, period: DigestPeriod, today: EntryDate) throws -> HomeworkTable {
        let input = try DigestInput.read(from: index, period: period, audience: .owner, today: today, templates: false)
        let progress = HomeworkProgressBuilder.build(assignments: input.assignments, entries: input.entries, period: period,
                                                     today: today, doneBefore: input.doneBefore)
        let first = DayText.weekStart(of: today, weekStart: index.vault.config.weekStart)
        let week = DigestPeriod(start: first, end: EntryDate.fromDayNumber(first.dayNumber + 6), basis: "this week")
        let weekInput = try DigestInput.read(from: index, period: week, audience: .owner, today: today, templates: false)
        let practice = HomeworkProgressBuilder.practice(weekInput.entries)
        var remaining: [String: Int] = [:]
        for assignment in HomeworkProgressBuilder.active(weekInput.assignments) {
            guard let id = assignment.homeworkID, let days = HomeworkProgressBuilder.activeDays(assignment, week),
                  let frequency = assignment.text("frequency").flatMap(Frequency.init) else { continue }
            let before = frequency == .once ? try DigestInput.practised(id, before: first, in: index, audience: .owner) : false
            remaining[id] = LeftThisWeek.count(frequency, activeDays: days, today: today.dayNumber,
                                               practice: (practice[id] ?? []).compactMap { $0.date?.dayNumber }, practisedBefore: before)
        }
        return HomeworkTable(period: period, progress: progress, remainingThisWeek: remaining, weekStart: first)
    }

    /// The table as text.
    public func render() -> String {
        guard !progress.isEmpty else { return "No active assignments in this period: \(period.summary).\n" }
        let rows = progress.map { item -> [String] in
            [item.id, item.frequency?.description ?? "-",
             item.expected.map { "\(item.done)/\($0)" } ?? "\(item.done)",
             item.adherencePercent.map { "\($0)%" } ?? "-",
             item.averageHelpful.map(NumberText.short) ?? "-", item.averageFit.map(NumberText.short) ?? "-",
             remainingThisWeek[item.id].map(String.init) ?? "-"]
        }
        return "Homework \(period.summary)\n\n"
            + TextTable(headers: ["ASSIGNMENT", "FREQUENCY", "DONE", "ADHERENCE", "HELPFUL", "FIT", "LEFT THIS WEEK"], rows: rows).render()
            + "\nThis week: \(DayText.week(weekStart, year: period.end.year)).\n"
    }
}
