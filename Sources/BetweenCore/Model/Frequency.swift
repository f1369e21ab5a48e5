/// How often an assignment is meant to be practised (`frequency:` of a homework).
public enum Frequency: Sendable, Hashable, CustomStringConvertible {
    case daily
    /// Monday to Friday.
    case weekdays
    case timesPerWeek(Int)
    case timesPerDay(Int)
    case once
    /// No expected count: practised when needed.
    case asNeeded

    /// Parses `daily`, `weekdays`, `N/week`, `N/day`, `once`, `as-needed`
    /// (case-insensitive; `N per week`, `Nx/week` and `N times a week` are accepted too).
    public init?(_ text: String) {
        let words = text.lowercased().trimmingASCIIWhitespace()
        switch words {
        case "daily", "every day", "1/day": self = .daily
        case "weekdays", "every weekday": self = .weekdays
        case "once": self = .once
        case "as-needed", "as needed", "when needed": self = .asNeeded
        case "weekly": self = .timesPerWeek(1)
        default:
            guard let (count, unit) = Frequency.countAndUnit(words), count > 0, count <= 1000 else { return nil }
            switch unit {
            case "week", "wk": self = .timesPerWeek(count)
            case "day", "d": self = .timesPerDay(count)
            default: return nil
            }
        }
    }

    /// Splits "3/week", "3x/week", "3 per week", "3 times a week" into (3, "week").
    private static func countAndUnit(_ text: String) -> (Int, String)? {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard let count = Int(digits) else { return nil }
        var rest = Substring(text.dropFirst(digits.count))
        for filler in ["x", " times", " time"] where rest.hasPrefix(filler) {
            rest = rest.dropFirst(filler.count)
        }
        let trimmed = String(rest).trimmingASCIIWhitespace()
        for separator in ["/", "per ", "a ", "an ", "each "] where trimmed.hasPrefix(separator) {
            return (count, String(trimmed.dropFirst(separator.count)).trimmingASCIIWhitespace())
        }
        return nil
    }

    public var description: String {
        switch self {
        case .daily: "daily"
        case .weekdays: "weekdays"
        case .timesPerWeek(let count): "\(count)/week"
        case .timesPerDay(let count): "\(count)/day"
        case .once: "once"
        case .asNeeded: "as-needed"
        }
    }
}
