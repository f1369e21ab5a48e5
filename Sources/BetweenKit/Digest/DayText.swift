import BetweenCore

/// Days and weeks in words people read without thinking: "Fri 20 Nov", "18–22 Nov",
/// "w/c 9 Nov" (the week commencing Monday 9 November, or Sunday with `week-start: sunday`).
///
/// English month names, whatever the machine's locale, so the same vault gives the same
/// bytes everywhere. The year is added only when it is not the year the reader is in
/// (`year`: the period's last day, or the newest of a trend).
public enum DayText {
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    private static let longMonths = ["January", "February", "March", "April", "May", "June", "July", "August",
                                     "September", "October", "November", "December"]
    private static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    private static let longWeekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    /// "20 Nov" (or "20 Nov 2025" outside `year`).
    public static func short(_ date: EntryDate, year: Int? = nil) -> String {
        "\(date.day) \(months[date.month - 1])" + yearSuffix(date, year)
    }

    /// "Fri 20 Nov".
    public static func withWeekday(_ date: EntryDate, year: Int? = nil) -> String {
        "\(weekdays[date.isoWeekday - 1]) " + short(date, year: year)
    }

    /// "Friday 27 November".
    public static func long(_ date: EntryDate, year: Int? = nil) -> String {
        "\(longWeekdays[date.isoWeekday - 1]) \(date.day) \(longMonths[date.month - 1])" + yearSuffix(date, year)
    }

    /// "18–22 Nov", "28 Nov – 3 Dec", or one day when both are the same.
    public static func span(_ first: EntryDate, _ last: EntryDate, year: Int? = nil) -> String {
        if first.dayNumber == last.dayNumber { return short(first, year: year) }
        if first.year == last.year && first.month == last.month {
            return "\(first.day)–" + short(last, year: year)
        }
        return short(first, year: year) + " – " + short(last, year: year)
    }

    /// "w/c 9 Nov": the week commencing `start`.
    public static func week(_ start: EntryDate, year: Int? = nil) -> String {
        "w/c " + short(start, year: year)
    }

    /// The first day of the week holding `date`: its Monday, or its Sunday when weeks start on Sunday.
    public static func weekStart(of date: EntryDate, weekStart: String) -> EntryDate {
        let offset = weekStart == "sunday" ? date.isoWeekday % 7 : date.isoWeekday - 1
        return EntryDate.fromDayNumber(date.dayNumber - offset)
    }

    private static func yearSuffix(_ date: EntryDate, _ year: Int?) -> String {
        guard let year, year != date.year else { return "" }
        return " \(date.year)"
    }
}
