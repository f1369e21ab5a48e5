import Foundation
import Testing

/// How every command reads its options and speaks: values that start with `-`, errors that
/// all say `between: error:`, `-o` saying what it wrote, `export` saying what it left out,
/// and `list --sort`.
@Suite struct CommandLineConventionsTests {
    static let today = ["BETWEEN_TODAY": "2026-11-26"]

    // MARK: - Values that start with a dash

    @Test func periodValuesThatStartWithADashWorkAsTheHelpShows() throws {
        let vault = try TemporaryVault.copyOfExample()
        defer { vault.remove() }
        func digest(_ arguments: [String]) throws -> CLI.Result {
            try CLI.run(["digest"] + arguments + ["--vault", vault.root], environment: Self.today)
        }
        let spaced = try digest(["--since", "-7d"])
        #expect(spaced.status == 0, "\(spaced.stderr)")
        #expect(spaced.stdout.contains("Period: from 2026-11-19 to 2026-11-26 (8 days)"))
        #expect(try digest(["--since=-7d"]).stdout == spaced.stdout)
        let both = try digest(["--since", "-2w", "--until", "-1d"])
        #expect(both.status == 0 && both.stdout.contains("Period: from 2026-11-12 to 2026-11-25 (14 days)"), "\(both.stderr)")
        #expect(try digest(["--since=-2w", "--until=-1d"]).stdout == both.stdout)
        let session = try digest(["--session", "-9d"])
        #expect(session.status == 0 && session.stdout.contains("to the session on 2026-11-17"), "\(session.stderr)")
        let homework = try CLI.run(["homework", "--since", "-1w", "--vault", vault.root], environment: Self.today)
        #expect(homework.status == 0 && homework.stdout.hasPrefix("Homework from 2026-11-19"), "\(homework.stdout)\(homework.stderr)")
    }

    @Test func aMissingValueIsStillAClearError() throws {
        let vault = try TemporaryVault.copyOfExample()
        defer { vault.remove() }
        let atTheEnd = try CLI.run(["digest", "--vault", vault.root, "--since"], environment: Self.today)
        #expect(atTheEnd.status == 2)
        #expect(atTheEnd.stderr.hasPrefix("between: error: Missing value for '--since <when>'\n"), "\(atTheEnd.stderr)")
        #expect(atTheEnd.stderr.contains("Usage: between digest"))
        for (option, next) in [("--since", "--format"), ("--until", "--include-private"), ("--session", "--vault")] {
            let swallowed = try CLI.run(["digest", option, next, vault.root], environment: Self.today)
            #expect(swallowed.status == 2, "\(option) \(next)")
            #expect(swallowed.stderr.hasPrefix("between: error: \(option) needs a value before \(next), e.g. \(option) -14d"),
                    "\(swallowed.stderr)")
            #expect(swallowed.stdout.isEmpty)
        }
        let date = try CLI.run(["new", "mood", "--vault", vault.root, "--date"])
        #expect(date.status == 2 && date.stderr.hasPrefix("between: error: Missing value for '--date <date>'"), "\(date.stderr)")
    }

    @Test func newTakesADateDaysAgo() throws {
        let vault = try TemporaryVault(["between.yml": "timezone: UTC\n"])
        defer { vault.remove() }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        func daysAgo(_ count: Int) -> String {
            let day = calendar.date(byAdding: .day, value: -count, to: Date())!
            let parts = calendar.dateComponents([.year, .month, .day], from: day)
            return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
        }
        for arguments in [["--date", "-2d"], ["--date=-2d"]] {
            let before = daysAgo(2)
            let result = try CLI.run(["new", "mood", "--no-edit"] + arguments, in: vault.root)
            let after = daysAgo(2)
            #expect(result.status == 0, "\(result.stderr)")
            let month = before.prefix(7).replacingOccurrences(of: "-", with: "/")
            #expect(result.stdout == "journal/\(month)/\(before)-mood.md\n" || result.stdout.hasSuffix("/\(after)-mood.md\n")
                    || result.stdout.hasSuffix("/\(before)-mood-2.md\n"), "\(result.stdout)")
        }
    }

    // MARK: - Errors

    /// Every error, the parser's usage errors included, reads `between: error: …` and exits 2.
    @Test func everyErrorSaysBetweenError() throws {
        let vault = try TemporaryVault.copyOfExample()
        defer { vault.remove() }
        let cases: [[String]] = [
            ["frobnicate"],                                             // no such command
            ["list", "--format", "xml", "--vault", vault.root],         // a value not among the choices
            ["list", "--colour", "--vault", vault.root],                // no such option
            ["list", "--type", "thought-recrod", "--vault", vault.root],// validate()
            ["search", "--vault", vault.root],                          // a missing argument
            ["digest", "--since", "2026-11-20", "--session", "2026-11-17", "--vault", vault.root],
            ["digest", "--since", "next tuesday", "--vault", vault.root],  // a failure from run()
            ["query", "mood >=", "--vault", vault.root],                // the query language's own errors
            ["search", "bus", "--limit", "lots", "--vault", vault.root],
        ]
        for arguments in cases {
            let result = try CLI.run(arguments, environment: Self.today)
            let command = arguments.joined(separator: " ")
            #expect(result.status == 2, "between \(command)")
            #expect(result.stderr.hasPrefix("between: error: "), "between \(command): \(result.stderr)")
            #expect(!result.stderr.contains("Error: "), "between \(command): \(result.stderr)")
            #expect(result.stdout.isEmpty, "between \(command)")
        }
        // The parser's usage line and the pointer to --help are kept.
        let usage = try CLI.run(["list", "--format", "xml", "--vault", vault.root])
        #expect(usage.stderr.contains("\nUsage: between list ") && usage.stderr.hasSuffix("  See 'between list --help' for more information.\n"))
    }

    // MARK: - Saying what was written, and what was left out

    @Test func writingToAFileSaysSoOnStandardError() throws {
        let vault = try TemporaryVault.copyOfExample()
        let outside = try TemporaryVault(marked: false)
        defer { vault.remove(); outside.remove() }
        for command in [["digest", "--format", "html"], ["export", "--format", "csv"]] {
            let path = outside.root + "/report-\(command[0])"
            let result = try CLI.run(command + ["-o", path, "--vault", vault.root], environment: Self.today)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.isEmpty, "\(command[0]): nothing on stdout")
            #expect(result.stderr.hasPrefix("Wrote \(path)\n"), "\(command[0]): \(result.stderr)")
            #expect(FileManager.default.fileExists(atPath: path))
        }
        let relative = try CLI.run(["digest", "-o", "prep.md", "--vault", vault.root], in: outside.root, environment: Self.today)
        #expect(relative.stderr.hasPrefix("Wrote prep.md\n"), "as it was given: \(relative.stderr)")
        let toStandardOutput = try CLI.run(["digest", "-o", "-", "--vault", vault.root], environment: Self.today)
        #expect(!toStandardOutput.stderr.contains("Wrote") && toStandardOutput.stdout.hasPrefix("# Session prep"))
    }

    @Test func exportSaysHowManyPrivateEntriesItLeftOut() throws {
        let vault = try TemporaryVault.copyOfExample()
        defer { vault.remove() }
        let all = try CLI.run(["export", "--format", "jsonl", "--vault", vault.root], environment: Self.today)
        #expect(all.status == 0)
        #expect(all.stderr.contains("between: note: 4 private entries were left out of this export; add --include-private to include them\n"),
                "\(all.stderr)")
        #expect(!all.stdout.contains("\"private\":true"), "and they are left out")
        let moods = try CLI.run(["export", "type = mood", "--vault", vault.root], environment: Self.today)
        #expect(moods.stderr.contains("between: note: 1 private entry was left out of this export; add --include-private to include it\n"))
        let none = try CLI.run(["export", "type = homework", "--vault", vault.root], environment: Self.today)
        #expect(none.status == 0 && !none.stderr.contains("private"), "nothing private matched: \(none.stderr)")
        let included = try CLI.run(["export", "--include-private", "--format", "jsonl", "--vault", vault.root], environment: Self.today)
        #expect(!included.stderr.contains("left out") && included.stdout.split(separator: "\n").count
                == all.stdout.split(separator: "\n").count + 4)
    }

    // MARK: - list --sort

    @Test func listSortsByAnyFieldAndByPathByDefault() throws {
        let vault = try TemporaryVault([
            "sessions/third session.md": "---\ntype: session\ndate: 2026-11-17\n---\nTalked about the bus.\n",
            "sessions/2026-11-03.md": "---\ntype: session\ndate: 2026-11-03\n---\nFirst one.\n",
            "sessions/after-the-break.md": "---\ntype: session\ndate: 2026-11-10\n---\nBack after a week off.\n",
            "notes/ideas.md": "Some ideas, no date.\n",
        ])
        defer { vault.remove() }
        func paths(_ sort: [String]) throws -> [String] {
            let result = try CLI.run(["list", "--format", "paths", "--vault", vault.root] + sort)
            #expect(result.status == 0, "\(result.stderr)")
            return result.stdout.split(separator: "\n").map(String.init)
        }
        let byPath = ["notes/ideas.md", "sessions/2026-11-03.md", "sessions/after-the-break.md", "sessions/third session.md"]
        #expect(try paths([]) == byPath)
        let byDate = ["sessions/2026-11-03.md", "sessions/after-the-break.md", "sessions/third session.md", "notes/ideas.md"]
        #expect(try paths(["--sort", "date"]) == byDate, "undated last")
        let newestFirst = ["sessions/third session.md", "sessions/after-the-break.md", "sessions/2026-11-03.md", "notes/ideas.md"]
        #expect(try paths(["--sort", "-date"]) == newestFirst, "undated last in both directions")
        #expect(try paths(["--sort=-date"]) == newestFirst)
        #expect(try paths(["--sort", "type,-date", "--type", "session"]) == Array(newestFirst.prefix(3)))
        let bad = try CLI.run(["list", "--sort", "date,", "--vault", vault.root])
        #expect(bad.status == 2 && bad.stderr.hasPrefix("between: error: expected a field name to sort by"), "\(bad.stderr)")
    }
}
