/// Mood and distress per day (periods up to three weeks) or per ISO week.
///
/// Distress is the `distress` field, and for exposures the SUDS peak when no
/// `distress` was given. Days or weeks without ratings are kept as gaps.
enum MoodSeriesBuilder {
    /// Periods longer than this are shown per week.
    static let dailyLimit = 21

    static func build(_ entries: [Entry], period: DigestPeriod) -> MoodSeries {
        let bucket: MoodSeries.Bucket = period.dayCount <= dailyLimit ? .day : .week
        let label: (EntryDate) -> String = bucket == .day ? { $0.dayString } : { $0.isoWeek }
        var labels: [String] = []
        for day in period.start.dayNumber...max(period.start.dayNumber, period.end.dayNumber) {
            let name = label(EntryDate.fromDayNumber(day))
            if labels.last != name { labels.append(name) }
        }
        var moods: [String: [Double]] = [:], distress: [String: [Double]] = [:]
        for entry in entries {
            guard let date = entry.date else { continue }
            let key = label(date)
            if let mood = entry.number("mood") { moods[key, default: []].append(mood) }
            if let value = entry.number("distress") ?? (entry.type == .exposure ? entry.number("suds-peak") : nil) {
                distress[key, default: []].append(value)
            }
        }
        return MoodSeries(bucket: bucket, points: labels.map { name in
            MoodSeries.Point(label: name, mood: summary(moods[name]), distress: summary(distress[name]))
        })
    }

    private static func summary(_ values: [Double]?) -> MoodSeries.Summary? {
        guard let values, !values.isEmpty else { return nil }
        return MoodSeries.Summary(min: values.min()!, mean: values.reduce(0, +) / Double(values.count),
                                  max: values.max()!, count: values.count)
    }
}
