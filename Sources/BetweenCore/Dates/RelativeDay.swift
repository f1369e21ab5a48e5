/// A day named relative to today, the one grammar for every place a person writes one:
/// `--since`, `--until`, `--session`, `new --date`, and values in queries.
///
/// ```
/// relative-day = "today" | "yesterday" | "tomorrow" | "last-session" | offset
/// offset       = [ "+" | "-" ] digit{1,6} ( "d" | "w" )
/// ```
/// ASCII letters in any case, surrounding spaces and tabs ignored. In a query the sign is
/// required (`-14d`): there an unsigned `14d` is text, so a word like `3d` can still be
/// looked for (`tags has 3d`). On the command line an offset has at most five digits
/// (`LocalClock`): a digest of a million weeks takes half a minute and a gigabyte.
public enum RelativeDay: Sendable, Hashable {
    /// `today` (0), `yesterday` (-1), `tomorrow` (1), `-7d`, `+3d`, `-2w` (-14): days from today.
    case days(Int)
    /// `last-session`: the latest session before today.
    case lastSession

    /// The relative day `word` names, or nil when it names none; an offset has at most
    /// `maxDigits` digits.
    public static func parse(_ word: String, signRequired: Bool, maxDigits: Int = 6) -> RelativeDay? {
        let lower = word.lowercased().trimmingASCIIWhitespace()
        switch lower {
        case "today": return .days(0)
        case "yesterday": return .days(-1)
        case "tomorrow": return .days(1)
        case "last-session": return .lastSession
        default: break
        }
        guard let unit = lower.last, unit == "d" || unit == "w" else { return nil }
        var digits = lower.dropLast()
        let sign = digits.first.flatMap { $0 == "-" || $0 == "+" ? $0 : nil }
        if sign != nil { digits = digits.dropFirst() } else if signRequired { return nil }
        guard !digits.isEmpty, digits.count <= maxDigits, digits.allSatisfy({ ("0"..."9").contains($0) }), let count = Int(digits) else {
            return nil
        }
        return .days((sign == "-" ? -count : count) * (unit == "w" ? 7 : 1))
    }

    /// The day this names when today is `today` and the latest session before it was on
    /// `lastSession`; nil for `last-session` when there is none yet.
    public func day(today: EntryDate, lastSession: EntryDate?) -> EntryDate? {
        switch self {
        case .days(let offset): EntryDate.fromDayNumber(today.dayNumber + offset)
        case .lastSession: lastSession
        }
    }
}
