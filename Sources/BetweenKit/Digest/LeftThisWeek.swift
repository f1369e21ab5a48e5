import BetweenCore

/// What is still asked of an assignment this week and can still be done: the LEFT THIS
/// WEEK column of `between homework`.
///
/// It is the week's expectation (from `frequency`, over the days of the week the assignment
/// is active, counted as `HomeworkProgressBuilder` counts it) less what was done, but never
/// more than the days from today to the end of the week can hold. A day holds one practice
/// for `daily`, for `weekdays` (Monday to Friday; none at the weekend) and for `N/week`
/// (N ÷ 7 rounded up when N is over 7: a weekly count is spread over days), and N for
/// `N/day`; today holds what it can less what was already done today. So a daily assignment
/// on Friday asks for at most 3 (Friday, Saturday, Sunday), and on the week's last day at most 1.
/// `once` asks for nothing more once it was practised, this week or before; `as-needed` (or
/// no frequency) asks for nothing: nil.
enum LeftThisWeek {
    /// - Parameters:
    ///   - activeDays: the day numbers of this week on which the assignment is active.
    ///   - today: today's day number (in this week).
    ///   - practice: the days of this week's practices (not `skipped`), one per practice.
    ///   - practisedBefore: whether it was practised before this week (matters for `once`).
    static func count(_ frequency: Frequency, activeDays: [Int], today: Int, practice: [Int], practisedBefore: Bool) -> Int? {
        guard let expected = HomeworkProgressBuilder.expectedCount(frequency, days: activeDays) else { return nil }
        var perDay: [Int: Int] = [:]
        for day in practice { perDay[day, default: 0] += 1 }
        let done: Int = switch frequency {
        case .daily, .weekdays: perDay.count
        case .once where practisedBefore: expected
        default: practice.count
        }
        let room = activeDays.filter { $0 >= today }.reduce(0) { sum, day in
            sum + max(0, capacity(frequency, on: day) - perDay[day, default: 0])
        }
        return min(max(0, expected - done), room)
    }

    /// How many practices `day` can hold for `frequency`.
    private static func capacity(_ frequency: Frequency, on day: Int) -> Int {
        switch frequency {
        case .daily, .once: 1
        case .weekdays: EntryDate.fromDayNumber(day).isoWeekday <= 5 ? 1 : 0
        case .timesPerWeek(let count): (count + 6) / 7
        case .timesPerDay(let count): count
        case .asNeeded: 0
        }
    }
}
