import BetweenCore

/// The days a digest covers, both ends included, in the person's local days.
public struct DigestPeriod: Sendable, Hashable {
    /// First day (inclusive).
    public var start: EntryDate
    /// Last day (inclusive).
    public var end: EntryDate
    /// Why these days, in words for the digest's opening line. It never counts the days:
    /// every place that shows it adds the count after it (`summary`, the digest templates).
    public var basis: String

    public init(start: EntryDate, end: EntryDate, basis: String) {
        self.start = EntryDate(year: start.year, month: start.month, day: start.day)
        self.end = EntryDate(year: end.year, month: end.month, day: end.day)
        self.basis = basis
    }

    /// Number of days covered.
    public var dayCount: Int { max(0, end.dayNumber - start.dayNumber + 1) }

    /// The basis and the day count, as the digest's opening line gives them:
    /// "since the session on 2026-11-17 (10 days)".
    public var summary: String { "\(basis) (\(dayCount) day\(dayCount == 1 ? "" : "s"))" }

    /// Whether an entry's written day falls inside.
    public func contains(_ date: EntryDate) -> Bool {
        (start.dayNumber...end.dayNumber).contains(date.dayNumber)
    }

    /// How a period is asked for on the command line.
    public enum Request: Sendable, Hashable {
        /// From the latest session before today (the default).
        case sinceLastSession
        /// From a day.
        case since(EntryDate)
        /// The period that ended at the session on this day (from the one before it).
        case session(EntryDate)
    }

    /// Days without a session to start from: the last two weeks.
    public static let fallbackDays = 14

    /// Resolves a request against the vault's session days.
    ///
    /// - Parameters:
    ///   - sessions: days of `session` records, any order.
    ///   - today: the local day now.
    ///   - until: the last day asked for (default today).
    public static func resolve(_ request: Request, sessions: [EntryDate], today: EntryDate, until: EntryDate? = nil) throws(PeriodError) -> DigestPeriod {
        let days = Set(sessions.map(\.dayNumber)).sorted()
        let end = until ?? today
        switch request {
        case .since(let day):
            guard day.dayNumber <= end.dayNumber else { throw .backwards(day, end) }
            return DigestPeriod(start: day, end: end, basis: "from \(day.dayString) to \(end.dayString)")
        case .sinceLastSession:
            guard let last = days.last(where: { $0 < end.dayNumber }) ?? days.last(where: { $0 <= end.dayNumber }) else {
                // `fallbackDays` in words: the count itself follows the basis wherever it is shown.
                let start = EntryDate.fromDayNumber(end.dayNumber - fallbackDays + 1)
                let weeks = end.dayNumber == today.dayNumber ? "the last two weeks" : "the two weeks to \(end.dayString)"
                let why = days.isEmpty ? "there are no session notes yet" : "there is no session note before then"
                return DigestPeriod(start: start, end: end, basis: "\(weeks), as \(why) to start from")
            }
            let start = EntryDate.fromDayNumber(last)
            let basis = end.dayNumber == today.dayNumber ? "since the session on \(start.dayString)" : "from the session on \(start.dayString) to \(end.dayString)"
            return DigestPeriod(start: start, end: end, basis: basis)
        case .session(let day):
            guard days.contains(day.dayNumber) else { throw .noSession(day) }
            guard let previous = days.last(where: { $0 < day.dayNumber }) else {
                let start = EntryDate.fromDayNumber(day.dayNumber - fallbackDays)
                return DigestPeriod(start: start, end: day, basis: "from two weeks before the first session to that session, on \(day.dayString)")
            }
            let start = EntryDate.fromDayNumber(previous)
            return DigestPeriod(start: start, end: day, basis: "from the session on \(start.dayString) to the session on \(day.dayString)")
        }
    }
}

/// Why a period can't be made.
public enum PeriodError: UserFacingError, Sendable, CustomStringConvertible {
    case backwards(EntryDate, EntryDate)
    case noSession(EntryDate)

    public var description: String {
        switch self {
        case .backwards(let start, let end):
            "the period starts on \(start.dayString), after it ends on \(end.dayString); check --since and --until"
        case .noSession(let day):
            "there is no session note dated \(day.dayString); `between list --type session` lists them"
        }
    }
}
