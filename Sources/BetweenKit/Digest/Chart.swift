/// Coordinates for the HTML digest's line chart, computed here so the template only
/// writes SVG markup around numbers (no user text ever reaches the chart).
enum Chart {
    static let width = 640.0
    static let height = 200.0
    static let padding = 24.0

    /// `width`, `height`, and for mood (0–10) and distress (0–100) an SVG `points`
    /// string plus dots, on a shared x axis; gaps (no ratings) break nothing, they are skipped.
    static func encode(_ series: MoodSeries) -> JSONValue {
        let count = series.points.count
        func x(_ index: Int) -> Double {
            count <= 1 ? width / 2 : padding + (width - 2 * padding) * Double(index) / Double(count - 1)
        }
        func y(_ value: Double, scale: Double) -> Double {
            height - padding - (height - 2 * padding) * min(max(value / scale, 0), 1)
        }
        func line(_ values: [Double?], scale: Double) -> (String, [JSONValue]) {
            var points: [String] = []
            var dots: [JSONValue] = []
            for (index, value) in values.enumerated() {
                guard let value else { continue }
                let px = DigestJSON.rounded(x(index)), py = DigestJSON.rounded(y(value, scale: scale))
                points.append("\(Format.number(px)),\(Format.number(py))")
                dots.append(.object([("x", .number(px)), ("y", .number(py)), ("value", .number(DigestJSON.rounded(value)))]))
            }
            return (points.joined(separator: " "), dots)
        }
        let mood = line(series.points.map { $0.mood?.mean }, scale: 10)
        let distress = line(series.points.map { $0.distress?.mean }, scale: 100)
        let labels = series.points.enumerated().compactMap { index, point -> JSONValue? in
            // Label the first, last and a few between, so the axis stays readable.
            let step = max(1, count / 6)
            guard index % step == 0 || index == count - 1 else { return nil }
            return .object([("x", .number(DigestJSON.rounded(x(index)))), ("text", .string(point.label))])
        }
        return .object([
            ("width", .number(width)), ("height", .number(height)),
            ("top", .number(padding)), ("bottom", .number(height - padding)),
            ("left", .number(padding)), ("right", .number(width - padding)),
            ("mood_points", .string(mood.0)), ("mood_dots", .array(mood.1)),
            ("distress_points", .string(distress.0)), ("distress_dots", .array(distress.1)),
            ("labels", .array(labels)),
        ])
    }
}
