import Foundation
import Testing
@testable import BetweenCore
@testable import BetweenIndex
@testable import BetweenKit

/// `between index`, `search` and `sql` as a person runs them, including several at once.
@Suite struct IndexCLITests {
    private func vault() throws -> TemporaryVault {
        var files = ["between.yml": "", "homework/walk.md": "---\ntype: homework\nfrequency: 3/week\n---\n# Evening walk\n"]
        for day in 1...40 {
            let date = String(format: "2026-10-%02d", (day - 1) % 28 + 1)
            files["journal/\(day).md"] = "---\ntype: mood\ndate: \(date) 20:00\nhomework: walk\nmood: \(day % 11)\n---\nWalked \(day) minutes by the canal.\n"
        }
        let vault = try TemporaryVault(files)
        try vault.backdate()
        return vault
    }

    @Test func indexSaysWhatItDidAndRebuildStartsAgain() throws {
        let vault = try vault()
        defer { vault.remove() }
        let first = try CLI.run(["index"], in: vault.root)
        #expect(first.status == 0)
        #expect(first.stderr == "Index up to date: 41 parsed, 0 unchanged.\n")
        #expect(try CLI.run(["index"], in: vault.root).stderr == "Index up to date: 0 parsed, 41 unchanged.\n")
        #expect(try CLI.run(["index", "--rebuild"], in: vault.root).stderr == "Index up to date: 41 parsed, 0 unchanged.\n")
        let quiet = try CLI.run(["index", "--quiet"], in: vault.root)
        #expect(quiet.stderr.isEmpty && quiet.stdout.isEmpty)
    }

    @Test func concurrentRunsNeverFailOrCorruptTheIndex() throws {
        let vault = try vault()
        defer { vault.remove() }
        let results = [["index"], ["list", "--format", "paths"], ["index"], ["sql", "SELECT count(*) FROM record"]]
            .map { $0 + ["--vault", vault.root] }
            .parallelRuns()
        for result in results {
            #expect(result.status == 0, "\(result.stderr)")
        }
        let listed = try CLI.run(["list", "--format", "paths", "--vault", vault.root]).stdout
        #expect(listed.split(separator: "\n").count == 41)
        #expect(try CLI.run(["sql", "PRAGMA integrity_check", "--vault", vault.root]).stdout.contains("ok"))
    }

    /// TOMLKit never frees what it parses; Between frees each front matter's tree once
    /// read, so a vault written in Hugo's `+++` form costs about what the same vault in
    /// YAML does (it leaked ~2 KiB a file before: 8 MB more here, 100 MB at 50,000 notes).
    /// (Not under `make sanitize`: a sanitizer's own bookkeeping swamps the difference.)
    @Test(.enabled(if: ProcessInfo.processInfo.environment["BETWEEN_SANITIZER"] == nil))
    func aTOMLVaultNeedsAboutTheMemoryOfTheSameVaultInYAML() throws {
        let toml = Self.moodNotes(4_000, toml: true), yaml = Self.moodNotes(4_000, toml: false)
        let tomlVault = try TemporaryVault(toml), yamlVault = try TemporaryVault(yaml)
        defer { tomlVault.remove(); yamlVault.remove() }
        let tomlRun = try CLI.peakMemory(["index", "--quiet", "--vault", tomlVault.root])
        let yamlRun = try CLI.peakMemory(["index", "--quiet", "--vault", yamlVault.root])
        #expect(tomlRun.status == 0 && yamlRun.status == 0)
        let entries = try Index.open(Vault(root: tomlVault.root)).entries()
        #expect(entries.count == 4_000)
        #expect(entries.allSatisfy { $0.fields.count == 6 && $0.diagnostics.isEmpty })
        // Now ~2.5 MB apart (TOMLKit's accessors still leak their small copies).
        #expect(tomlRun.kibibytes - yamlRun.kibibytes < 5_000, "TOML \(tomlRun.kibibytes) KiB, YAML \(yamlRun.kibibytes) KiB")
    }

    /// Commands that go through the whole vault keep only what they need: `check` a
    /// batch of notes and their problems, `cope` per practice its counts and best entry,
    /// `list` (and `query`) in JSON and `export` one record at a time as they print.
    /// Their memory may not grow with the vault (each held every note before: at
    /// 50,000, 491 MB for check, 383 MB for cope, 508 MB for list --format json,
    /// 475 MB for export --format csv). 10,000 notes against
    /// 1,000: 16–17 MB more before (debug build); now 3–5 MB, most of it the refresh's
    /// list of files and their stored stamps (some 500 bytes a file), which every
    /// command needs.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["BETWEEN_SANITIZER"] == nil))
    func wholeVaultCommandsNeedMemoryForWhatTheyKeepNotForEveryNote() throws {
        let small = try TemporaryVault(Self.moodNotes(1_000, toml: false))
        let large = try TemporaryVault(Self.moodNotes(10_000, toml: false))
        defer { small.remove(); large.remove() }
        // Measured on a warm index: building one is measured elsewhere. The notes are
        // backdated first: notes saved in the last two seconds are read again by the next
        // command (`IndexRefresh.recentWindow`), and on a slow machine that was thousands
        // of them, which measured the refresh instead of the command.
        try small.backdate()
        try large.backdate()
        try CLI.run(["index", "--quiet", "--vault", small.root])
        try CLI.run(["index", "--quiet", "--vault", large.root])
        // (Not `query`: it prints through the same `Index.write` as `list`, and its
        // field lookups fill SQLite's page caches, a few bounded MB that made the
        // difference here too close to call.)
        for command in [["check"], ["cope"], ["list", "--format", "json"], ["export", "--format", "csv"]] {
            let smallRun = try CLI.peakMemory(command + ["--vault", small.root])
            let largeRun = try CLI.peakMemory(command + ["--vault", large.root])
            #expect(smallRun.status == 0 && largeRun.status == 0, "\(command)")
            #expect(largeRun.kibibytes - smallRun.kibibytes < 9_000,
                    "\(command): 1,000 notes \(smallRun.kibibytes) KiB, 10,000 notes \(largeRun.kibibytes) KiB")
        }
    }

    /// `count` mood notes over a dozen years, in YAML or TOML front matter, with a body.
    private static func moodNotes(_ count: Int, toml: Bool) -> [String: String] {
        let moods = ["flat", "wired", "calm after the walk", "teary at lunch", "okay, actually"]
        var notes: [String: String] = [:]
        for number in 0..<count {
            let day = String(format: "20%02d-%02d-%02d", 14 + number / 336, 1 + number / 28 % 12, 1 + number % 28)
            let body = "\n# \(moods[number % 5].capitalized)\n\nSlept \(4 + number % 5) hours. Went to the shop anyway.\n"
            let score = 1 + number % 10
            notes["journal/\(day)-\(number).md"] = toml ? """
                +++
                type = "mood"
                date = \(day)
                mood = \(score)
                tags = ["sleep", "work"]
                note = "\(moods[number % 5])"
                [emotions]
                anxious = \(number % 100)
                +++
                """ + body : """
                ---
                type: mood
                date: \(day)
                mood: \(score)
                tags: [sleep, work]
                note: "\(moods[number % 5])"
                emotions:
                  anxious: \(number % 100)
                ---
                """ + body
        }
        return notes
    }

    @Test func sqlRefusesWritesWithExitTwo() throws {
        let vault = try vault()
        defer { vault.remove() }
        let refused = try CLI.run(["sql", "DELETE FROM record", "--vault", vault.root])
        #expect(refused.status == 2)
        #expect(refused.stderr.hasPrefix("between: error: between sql only reads"))
        let csv = try CLI.run(["sql", "SELECT type, count(*) AS n FROM record GROUP BY type ORDER BY type", "--format", "csv", "--vault", vault.root])
        #expect(csv.stdout == "type,n\r\nhomework,1\r\nmood,40\r\n")
        let broken = try CLI.run(["sql", "SELEC nonsense", "--vault", vault.root])
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("the SQL failed"))
    }

    /// `sql` names what it refused and why, and runs nothing of it.
    @Test func sqlRefusesSettingsTransactionsAndOutsideCodeByWhatTheyDo() throws {
        let vault = try vault()
        defer { vault.remove() }
        for (sql, why) in [("PRAGMA writable_schema(1)", "would change SQLite's writable_schema setting"),
                           ("SAVEPOINT mine", "would start or end a transaction or savepoint"),
                           ("SELECT fts3_tokenizer('simple', x'00')", "calls fts3_tokenizer(), which can make SQLite run code")] {
            let refused = try CLI.run(["sql", sql, "--vault", vault.root])
            #expect(refused.status == 2)
            #expect(refused.stdout.isEmpty)
            #expect(refused.stderr.hasPrefix("between: error: between sql only reads: '\(sql)' \(why)"), "\(refused.stderr)")
        }
    }

    /// Rows are printed as they come, so a result of any size needs the same memory:
    /// 400,000 rows against 20,000 (every row was held before printing: some 180 MB
    /// more here, 2.7 GB at ten million rows, and at a hundred million the process was
    /// killed with nothing printed). A table holds its first 1,000 rows to size its columns.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["BETWEEN_SANITIZER"] == nil))
    func sqlPrintsAnyNumberOfRowsInLittleMemory() throws {
        let vault = try vault()
        defer { vault.remove() }
        try CLI.run(["index", "--quiet", "--vault", vault.root])
        func rows(_ count: Int) -> String {
            "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < \(count)) SELECT x, 'walked ' || x || ' minutes' AS note FROM n"
        }
        for format in ["table", "json", "csv"] {
            let small = try CLI.peakMemory(["sql", rows(20_000), "--format", format, "--vault", vault.root])
            let large = try CLI.peakMemory(["sql", rows(400_000), "--format", format, "--vault", vault.root])
            #expect(small.status == 0 && large.status == 0, "\(format)")
            #expect(large.kibibytes - small.kibibytes < 8_000, "\(format): 20,000 rows \(small.kibibytes) KiB, 400,000 rows \(large.kibibytes) KiB")
        }
    }

    /// Printing as rows come changes no byte of a result: each format as it was.
    @Test func sqlPrintsEachFormatExactlyAsBefore() throws {
        let vault = try vault()
        defer { vault.remove() }
        let sql = """
            SELECT path, mood, mood / 4.0 AS quarter, NULL AS blank, 'said "fine",
            then cried' AS words FROM record r JOIN (SELECT recordId, num AS mood FROM field WHERE key = 'mood') ON recordId = r.id
            WHERE path IN ('journal/1.md', 'journal/10.md') ORDER BY path
            """
        let table = try CLI.run(["sql", sql, "--vault", vault.root])
        #expect(table.stdout == """
            path           mood  quarter  blank  words
            journal/1.md   1     0.25            said "fine", then cried
            journal/10.md  10    2.5             said "fine", then cried

            """)
        let json = try CLI.run(["sql", sql, "--format", "json", "--vault", vault.root])
        #expect(json.stdout == """
            [
              {
                "path": "journal/1.md",
                "mood": 1,
                "quarter": 0.25,
                "blank": null,
                "words": "said \\"fine\\",\\nthen cried"
              },
              {
                "path": "journal/10.md",
                "mood": 10,
                "quarter": 2.5,
                "blank": null,
                "words": "said \\"fine\\",\\nthen cried"
              }
            ]

            """)
        let csv = try CLI.run(["sql", sql, "--format", "csv", "--vault", vault.root])
        #expect(csv.stdout == "path,mood,quarter,blank,words\r\njournal/1.md,1,0.25,,\"said \"\"fine\"\",\nthen cried\"\r\n"
            + "journal/10.md,10,2.5,,\"said \"\"fine\"\",\nthen cried\"\r\n")
        // No rows: the header alone, an empty array; no statement with rows at all: nothing.
        let none = "SELECT path FROM record WHERE 0"
        #expect(try CLI.run(["sql", none, "--vault", vault.root]).stdout == "path\n")
        #expect(try CLI.run(["sql", none, "--format", "json", "--vault", vault.root]).stdout == "[]\n")
        #expect(try CLI.run(["sql", none, "--format", "csv", "--vault", vault.root]).stdout == "path\r\n")
        #expect(try CLI.run(["sql", "PRAGMA case_sensitive_like", "--vault", vault.root]).stdout == "")
        #expect(try CLI.run(["sql", "PRAGMA case_sensitive_like", "--format", "json", "--vault", vault.root]).stdout == "[]\n")
        #expect(try CLI.run(["sql", "PRAGMA case_sensitive_like", "--format", "csv", "--vault", vault.root]).stdout == "\r\n")
    }

    /// A table sized by its first 1,000 rows: a wider cell later widens its column from
    /// that row on (what was printed stays as it was); nothing is cut but at 80 characters.
    @Test func aLongTableIsSizedByItsFirstThousandRowsThenWidens() throws {
        let vault = try vault()
        defer { vault.remove() }
        let sql = """
            WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 1002)
            SELECT CASE WHEN x > 1000 THEN 'a much longer cell ' || x ELSE 'short' END AS cell, x FROM n
            """
        let lines = try CLI.run(["sql", sql, "--vault", vault.root]).stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 1_004)
        #expect(lines[0] == "cell   x")
        #expect(lines[1] == "short  1")
        #expect(lines[1_000] == "short  1000")
        #expect(lines[1_001] == "a much longer cell 1001  1001")
        #expect(lines[1_002] == "a much longer cell 1002  1002")
        // The first 1,000 rows alone print as one table sized by all of them.
        let first = sql.replacingOccurrences(of: "x < 1002", with: "x < 1000")
        #expect(try CLI.run(["sql", first, "--vault", vault.root]).stdout == lines.prefix(1_001).joined(separator: "\n") + "\n")
    }

    @Test func searchPrintsSnippetsAndSaysWhenNothingMatches() throws {
        let vault = try vault()
        defer { vault.remove() }
        let hits = try CLI.run(["search", "walked", "40", "--vault", vault.root])
        #expect(hits.status == 0)
        #expect(hits.stdout.hasPrefix("journal/40.md · 2026-10-12 20:00\n  40\n  [Walked] [40] minutes by the canal."))
        let none = try CLI.run(["search", "helicopter", "--vault", vault.root])
        #expect(none.stdout.isEmpty)
        #expect(none.stderr.contains("No notes contain all of: helicopter"))
        #expect(try CLI.run(["search", "--vault", vault.root]).status == 2)
    }
}

extension Array where Element == [String] {
    /// Starts every command at once and waits for all of them.
    func parallelRuns() -> [CLI.Result] {
        let results = UnsafeResults(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            results.set(index, (try? CLI.run(self[index])) ?? CLI.Result(status: -1, stdout: "", stderr: "could not start"))
        }
        return results.values
    }
}

private final class UnsafeResults: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [CLI.Result?]
    init(count: Int) { storage = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: CLI.Result) { lock.withLock { storage[index] = value } }
    var values: [CLI.Result] { lock.withLock { storage.map { $0! } } }
}
