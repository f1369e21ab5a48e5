import Foundation
import GRDB
import Testing
@testable import BetweenCore
@testable import BetweenIndex
@testable import BetweenKit

/// A damaged index (pages overwritten, tables dropped or changed, a trigger added, the
/// file cut short or replaced) is rebuilt from the notes: every read command still
/// answers exactly as on a sound index, and says on stderr what happened.
@Suite struct IndexDamageTests {
    /// The read commands, each run against the example vault.
    private static let commands: [[String]] = [
        ["list"], ["list", "--format", "json"], ["query", "type = mood and mood <= 4"], ["digest"],
        ["search", "panic"], ["sql", "SELECT path, title, words FROM record ORDER BY path"], ["show", "safety-plan.md"],
        ["homework"], ["trend", "mood"], ["cope"], ["export", "--format", "csv"],
        ["sql", "SELECT r.path FROM search JOIN record r ON r.id = search.rowid WHERE search MATCH 'panic' ORDER BY r.path"],
    ]

    /// `stderr` without `export`'s note of how many private entries it left out, which it
    /// says on every run: what is left is what a sound index says, nothing.
    static func unexpected(_ stderr: String) -> String {
        stderr.split(separator: "\n").filter { !$0.hasPrefix("between: note: ") || !$0.contains("left out of this export") }
            .joined(separator: "\n")
    }

    /// A copy of the example vault with a sound index, what each command prints on it,
    /// and a copy of that index file to damage again and again.
    private struct Fixture {
        let vault: TemporaryVault
        let expected: [[String]: String]
        let pristine: Data

        var database: String { vault.root + "/.between/index.sqlite" }

        init() throws {
            vault = try TemporaryVault.copyOfExample()
            try vault.backdate()
            var expected: [[String]: String] = [:]
            for command in IndexDamageTests.commands {
                let run = try CLI.run(command + ["--vault", vault.root])
                #expect(run.status == 0 && IndexDamageTests.unexpected(run.stderr).isEmpty, "\(command): \(run.stderr)")
                expected[command] = run.stdout
            }
            self.expected = expected
            // Every table filled (search by `search`, body parts by `sql`), and the
            // write-ahead log folded in, so the file alone is the whole index.
            try DatabaseQueue(path: vault.root + "/.between/index.sqlite").writeWithoutTransaction { db in
                _ = try Row.fetchAll(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            }
            pristine = try Data(contentsOf: URL(fileURLWithPath: vault.root + "/.between/index.sqlite"))
        }

        /// Puts the sound index back, then damages it with `damage` (given the file's path).
        func damage(_ damage: (String) throws -> Void) throws {
            for side in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + side) }
            try pristine.write(to: URL(fileURLWithPath: database))
            try damage(database)
        }

        /// Runs `command`: it must print what it prints on a sound index, and say the index was rebuilt.
        func expectHealed(_ command: [String], after damage: String) throws {
            let run = try CLI.run(command + ["--vault", vault.root])
            #expect(run.status == 0, "\(damage), \(command): \(run.stderr)")
            #expect(run.stdout == expected[command], "\(damage), \(command)")
            #expect(run.stderr.contains("the index in \(vault.root)/.between was damaged, so it was rebuilt from your notes (your notes are fine)"),
                    "\(damage), \(command): \(run.stderr)")
            // Rebuilt: the next run is quiet.
            #expect(IndexDamageTests.unexpected(try CLI.run(command + ["--vault", vault.root]).stderr).isEmpty, "\(damage), \(command)")
        }
    }

    @Test func randomPagesOverwrittenAreRebuiltForEveryReadCommand() throws {
        let fixture = try Fixture()
        defer { fixture.vault.remove() }
        let pageSize = 16_384
        let pages = fixture.pristine.count / pageSize
        #expect(pages > 20)
        var random = GeneratedVault.Random(state: 16)
        for command in Self.commands {
            // Three pages anywhere in the file, each overwritten whole with random bytes.
            let chosen = (0..<3).map { _ in Int(random.next() % UInt64(pages)) }
            try fixture.damage { path in
                let file = try FileHandle(forUpdating: URL(fileURLWithPath: path))
                defer { try? file.close() }
                for page in chosen {
                    try file.seek(toOffset: UInt64(page * pageSize))
                    try file.write(contentsOf: Data((0..<pageSize).map { _ in UInt8(truncatingIfNeeded: random.next()) }))
                }
            }
            try fixture.expectHealed(command, after: "pages \(chosen)")
        }
    }

    /// Tables dropped or changed, a trigger or view added, an index dropped: the file is
    /// sound to SQLite, but not what Between made. And files cut short or replaced.
    @Test func changedTablesAndBrokenFilesAreRebuilt() throws {
        let fixture = try Fixture()
        defer { fixture.vault.remove() }
        let changes = [
            "DROP TABLE field",
            "DROP TABLE question; CREATE TABLE question (recordId INTEGER, text TEXT)",
            "ALTER TABLE record ADD COLUMN mood INTEGER",
            "ALTER TABLE record RENAME COLUMN title TO heading",
            "ALTER TABLE link DROP COLUMN text",
            "CREATE TRIGGER wipe AFTER INSERT ON record BEGIN DELETE FROM field; END",
            "CREATE VIEW moods AS SELECT * FROM record WHERE type = 'mood'",
            "DROP INDEX field_key_num",
            "DROP TRIGGER record_search_insert",
            "DELETE FROM meta",
        ]
        var random = GeneratedVault.Random(state: 11)
        let files: [(String, (String) throws -> Void)] = [
            ("cut in half", { try FileHandle(forUpdating: URL(fileURLWithPath: $0)).truncate(atOffset: UInt64(fixture.pristine.count / 2)) }),
            ("cut to nothing", { try Data().write(to: URL(fileURLWithPath: $0)) }),
            ("garbage", { try Data((0..<100_000).map { _ in UInt8(truncatingIfNeeded: random.next()) }).write(to: URL(fileURLWithPath: $0)) }),
            ("another program's database", { path in
                try FileManager.default.removeItem(atPath: path)
                try DatabaseQueue(path: path).write { try $0.execute(sql: "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('mine')") }
            }),
        ]
        let damages: [(String, (String) throws -> Void)] = changes.map { sql in
            (sql, { path in try DatabaseQueue(path: path).writeWithoutTransaction { try $0.execute(sql: sql) } })
        } + files
        for (number, (name, damage)) in damages.enumerated() {
            try fixture.damage(damage)
            try fixture.expectHealed(Self.commands[number % Self.commands.count], after: name)
        }
        // `between index` rebuilds it too, rather than calling it up to date.
        try fixture.damage { path in try DatabaseQueue(path: path).writeWithoutTransaction { try $0.execute(sql: "DROP TABLE field") } }
        let index = try CLI.run(["index", "--vault", fixture.vault.root])
        #expect(index.status == 0)
        #expect(index.stderr.hasSuffix("(your notes are fine)\nIndex up to date: 85 parsed, 0 unchanged.\n"), "\(index.stderr)")
    }

    /// Damage SQLite's checks can't see (a stored record that can't be decoded, a broken
    /// full-text block) is met while a command reads: the index is rebuilt and the
    /// command runs again, once, before anything was printed.
    @Test func damageMetWhileReadingIsRebuiltAndTheCommandRunsAgain() throws {
        let fixture = try Fixture()
        defer { fixture.vault.remove() }
        let commands = Self.commands
        let damages = [
            ("a record that can't be decoded", """
                UPDATE record SET entry = x'0001' WHERE path = 'safety-plan.md'
                    OR path = (SELECT path FROM record WHERE type = 'mood' ORDER BY sort_key DESC LIMIT 1)
                """,
             [["list", "--format", "json"], ["show", "safety-plan.md"], ["cope"], ["digest"]]),
            ("broken full-text blocks", "UPDATE search_data SET block = x'0102030405060708' WHERE id > 10",
             [["search", "panic"], commands.last!]),
        ]
        let fingerprint = IndexFingerprint.current(for: Vault(root: fixture.vault.root))
        for (name, sql, commands) in damages {
            for command in commands {
                try fixture.damage { path in
                    let queue = try DatabaseQueue(path: path)
                    try queue.writeWithoutTransaction { try $0.execute(sql: sql) }
                    // Sound to every check made on opening, even the page-by-page one.
                    _ = try queue.read { try IndexCheck.verify($0, fingerprint: fingerprint, thorough: true) }
                }
                try fixture.expectHealed(command, after: name)
            }
        }
    }

    /// Damage that leaves the file's stamp as it was (a failing disk's) is not looked
    /// for page by page on opening: SQLite meets it while the command reads, and the
    /// index is rebuilt then. A changed schema is found on opening all the same.
    @Test func damageBehindAStampKnownSoundIsStillMet() throws {
        let fixture = try Fixture()
        defer { fixture.vault.remove() }
        let root = fixture.vault.root
        var random = GeneratedVault.Random(state: 7)
        func forgeMemo() throws {
            // As if the file had been checked and found sound as it is now.
            let memo = try #require(IndexCheck.memo(of: root))
            IndexCheck.record(IndexCheck.Memo(stamp: try #require(IndexCheck.Stamp(of: fixture.database)), schema: memo.schema), of: root)
        }
        try fixture.damage { path in
            let pages = try DatabaseQueue(path: path).read { try Int.fetchAll($0, sql: "SELECT pageno FROM dbstat WHERE name = 'record'") }
            let file = try FileHandle(forUpdating: URL(fileURLWithPath: path))
            defer { try? file.close() }
            for page in pages {
                try file.seek(toOffset: UInt64((page - 1) * 16_384))
                try file.write(contentsOf: Data((0..<16_384).map { _ in UInt8(truncatingIfNeeded: random.next()) }))
            }
        }
        try forgeMemo()
        try fixture.expectHealed(Self.commands[0], after: "the record table's pages, stamp unchanged")
        try fixture.damage { path in try DatabaseQueue(path: path).writeWithoutTransaction { try $0.execute(sql: "DROP INDEX field_key_text") } }
        try forgeMemo()
        try fixture.expectHealed(Self.commands[2], after: "an index dropped, stamp unchanged")
    }

    /// Damage met after part of the answer was printed can't be undone by running
    /// again: the index is rebuilt, the person told the answer is incomplete (exit 2),
    /// and the next run answers whole.
    @Test func damageMetAfterPrintingBeganIsRebuiltAndSaidSo() throws {
        var notes: [String: String] = [:]
        for number in 0..<120 {
            let day = String(format: "2026-10-%02d", number % 28 + 1)
            notes[String(format: "journal/%03d.md", number)] = "---\ntype: reflection\ndate: \(day)\nsummary: "
                + String(repeating: "Sat with it for a while and wrote it down. ", count: 40) + "\n---\nOkay.\n"
        }
        let vault = try TemporaryVault(notes)
        defer { vault.remove() }
        try vault.backdate()
        let command = ["list", "--format", "jsonl", "--vault", vault.root]
        let whole = try CLI.run(command)
        #expect(whole.status == 0 && whole.stdout.utf8.count > 200_000)
        try DatabaseQueue(path: vault.root + "/.between/index.sqlite").writeWithoutTransaction { db in
            try db.execute(sql: "UPDATE record SET entry = x'0001' WHERE path = 'journal/119.md'")
        }
        let broken = try CLI.run(command)
        #expect(broken.status == 2)
        #expect(whole.stdout.hasPrefix(broken.stdout) && broken.stdout.utf8.count >= 65_536)
        #expect(broken.stderr == "between: error: the index in \(vault.root)/.between turned out to be damaged while this command "
            + "was printing, so what it printed is incomplete. Your notes are fine. The index has been rebuilt from them: run the command again\n")
        let again = try CLI.run(command)
        #expect(again.status == 0 && again.stdout == whole.stdout && again.stderr.isEmpty)
    }

    /// Several commands meeting the same damaged index at once all answer; the
    /// index is rebuilt (by whichever got there first) and sound afterwards.
    @Test func concurrentCommandsOnADamagedIndexAllAnswer() throws {
        let fixture = try Fixture()
        defer { fixture.vault.remove() }
        try fixture.damage { path in
            try DatabaseQueue(path: path).writeWithoutTransaction { try $0.execute(sql: "ALTER TABLE record ADD COLUMN x") }
        }
        let commands = [Self.commands[0], Self.commands[3], Self.commands[5], Self.commands[0], Self.commands[9]]
        let results = commands.map { $0 + ["--vault", fixture.vault.root] }.parallelRuns()
        for (command, result) in zip(commands, results) {
            #expect(result.status == 0, "\(command): \(result.stderr)")
            #expect(result.stdout == fixture.expected[command], "\(command)")
        }
        #expect(results.contains { $0.stderr.contains("was damaged, so it was rebuilt") })
        #expect(try CLI.run(["sql", "PRAGMA integrity_check", "--vault", fixture.vault.root]).stdout == "integrity_check\nok\n")
    }

    /// `replacing` removes only the file the damage was met in: when another process
    /// has rebuilt it meanwhile, its new index is kept, not built a third time.
    @Test func onlyTheFileTheDamageWasMetInIsReplaced() throws {
        let vault = try TemporaryVault(["journal/a.md": "---\ntype: mood\ndate: 2026-11-20\nmood: 4\n---\nLong day.\n"])
        defer { vault.remove() }
        try vault.backdate()
        let first = try Index.open(Vault(root: vault.root))
        try first.refresh()
        let damaged = try #require(first.openedFile)
        let other = try Index.open(Vault(root: vault.root), rebuild: true)
        #expect(try other.refresh().parsed == 1)
        let rebuilt = try #require(other.openedFile)
        #expect(rebuilt != damaged)
        let afterwards = try Index.open(Vault(root: vault.root), replacing: damaged)
        #expect(try afterwards.refresh().parsed == 0)
        #expect(afterwards.openedFile == rebuilt)
        #expect(afterwards.warnings == [Index.damageNote(vault.root)])
        // Still the file the damage was met in: it is rebuilt.
        let again = try Index.open(Vault(root: vault.root), replacing: rebuilt)
        #expect(try again.refresh().parsed == 1)
        #expect(again.openedFile != rebuilt)
        #expect(again.warnings == [Index.damageNote(vault.root)])
    }

    /// The page-by-page check runs only on a file that changed since it was last known
    /// sound: after each run the file's stamp is recorded, also after the run's own
    /// writes; a write by anything else leaves the stamps apart, so the next run checks.
    @Test func aFileKnownSoundIsStampedAndAChangedOneIsNot() throws {
        let vault = try TemporaryVault(["journal/a.md": "---\ntype: mood\ndate: 2026-11-20\nmood: 4\n---\nLong day.\n"])
        defer { vault.remove() }
        let database = vault.root + "/.between/index.sqlite"
        func stampsAgree() -> Bool {
            IndexCheck.Stamp(of: database) != nil && IndexCheck.memo(of: vault.root)?.stamp == IndexCheck.Stamp(of: database)
        }
        try Index.open(Vault(root: vault.root)).refresh()
        #expect(stampsAgree())
        try vault.write("journal/b.md", "---\ntype: mood\ndate: 2026-11-21\nmood: 5\n---\nBetter.\n")
        #expect(try Index.open(Vault(root: vault.root)).refresh().parsed == 1)
        #expect(stampsAgree())
        try DatabaseQueue(path: database).writeWithoutTransaction { try $0.execute(sql: "UPDATE record SET words = 0") }
        #expect(!stampsAgree())
        try Index.open(Vault(root: vault.root)).refresh()
        #expect(stampsAgree())
        // A stamp file that can't be read counts as no stamp: the file is checked in full.
        try vault.write(".between/index.checked", "not a stamp")
        #expect(IndexCheck.memo(of: vault.root) == nil)
        try Index.open(Vault(root: vault.root)).refresh()
        #expect(stampsAgree())
    }
}
