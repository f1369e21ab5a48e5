import BetweenCore
import Foundation

/// The moment a new entry is for: now as wall-clock time in the vault's zone, or `--date`.
public enum EntryClock {
    /// `now` as local wall-clock time (to the minute) in `timeZone`, without a zone:
    /// Between never shifts a written time, so the time written is the time on the clock.
    public static func now(in timeZone: TimeZone, at now: Date = Date()) -> EntryDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: now)
        return EntryDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1,
                         hour: parts.hour ?? 0, minute: parts.minute ?? 0)
    }

    /// The vault's zone (`timezone:` in between.yml), else the system's.
    public static func timeZone(of config: VaultConfig) -> TimeZone {
        config.timezone.flatMap(TimeZone.init(identifier:)) ?? .current
    }

    /// A `--date` value: `2026-11-20`, `2026-11-20 19:30`, `2026-11-20T19:30`, with or
    /// without seconds and zone, or `today`, `yesterday`, `-2d`, `-1w` (in `timeZone`, without a time).
    public static func parse(_ text: String, timeZone: TimeZone, now: Date = Date()) throws(DateParseError) -> EntryDate {
        let today = Self.now(in: timeZone, at: now)
        if let day = LocalDay.relative(text, today: EntryDate(year: today.year, month: today.month, day: today.day)) {
            return day
        }
        return try DateParser.parse(text)
    }
}
