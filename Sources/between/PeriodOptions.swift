import BetweenCore
import BetweenIndex
import ArgumentParser
import BetweenKit

/// `--since`, `--until`, `--session`: which days a digest or homework table covers.
///
/// Each takes the next word as its value even when it starts with `-` (`.unconditional`),
/// so `--since -14d` works as the help shows, as `--since=-14d` does.
struct PeriodOptions: ParsableArguments {
    @Option(name: .long, parsing: .unconditional,
            help: ArgumentHelp("Start: last-session (default), a date, today, yesterday, or -14d / -2w (days or weeks ago).", valueName: "when"))
    var since: String?

    @Option(name: .long, parsing: .unconditional,
            help: ArgumentHelp("End day: a date, today, yesterday or -1d (default: today).", valueName: "date"))
    var until: String?

    @Option(name: .long, parsing: .unconditional,
            help: ArgumentHelp("The period that ended at the session on this day (a date, or -7d for a week ago).", valueName: "date"))
    var session: String?

    func validate() throws {
        // With `.unconditional`, `--since --format html` would take `--format` as the date.
        for (option, value) in [("--since", since), ("--until", until), ("--session", session)] {
            if let value, value.hasPrefix("--") {
                throw ValidationError("\(option) needs a value before \(value), e.g. \(option) -14d or \(option) 2026-11-01")
            }
        }
        if session != nil && (since != nil || until != nil) {
            throw ValidationError("--session picks a whole period; use it without --since and --until")
        }
    }

    /// The period, from the vault's sessions and the local day. Private session notes
    /// count only when private entries reach `audience` (the digest leaves them out unless
    /// asked; the `homework` table is for the person and counts them).
    func resolve(in index: Index, for audience: Audience) throws -> DigestPeriod {
        let today = LocalClock(timezone: index.vault.config.timezone).today()
        func day(_ text: String, _ option: String) throws -> EntryDate {
            do {
                return try LocalClock.day(text, today: today)
            } catch {
                throw CommandError.badDay(option: option, error)
            }
        }
        let request: DigestPeriod.Request
        if let session {
            request = .session(try day(session, "--session"))
        } else if let since, since.lowercased() != "last-session" {
            request = .since(try day(since, "--since"))
        } else {
            request = .sinceLastSession
        }
        let end = try until.map { try day($0, "--until") }
        let sessions = try index.sessionDays(visibleTo: audience)
        do {
            return try DigestPeriod.resolve(request, sessions: sessions, today: today, until: end)
        } catch {
            if case .noSession(let day) = error, try index.sessionDays(visibleTo: .owner).contains(where: { $0.dayNumber == day.dayNumber }) {
                throw CommandError.privateSession(day)
            }
            throw error
        }
    }
}
