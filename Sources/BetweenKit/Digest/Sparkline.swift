/// Unicode sparklines (`▁▂▃▅▇`) for the Markdown digest and `between trend`.
public enum Sparkline {
    private static let bars: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// One character per value, scaled to `range`; nil values (no entries that day) are spaces.
    public static func render(_ values: [Double?], range: ClosedRange<Double>) -> String {
        let span = range.upperBound - range.lowerBound
        return String(values.map { value -> Character in
            guard let value, value.isFinite else { return " " }
            guard span > 0 else { return bars[0] }
            let position = (min(max(value, range.lowerBound), range.upperBound) - range.lowerBound) / span
            // A span too wide for a Double (values near ±1e308) has no position: the lowest bar.
            guard position.isFinite else { return bars[0] }
            return bars[min(bars.count - 1, Int((position * Double(bars.count - 1)).rounded()))]
        })
    }
}
