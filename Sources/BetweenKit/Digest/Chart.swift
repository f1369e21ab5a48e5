import BetweenCore

/// Coordinates for the HTML digest's line chart, computed here so the template only
/// writes SVG markup around numbers (no user text ever reaches the chart).
///
/// Everything, axis labels included, lies inside the `width` × `height` view box, so a
/// page scales the chart to any width (a phone, A4, Letter) and never cuts it off. A day
/// or week without ratings breaks its line: each run of rated days is a line of its own,
/// and a rated day with no rated neighbour is a dot.
enum Chart {
    static let width = 640.0
    static let height = 220.0
    /// Room for the scales' numbers on the left and right, and for the day labels below.
    static let left = 34.0, right = width - 34.0, top = 14.0, bottom = height - 30.0

    static func encode(_ series: MoodSeries, year: Int) -> JSONValue {
        let count = series.points.count
        func x(_ index: Int) -> Double {
            count <= 1 ? (left + right) / 2 : left + (right - left) * Double(index) / Double(count - 1)
        }
        func y(_ value: Double, scale: Double) -> Double {
            bottom - (bottom - top) * min(max(value / scale, 0), 1)
        }
        func lines(_ values: [Double?], scale: Double) -> (lines: [JSONValue], dots: [JSONValue]) {
            var lines: [JSONValue] = [], dots: [JSONValue] = [], run: [String] = []
            func endRun() {
                if run.count >= 2 { lines.append(.object([("points", .string(run.joined(separator: " ")))])) }
                run = []
            }
            for (index, value) in values.enumerated() {
                guard let value else { endRun(); continue }
                let px = DigestJSON.rounded(x(index)), py = DigestJSON.rounded(y(value, scale: scale))
                run.append("\(NumberText.short(px)),\(NumberText.short(py))")
                dots.append(.object([("x", .number(px)), ("y", .number(py)), ("value", .number(DigestJSON.rounded(value)))]))
            }
            endRun()
            return (lines, dots)
        }
        let mood = lines(series.points.map { $0.mood?.mean }, scale: 10)
        let distress = lines(series.points.map { $0.distress?.mean }, scale: 100)
        let labels = series.points.enumerated().compactMap { index, point -> JSONValue? in
            // Label the first, the last and a few between, none crowding the last.
            let step = max(1, count / 6)
            guard index == count - 1 || (index % step == 0 && (step == 1 || count - 1 - index > step / 2)) else { return nil }
            let text = series.bucket == .day ? DayText.short(point.start, year: year) : DayText.week(point.start, year: year)
            return .object([("x", .number(DigestJSON.rounded(x(index)))), ("text", .string(text))])
        }
        return .object([
            ("width", .number(width)), ("height", .number(height)),
            ("top", .number(top)), ("middle", .number((top + bottom) / 2)), ("bottom", .number(bottom)),
            ("left", .number(left)), ("right", .number(right)),
            ("mood_lines", .array(mood.lines)), ("mood_dots", .array(mood.dots)),
            ("distress_lines", .array(distress.lines)), ("distress_dots", .array(distress.dots)),
            ("labels", .array(labels)),
        ])
    }
}
