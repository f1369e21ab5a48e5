import Foundation

/// "Now" and "today" as the person's clock shows them: in the vault's zone (`timezone:`
/// in between.yml), else the system's.
///
/// `BETWEEN_TODAY=YYYY-MM-DD` fixes today, so a digest can be reproduced exactly (and
/// tests don't depend on the calendar). It fixes the day, not the time: `new` without
/// `--date` still writes the time on the clock.
public struct LocalClock: Sendable {
    public let timeZone: TimeZone
    /// The day `BETWEEN_TODAY` fixes, if it is set to one.
    public let fixedToday: EntryDate?

    /// The clock of a vault whose `timezone:` is `timezone` (nil: the system's zone).
    public init(timezone: String?, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.init(timeZone: timezone.flatMap(TimeZone.init(identifier:)) ?? .current,
                  fixedToday: environment["BETWEEN_TODAY"].flatMap { try? DateParser.parse($0) })
    }

    public init(timeZone: TimeZone, fixedToday: EntryDate? = nil) {
        self.timeZone = timeZone
        self.fixedToday = fixedToday.map { EntryDate(year: $0.year, month: $0.month, day: $0.day) }
    }

    /// The day it is (or `BETWEEN_TODAY`), as a date without a time.
    public func today(at now: Date = Date()) -> EntryDate {
        if let fixedToday { return fixedToday }
        let moment = self.now(at: now)
        return EntryDate(year: moment.year, month: moment.month, day: moment.day)
    }

    /// `now` as wall-clock time to the minute, without a zone: Between never shifts a
    /// written time, so the time written is the time on the clock.
    public func now(at now: Date = Date()) -> EntryDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: now)
        return EntryDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1,
                         hour: parts.hour ?? 0, minute: parts.minute ?? 0)
    }

    /// A day given on the command line (`--since`, `--until`, `--session`): a relative day
    /// (`RelativeDay`, the sign optional), or a date whose time, if any, is dropped.
    /// `last-session` is not a day here (`--since` handles it before asking).
    public static func day(_ text: String, today: EntryDate) throws(DateParseError) -> EntryDate {
        let date = try moment(text, today: today)
        return EntryDate(year: date.year, month: date.month, day: date.day)
    }

    /// A moment given on the command line (`new --date`): a relative day (a date without a
    /// time), or a date kept as written, with its time and zone.
    public static func moment(_ text: String, today: EntryDate) throws(DateParseError) -> EntryDate {
        if case .days(let offset)? = RelativeDay.parse(text, signRequired: false, maxDigits: 5) {
            return EntryDate.fromDayNumber(today.dayNumber + offset)
        }
        return try DateParser.parse(text)
    }
}
