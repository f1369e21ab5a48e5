import ArgumentParser
import BetweenKit

/// `--since`, `--until`, `--session`: which days a digest or homework table covers.
struct PeriodOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Start: last-session (default), a date, or -14d / -2w.", valueName: "when"))
    var since: String?

    @Option(name: .long, help: ArgumentHelp("End day (default: today).", valueName: "date"))
    var until: String?

    @Option(name: .long, help: ArgumentHelp("The period that ended at the session on this date.", valueName: "date"))
    var session: String?

    func validate() throws {
        if session != nil && (since != nil || until != nil) {
            throw ValidationError("--session picks a whole period; use it without --since and --until")
        }
    }

    /// The period, from the vault's sessions and the local day. Private session notes
    /// count only with `includePrivate` (the digest leaves them out unless asked; the
    /// `homework` table is for the person and counts them).
    func resolve(in index: Index, includePrivate: Bool) throws -> DigestPeriod {
        let today = LocalDay.today(timezone: index.vault.config.timezone)
        func day(_ text: String, _ option: String) throws -> EntryDate {
            do {
                return try LocalDay.parse(text, today: today)
            } catch {
                throw BetweenFailure(message: "\(option): \(error)")
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
        let sessions = try index.sessionDays(includePrivate: includePrivate)
        do {
            return try DigestPeriod.resolve(request, sessions: sessions, today: today, until: end)
        } catch {
            if case .noSession(let day) = error, try index.sessionDays(includePrivate: true).contains(where: { $0.dayNumber == day.dayNumber }) {
                throw BetweenFailure(message: "the session note dated \(day.dayString) is private, so a digest doesn't use it; "
                    + "add --include-private to use it, or pick another session (`between list --type session` lists them)")
            }
            throw BetweenFailure(message: error.description)
        }
    }
}
