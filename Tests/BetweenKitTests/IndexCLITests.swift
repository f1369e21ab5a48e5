import Foundation
import Testing
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
        // Measured on a warm index: building one is measured elsewhere.
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
