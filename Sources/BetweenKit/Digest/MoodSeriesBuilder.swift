import BetweenCore

/// Mood and distress per day (periods up to three weeks) or per week.
///
/// Distress is the `distress` field of every entry but exposures: distress during an
/// exposure is what the practice is for, and it is shown with the exposure homework
/// (SUDS before, peak, after) instead. Days or weeks without ratings are kept as gaps.
enum MoodSeriesBuilder {
    /// Periods longer than this are shown per week.
    static let dailyLimit = 21

    /// The distress an entry contributes to the series and to trends.
    static func distress(_ entry: Entry) -> Double? {
        entry.type == .exposure ? nil : entry.number("distress")
    }

    static func build(_ entries: [Entry], period: DigestPeriod, weekStart: String) -> MoodSeries {
        let bucket: MoodSeries.Bucket = period.dayCount <= dailyLimit ? .day : .week
        let start: (EntryDate) -> EntryDate = bucket == .day ? { $0 } : { DayText.weekStart(of: $0, weekStart: weekStart) }
        var starts: [Int] = []
        for day in period.start.dayNumber...max(period.start.dayNumber, period.end.dayNumber) {
            let first = start(EntryDate.fromDayNumber(day)).dayNumber
            if starts.last != first { starts.append(first) }
        }
        var moods: [Int: [Double]] = [:], distress: [Int: [Double]] = [:]
        for entry in entries {
            guard let date = entry.date else { continue }
            let key = start(date).dayNumber
            if let mood = entry.number("mood") { moods[key, default: []].append(mood) }
            if let value = Self.distress(entry) { distress[key, default: []].append(value) }
        }
        let year = period.end.year
        return MoodSeries(bucket: bucket, points: starts.map { key in
            let first = EntryDate.fromDayNumber(key)
            return MoodSeries.Point(start: first, label: bucket == .day ? DayText.withWeekday(first, year: year) : DayText.week(first, year: year),
                                    mood: summary(moods[key]), distress: summary(distress[key]))
        })
    }

    static func summary(_ values: [Double]?) -> MoodSeries.Summary? {
        guard let values, !values.isEmpty else { return nil }
        return MoodSeries.Summary(min: values.min()!, mean: values.reduce(0, +) / Double(values.count),
                                  max: values.max()!, count: values.count)
    }
}
