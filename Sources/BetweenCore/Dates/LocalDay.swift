import Foundation

/// "Today" in the person's zone: the vault's `timezone`, else the system's.
///
/// `BETWEEN_TODAY=YYYY-MM-DD` fixes the day, so a digest can be reproduced exactly
/// (and tests don't depend on the calendar).
public enum LocalDay {
    public static func today(timezone: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
                             now: Date = Date()) -> EntryDate {
        if let fixed = environment["BETWEEN_TODAY"], let date = try? DateParser.parse(fixed) {
            return EntryDate(year: date.year, month: date.month, day: date.day)
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timezone.flatMap(TimeZone.init(identifier:)) ?? .current
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        return EntryDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    }

    /// Parses a day or relative day from the command line: `2026-11-20`, `today`,
    /// `yesterday`, `-14d`, `-2w`.
    public static func parse(_ text: String, today: EntryDate) throws(DateParseError) -> EntryDate {
        if let day = relative(text, today: today) { return day }
        let date = try DateParser.parse(text)
        return EntryDate(year: date.year, month: date.month, day: date.day)
    }

    /// A day named relative to `today` (`today`, `yesterday`, `-14d`, `-2w`, `+1d`), or nil
    /// when `text` is not one.
    public static func relative(_ text: String, today: EntryDate) -> EntryDate? {
        let lower = text.lowercased().trimmingASCIIWhitespace()
        switch lower {
        case "today": return today
        case "yesterday": return EntryDate.fromDayNumber(today.dayNumber - 1)
        default: break
        }
        if let last = lower.last, "dw".contains(last), let count = Int(lower.dropLast()), abs(count) < 100_000 {
            return EntryDate.fromDayNumber(today.dayNumber + count * (last == "w" ? 7 : 1))
        }
        return nil
    }
}
