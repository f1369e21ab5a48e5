import BetweenCore

/// Whether a rating went up or down across a period, decided so that one odd day can't.
///
/// Each day with ratings gives one value, the mean of that day's ratings (so a day with
/// five check-ins weighs no more than a day with one). The days with ratings are split
/// into an earlier and a later half, oldest first; with an odd number, the middle day
/// belongs to neither. Each half is summed up by its median, the middle value: with at
/// least three days in a half, one day far off the others moves its half's median no
/// further than the next value in line, so one odd day never makes a trend on its own.
/// Hence at least `minimumDays` days with ratings; with fewer there is no direction.
/// The digest raises a trend when the later median is past the earlier one by the
/// vault's threshold (`distress-rise`, `mood-fall`, `functioning-fall`).
public enum TrendRule {
    /// Days with ratings needed before anything is said about a direction: three per half.
    public static let minimumDays = 6

    /// The two halves compared.
    public struct Comparison: Sendable, Hashable {
        /// Medians of the earlier and the later half's daily values.
        public var earlier: Double
        public var later: Double
        public var earlierFirst: EntryDate
        public var earlierLast: EntryDate
        public var laterFirst: EntryDate
        public var laterLast: EntryDate
        /// Days with ratings, in both halves and the middle.
        public var days: Int

        /// Later minus earlier: positive when the rating went up.
        public var change: Double { later - earlier }
    }

    /// The comparison of `values` (any order, several a day allowed), or nil with fewer than `minimumDays` days.
    public static func compare(_ values: [(day: Int, value: Double)]) -> Comparison? {
        let byDay = Dictionary(grouping: values.filter { $0.value.isFinite }, by: \.day)
        let days = byDay.keys.sorted()
        guard days.count >= minimumDays else { return nil }
        let daily = days.map { day in byDay[day]!.map(\.value).reduce(0, +) / Double(byDay[day]!.count) }
        let half = days.count / 2
        let laterStart = days.count - half
        return Comparison(
            earlier: median(Array(daily[..<half])), later: median(Array(daily[laterStart...])),
            earlierFirst: EntryDate.fromDayNumber(days[0]), earlierLast: EntryDate.fromDayNumber(days[half - 1]),
            laterFirst: EntryDate.fromDayNumber(days[laterStart]), laterLast: EntryDate.fromDayNumber(days[days.count - 1]),
            days: days.count)
    }

    /// The comparison of one field over entries.
    static func compare(_ entries: [Entry], _ value: (Entry) -> Double?) -> Comparison? {
        compare(entries.compactMap { entry in
            guard let day = entry.date?.dayNumber, let number = value(entry) else { return nil }
            return (day, number)
        })
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
