import Foundation
import Testing
@testable import BetweenKit

/// What `digest` and `export` share, where they write it, and what they say they left
/// out: a private session never sets the period, `-o` never replaces a note, notes that
/// can't be read are counted (never shown), and CSV cells never start a formula.
@Suite struct SharingCommandsTests {
    static let today = ["BETWEEN_TODAY": "2026-11-25"]

    // MARK: A private session note

    static let sessions = [
        "sessions/2026-11-10.md": "---\ntype: session\ndate: 2026-11-10 16:00\n---\n# Session\nTalked about the bus.\n",
        "sessions/2026-11-19.md": "---\ntype: session\ndate: 2026-11-19 16:00\nprivate: true\n---\n# Extra session\nThe one about Dad.\n",
        "journal/2026-11-12-2030-mood.md": "---\ntype: mood\ndate: 2026-11-12 20:30\nmood: 4\n---\n# Long day\n\n## Questions\n- Is it normal to feel flat after the bus?\n",
        "journal/2026-11-22-0900-mood.md": "---\ntype: mood\ndate: 2026-11-22 09:00\nmood: 6\n---\n# Better morning\n",
    ]

    @Test func aPrivateSessionNeverSetsTheDigestPeriod() throws {
        let vault = try TemporaryVault(Self.sessions)
        defer { vault.remove() }
        for since in [[], ["--since", "last-session"], ["--since", "LAST-SESSION"]] {
            let json = try CLI.run(["digest", "--format", "json", "--vault", vault.root] + since, environment: Self.today)
            #expect(json.status == 0, "\(json.stderr)")
            let period = try #require((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["period"] as? [String: Any])
            #expect(period["start"] as? String == "2026-11-10", "\(since)")
            #expect(period["basis"] as? String == "since the session on 2026-11-10")
            #expect(json.stdout.contains("Is it normal to feel flat"), "the entry after the public session is in")
        }
        for format in ["md", "html"] {
            let text = try CLI.run(["digest", "--format", format, "--vault", vault.root], environment: Self.today).stdout
            #expect(text.contains("since the session on 2026-11-10"))
            #expect(!text.contains("session on 2026-11-19"), "\(format) names the private session's date")
        }
        // Asked for, the private session counts.
        let included = try CLI.run(["digest", "--include-private", "--vault", vault.root], environment: Self.today)
        #expect(included.stdout.contains("since the session on 2026-11-19"))
        // Named with --session, it is refused with the reason, not "there is no session".
        let named = try CLI.run(["digest", "--session", "2026-11-19", "--vault", vault.root], environment: Self.today)
        #expect(named.status == 2)
        #expect(named.stdout.isEmpty)
        #expect(named.stderr.contains("the session note dated 2026-11-19 is private"))
        #expect(named.stderr.contains("--include-private"))
    }

    /// `homework` and `query` are for the person: a private session is their last session.
    /// `export` shares: its `last-session` is the last public one unless asked otherwise.
    @Test func lookUpCommandsCountPrivateSessionsAndExportDoesNot() throws {
        let vault = try TemporaryVault(Self.sessions)
        defer { vault.remove() }
        let homework = try CLI.run(["homework", "--vault", vault.root], environment: Self.today)
        #expect(homework.stdout.contains("since the session on 2026-11-19"), "\(homework.stdout)")
        let query = try CLI.run(["query", "type = mood and date >= last-session", "--format", "paths", "--vault", vault.root],
                                environment: Self.today)
        #expect(query.stdout == "journal/2026-11-22-0900-mood.md\n")
        let export = try CLI.run(["export", "type = mood and date >= last-session", "--format", "jsonl", "--vault", vault.root],
                                 environment: Self.today)
        #expect(export.stdout.contains("journal/2026-11-12-2030-mood.md"))
        #expect(export.stdout.contains("journal/2026-11-22-0900-mood.md"))
        let exportAll = try CLI.run(["export", "type = mood and date >= last-session", "--include-private", "--format", "jsonl",
                                     "--vault", vault.root], environment: Self.today)
        #expect(!exportAll.stdout.contains("journal/2026-11-12-2030-mood.md"))
    }

}
