import BetweenCore

/// What relative dates in a query (`today`, `-7d`, `last-session`) are measured from.
///
/// The caller decides "today" (the local day in the vault's time zone) and the last
/// session, so compiling a query never reads the clock and tests are repeatable.
public struct QueryContext: Sendable, Hashable {
    /// The local day; any time of day in it is ignored.
    public var today: EntryDate
    /// The date of the latest session before today, if there is one (`Index.lastSession`).
    /// A date-only session compares by day; one with a time by its wall-clock time.
    public var lastSession: EntryDate?

    public init(today: EntryDate, lastSession: EntryDate? = nil) {
        self.today = EntryDate.fromDayNumber(today.dayNumber)
        self.lastSession = lastSession
    }

    /// The date a relative date stands for.
    func resolve(_ relative: RelativeDay, column: Int) throws(QuerySyntaxError) -> EntryDate {
        guard let day = relative.day(today: today, lastSession: lastSession) else {
            throw QuerySyntaxError(
                message: "there is no session before today yet, so 'last-session' has no date",
                column: column,
                hint: "add a session entry (between new session), or use a date such as -14d or 2026-11-01")
        }
        return day
    }
}

extension Character {
    var isQueryDigit: Bool { ("0"..."9").contains(self) }
}
