/// A date or date-time exactly as a person wrote it in front matter.
///
/// Between parses dates itself (Yams would turn a zone-less time into UTC).
/// A time without a zone is the writer's local wall-clock time and is never
/// shifted: `day` is always the calendar day that was written, whatever the
/// machine's zone or the offset given.
public struct EntryDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int
    /// Nil for a date without a time.
    public var hour: Int?
    public var minute: Int?
    public var second: Int?
    /// The written UTC offset in minutes (`Z` is 0); nil when no zone was written.
    public var utcOffsetMinutes: Int?
    /// The text as written, trimmed.
    public var text: String

    public init(year: Int, month: Int, day: Int, hour: Int? = nil, minute: Int? = nil,
                second: Int? = nil, utcOffsetMinutes: Int? = nil, text: String? = nil) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.utcOffsetMinutes = utcOffsetMinutes
        self.text = text ?? ""
        if text == nil { self.text = isoText }
    }

    /// Whether a time of day was written.
    public var hasTime: Bool { hour != nil }

    /// The calendar day as `YYYY-MM-DD`: the day the writer meant.
    public var dayString: String {
        "\(year.zeroPadded(to: 4))-\(month.zeroPadded(to: 2))-\(day.zeroPadded(to: 2))"
    }

    /// The time of day as written, `HH:MM` (no seconds, no zone); nil for a date without a time.
    public var timeOfDay: String? {
        guard let hour, let minute else { return nil }
        return hour.zeroPadded(to: 2) + ":" + minute.zeroPadded(to: 2)
    }

    /// The wall-clock time in ISO form, `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM[:SS][zone]`,
    /// normalised (a space becomes `T`) but never shifted to another zone.
    public var isoText: String {
        guard let timeOfDay else { return dayString }
        var result = "\(dayString)T\(timeOfDay)"
        if let second { result += ":\(second.zeroPadded(to: 2))" }
        if let offset = utcOffsetMinutes {
            if offset == 0 {
                result += "Z"
            } else {
                let sign = offset < 0 ? "-" : "+"
                result += "\(sign)\((abs(offset) / 60).zeroPadded(to: 2)):\((abs(offset) % 60).zeroPadded(to: 2))"
            }
        }
        return result
    }

    /// A key that sorts entries by the wall-clock time written (`YYYY-MM-DDTHH:MM:SS`).
    ///
    /// Dates without a time sort at the start of their day.
    public var sortKey: String {
        "\(dayString)T\((hour ?? 0).zeroPadded(to: 2)):\((minute ?? 0).zeroPadded(to: 2)):\((second ?? 0).zeroPadded(to: 2))"
    }

    /// `sortKey` as a number (`YYYYMMDDHHMMSS`): the same order, compared without
    /// building text, for sorting thousands of entries. Years have four digits
    /// (`DateParser`), so the digits never overlap.
    public var sortNumber: Int64 {
        let day = Int64(year) * 10_000 + Int64(month) * 100 + Int64(self.day)
        return day * 1_000_000 + Int64(hour ?? 0) * 10_000 + Int64(minute ?? 0) * 100 + Int64(second ?? 0)
    }

    /// The sort position of a date that may be missing: no date sorts before every
    /// date, as an empty sort key would.
    public static func sortNumber(_ date: EntryDate?) -> Int64 {
        date?.sortNumber ?? -1
    }

    /// Day number counted from 1970-01-01 in the proleptic Gregorian calendar:
    /// plain arithmetic, no time zone involved.
    public var dayNumber: Int {
        EntryDate.daysFromCivil(year: year, month: month, day: day)
    }

    public var description: String { text }

    public static func < (lhs: EntryDate, rhs: EntryDate) -> Bool {
        lhs.sortNumber < rhs.sortNumber
    }
}

// MARK: - Calendar arithmetic

extension EntryDate {
    /// Days since 1970-01-01 (Howard Hinnant's algorithm; valid for any year).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date-only value for a day number (inverse of `dayNumber`).
    public static func fromDayNumber(_ days: Int) -> EntryDate {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return EntryDate(year: year, month: month, day: day)
    }

    /// Number of days in a month, leap years included.
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

// MARK: - Weeks

extension EntryDate {
    /// 1 = Monday … 7 = Sunday.
    public var isoWeekday: Int {
        let days = dayNumber // 1970-01-01 was a Thursday (4)
        return ((days % 7 + 7) % 7 + 3) % 7 + 1
    }

    /// The ISO 8601 week of the written day, `YYYY-Www` (weeks start on Monday;
    /// week 1 holds the year's first Thursday).
    public var isoWeek: String {
        let thursday = dayNumber - isoWeekday + 4
        let weekYear = EntryDate.fromDayNumber(thursday).year
        let firstOfYear = EntryDate.daysFromCivil(year: weekYear, month: 1, day: 1)
        let week = (thursday - firstOfYear) / 7 + 1
        return "\(weekYear)-W\(week.zeroPadded(to: 2))"
    }
}
