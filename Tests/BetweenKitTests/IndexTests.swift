import Foundation
import GRDB
import Testing
@testable import BetweenCore
@testable import BetweenIndex
@testable import BetweenKit

/// The SQLite cache: incremental refresh, rebuilds, permissions, read-only SQL, search.
@Suite struct IndexTests {
    private static let mood = "---\ntype: mood\ndate: 2026-11-20 21:00\nmood: 4\ndistress: 60\n---\nTired after the bus.\n"

    /// The vault, its files written an hour ago (so their stamps are trusted at once).
    private func makeVault() throws -> TemporaryVault {
        let vault = try TemporaryVault([
            "between.yml": "",
            "homework/breathing.md": "---\ntype: homework\nfrequency: daily\n---\n# Breathing\n",
            "journal/a.md": Self.mood,
            "journal/b.md": "---\ntype: reflection\ndate: 2026-11-21\nhomework: breathing\n---\nThe breathing helped a little.\n",
        ])
        try vault.backdate()
        return vault
    }

    private func paths(_ index: Index) throws -> [String] {
        try index.entries().map(\.path)
    }

    /// Opens and refreshes the index of `makeVault()`'s vault where no index file can
    /// be made: all three files are indexed all the same, and one warning says so.
    private func indexedInMemory(_ vault: TemporaryVault) throws -> Index {
        let index = try Index.open(Vault(root: vault.root))
        #expect(try index.refresh().parsed == 3)
        #expect(try paths(index).count == 3)
        #expect(index.warnings.count == 1)
        #expect(index.warnings.first?.contains("answering from memory") == true)
        return index
    }

    @Test func aRunWithNothingChangedParsesNothing() throws {
        let vault = try makeVault()
        defer { vault.remove() }
        let index = try Index.open(Vault(root: vault.root))
        #expect(try index.refresh().parsed == 3)
        let again = try Index.open(Vault(root: vault.root)).refresh()
        #expect(again.parsed == 0)
        #expect(again.unchanged == 3)
        #expect(!again.changedAnything)
    }

    @Test func editsAddsDeletesAndRenamesAreReflected() throws {
        let vault = try makeVault()
        defer { vault.remove() }
        let index = try Index.open(Vault(root: vault.root))
        try index.refresh()
        try vault.write("journal/a.md", Self.mood.replacingOccurrences(of: "mood: 4", with: "mood: 8"))
        try vault.write("journal/c.md", "# A new note\n")
        try FileManager.default.removeItem(atPath: vault.root + "/journal/b.md")
        try FileManager.default.moveItem(atPath: vault.root + "/homework/breathing.md", toPath: vault.root + "/homework/breathe.md")
        let report = try index.refresh()
        #expect(report.parsed == 3) // a (edited), c (new), breathe (renamed)
        #expect(report.removed == 2) // b, breathing
        #expect(try paths(index) == ["homework/breathe.md", "journal/a.md", "journal/c.md"])
        #expect(try index.entries(matching: .path("journal/a.md")).first?.number("mood") == 8)
    }

    /// An edit in the same clock tick as the refresh that read the file, keeping its
    /// size, leaves size and time as they were: the refresh must not trust that stamp.
    @Test func aFileRewrittenWithinTheSameTickIsStillSeen() throws {
        let vault = try TemporaryVault(["journal/a.md": Self.mood])
        defer { vault.remove() }
        let path = vault.root + "/journal/a.md"
        let index = try Index.open(Vault(root: vault.root))
        #expect(try index.refresh().parsed == 1)
        let before = try #require(FileSystem.status(path))
        try vault.write("journal/a.md", Self.mood.replacingOccurrences(of: "mood: 4", with: "mood: 9"))
        let then = timespec(tv_sec: Int(before.modified / 1_000_000_000), tv_nsec: Int(before.modified % 1_000_000_000))
        var times = [then, then] // access and modification time, as they were
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
        #expect(FileSystem.status(path)?.modified == before.modified && FileSystem.status(path)?.size == before.size)
        #expect(try index.refresh().parsed == 1)
        #expect(try index.entries().first?.number("mood") == 9)
        // Once the file is old enough, its stamp is trusted again and nothing is read.
        try vault.backdate()
        #expect(try index.refresh().touched == 1)
        #expect(try index.refresh().unchanged == 1)
    }

    /// Reading a just-saved file again costs a read and a hash, never a write to the index.
    @Test func rereadingARecentUnchangedFileWritesNothing() throws {
        let vault = try TemporaryVault(["journal/a.md": Self.mood])
        defer { vault.remove() }
        // A time in the future counts as recent, however slowly this test runs.
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 3_600)],
                                              ofItemAtPath: vault.root + "/journal/a.md")
        let index = try Index.open(Vault(root: vault.root))
        #expect(try index.refresh().parsed == 1)
        let observer = try DatabaseQueue(path: vault.root + "/.between/index.sqlite")
        let before = try observer.read { try Int.fetchOne($0, sql: "PRAGMA data_version") }
        let again = try index.refresh()
        #expect(again.touched == 1 && again.parsed == 0)
        #expect(try observer.read { try Int.fetchOne($0, sql: "PRAGMA data_version") } == before, "nothing was committed")
        try vault.write("journal/a.md", Self.mood.replacingOccurrences(of: "mood: 4", with: "mood: 6"))
        #expect(try index.refresh().parsed == 1)
        #expect(try observer.read { try Int.fetchOne($0, sql: "PRAGMA data_version") } != before)
    }

    @Test func touchedButUnchangedFilesAreNotParsedAndBackwardTimesCount() throws {
        let vault = try makeVault()
        defer { vault.remove() }
        let index = try Index.open(Vault(root: vault.root))
        try index.refresh()
        let path = vault.root + "/journal/a.md"
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_000_000)], ofItemAtPath: path)
        let touched = try index.refresh()
        #expect(touched.touched == 1)
        #expect(touched.parsed == 0)
        // Same size, older time, new content: an editor restoring a backup.
        try vault.write("journal/a.md", Self.mood.replacingOccurrences(of: "mood: 4", with: "mood: 5"))
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 500_000)], ofItemAtPath: path)
        #expect(try index.refresh().parsed == 1)
        #expect(try index.entries(matching: .path("journal/a.md")).first?.number("mood") == 5)
    }

    /// The content hash is XXH64 (seed 0): its published reference values, including
    /// one long enough for the four 8-byte lanes.
    @Test func theContentHashIsXXH64() {
        let reference: [(String, UInt64)] = [
            ("", 0xEF46_DB37_51D8_E999),
            ("a", 0xD24E_C4F1_A98C_6E5B),
            ("abc", 0x44BC_2CF5_AD77_0999),
            ("Call me Ishmael.", 0x6D04_390F_C9D6_1A90),
            ("Nobody inspects the spammish repetition", 0xFBCE_A83C_8A37_8BF1),
        ]
        for (text, hash) in reference {
            #expect(ContentHash.xxh64(Array(text.utf8)) == hash, "\(text)")
        }
        #expect(ContentHash.xxh64([0]) == 0xE934_A84A_DB05_2768)
        #expect(ContentHash.of(Array("abc".utf8)) == "44bc2cf5ad770999")
        #expect(ContentHash.of([]) == "ef46db3751d8e999")
    }

    /// Whatever its length, a file edited in any one byte hashes differently, so the
    /// edit is read even when its size and time did not move.
    @Test func anyOneByteEditChangesTheContentHash() {
        for length in 1...100 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ length &* 7) }
            let original = ContentHash.of(bytes)
            for position in 0..<length {
                var edited = bytes
                edited[position] ^= UInt8(truncatingIfNeeded: 1 + position % 255)
                #expect(ContentHash.of(edited) != original, "length \(length), byte \(position)")
            }
        }
    }

    @Test func crossFileProblemsFollowTheOtherFiles() throws {
        let vault = try TemporaryVault(["journal/b.md": "---\ntype: reflection\ndate: 2026-11-21\nhomework: walking\n---\n"])
        defer { vault.remove() }
        let index = try Index.open(Vault(root: vault.root))
        try index.refresh()
        #expect(try index.entries().first?.diagnostics.map(\.message).first?.hasPrefix("no assignment has the id 'walking'") == true)
        try vault.write("homework/walking.md", "---\ntype: homework\n---\n")
        try index.refresh()
        #expect(try index.entries().allSatisfy { $0.diagnostics.isEmpty })
        // A second assignment with the same id, and a record practising an unknown one
        // among records practising the known one.
        try vault.write("homework/walk.md", "---\ntype: homework\nid: walking\n---\n")
        for day in 10...19 {
            try vault.write("journal/w\(day).md", "---\ntype: reflection\ndate: 2026-11-\(day)\nhomework: walking\n---\n")
        }
        try vault.write("journal/z.md", "---\ntype: reflection\ndate: 2026-11-22\nhomework: breathing\n---\n")
        try index.refresh()
        let problems = try index.entries().filter { !$0.diagnostics.isEmpty }
        #expect(problems.map(\.path) == ["homework/walking.md", "journal/z.md"])
        #expect(problems.first?.diagnostics.first?.message.hasPrefix("two assignments have the id 'walking'") == true)
        #expect(problems.last?.diagnostics.first?.message.hasPrefix("no assignment has the id 'breathing'") == true)
        // Records practising known ids are found without reading the record table.
        let plan = try index.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + IndexWriter.crossFileCandidates).map { $0["detail"] as String }
        }
        #expect(!plan.contains { $0.hasPrefix("SCAN") }, "\(plan)")
    }

    /// A damaged or foreign file is rebuilt, and the person told; an index made by
    /// another version of Between is rebuilt without a word (every upgrade does that).
    /// (IndexDamageTests damages real indexes in many more ways.)
    @Test func aGarbageOrForeignIndexIsRebuiltWithANoteAndAnOlderOneSilently() throws {
        let vault = try makeVault()
        defer { vault.remove() }
        let database = vault.root + "/.between/index.sqlite"
        try Index.open(Vault(root: vault.root)).refresh()
        // Garbage bytes.
        try Data(repeating: 0x42, count: 8192).write(to: URL(fileURLWithPath: database))
        try? FileManager.default.removeItem(atPath: database + "-wal")
        try? FileManager.default.removeItem(atPath: database + "-shm")
        var index = try Index.open(Vault(root: vault.root))
        #expect(try index.refresh().parsed == 3)
        #expect(index.warnings == [Index.damageNote(vault.root)])
        // A different SQLite database.
        try FileManager.default.removeItem(atPath: database)
        let foreign = try DatabaseQueue(path: database)
        try foreign.write { try $0.execute(sql: "CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES ('mine')") }
        try foreign.close()
        index = try Index.open(Vault(root: vault.root))
        #expect(try index.refresh().parsed == 3)
        #expect(try paths(index).count == 3)
        #expect(index.warnings == [Index.damageNote(vault.root)])
        // An index from another schema version.
        try DatabaseQueue(path: database).write { try $0.execute(sql: "UPDATE meta SET value = '0' WHERE key = 'schema'") }
        index = try Index.open(Vault(root: vault.root))
        #expect(try index.refresh().parsed == 3)
        #expect(index.warnings.isEmpty)
    }

    @Test func aNewIndexIsBuiltAsideAndAppearsOnlyWhole() throws {
        let vault = try makeVault()
        defer { vault.remove() }
        let database = vault.root + "/.between/index.sqlite"
        let building = database + ".building"
        // A build that crashed left a half-written file behind.
        try FileManager.default.createDirectory(atPath: vault.root + "/.between", withIntermediateDirectories: true)
        try Data(repeating: 0x42, count: 4096).write(to: URL(fileURLWithPath: building))
        let first = try Index.open(Vault(root: vault.root))
        let second = try Index.open(Vault(root: vault.root))
        // Until the first refresh there is no index file, and nothing to read.
        #expect(!FileManager.default.fileExists(atPath: database))
        #expect(try paths(first).isEmpty)
        #expect(try first.refresh().parsed == 3)
        #expect(FileManager.default.fileExists(atPath: database))
        #expect(!FileManager.default.fileExists(atPath: building))
        let mode = try FileManager.default.attributesOfItem(atPath: database)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        // Shared through the write-ahead log like any index.
        let journal = try DatabaseQueue(path: database).read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(journal == "wal")
        // The other one, opened before the build, uses what was built.
        let report = try second.refresh()
        #expect(report.parsed == 0 && report.unchanged == 3)
        #expect(try paths(second) == paths(first))
        #expect(second.warnings.isEmpty)
    }

    /// A first index is written without deletes or foreign-key checks (nothing is
    /// there to replace); the file it leaves must still be whole and consistent, and
    /// the connections that use it afterwards must cascade as before.
    @Test func aFirstIndexIsConsistentAndLaterEditsCascade() throws {
        let vault = try makeVault()
        defer { vault.remove() }
        try vault.writeBytes("journal/scan.md", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x1A])
        try vault.write("journal/c.md", "---\ntype: mood\ndate: 2026-11-22\nmood: eleven\ntags: [bad-day]\n---\nCouldn't sleep.\n")
        try vault.backdate()
        let index = try Index.open(Vault(root: vault.root))
        let first = try index.refresh()
        #expect(first.parsed == 4 && first.skipped == 1)
        let database = try DatabaseQueue(path: vault.root + "/.between/index.sqlite")
        func counts() throws -> [Int] {
            try database.read { db in
                #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
                return try ["record", "skipped", "field", "diagnostic"].map { try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)")! }
            }
        }
        let built = try counts()
        #expect(built[0] == 4 && built[1] == 1)
        #expect(try database.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM field WHERE key = 'tags'") } == 1)
        #expect(try database.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM diagnostic WHERE scope = 'file'") }! >= 1)
        // Removing the file with the diagnostic and the tag takes its rows with it.
        try FileManager.default.removeItem(atPath: vault.root + "/journal/c.md")
        #expect(try index.refresh().removed == 1)
        let after = try counts()
        #expect(after[0] == 3 && after[1] == 1 && after[2] < built[2])
        #expect(try database.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM field WHERE key = 'tags'") } == 0)
        #expect(try database.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM diagnostic WHERE scope = 'file'") } == 0)
    }

    @Test func aWriterOverAnEmptyIndexRefusesAPathTwice() throws {
        let queue = try DatabaseQueue()
        try queue.write(IndexSchema.create)
        let entry = EntryParser.parse(path: "journal/a.md", text: Self.mood)
        let file = SourceFile(path: entry.path, absolutePath: "/vault/journal/a.md", size: 1, modified: 1)
        #expect(throws: DatabaseError.self) {
            try queue.write { db in
                let writer = try IndexWriter(db)
                try writer.upsert(entry, file: file, hash: "1")
                try writer.upsert(entry, file: file, hash: "2")
            }
        }
        // Once the index holds the path, a new writer replaces it.
        try queue.write { db in try IndexWriter(db).upsert(entry, file: file, hash: "1") }
        try queue.write { db in try IndexWriter(db).upsert(entry, file: file, hash: "2") }
        #expect(try queue.read { try String.fetchAll($0, sql: "SELECT hash FROM record") } == ["2"])
    }

    @Test func aBuildThatCannotCreateItsFileAnswersFromMemory() throws {
        let vault = try makeVault()
        defer { vault.remove() }
        // A folder where the build file goes: it can't be replaced.
        try vault.write(".between/index.sqlite.building/x", "in the way")
        let index = try indexedInMemory(vault)
        #expect(index.warnings.first?.contains("index.sqlite.building") == true)
        #expect(index.warnings.first?.hasSuffix("removing \(vault.root)/.between lets the next run build it afresh") == true)
        #expect(!FileManager.default.fileExists(atPath: vault.root + "/.between/index.sqlite"))
        // Once it is out of the way, the index file is built.
        try FileManager.default.removeItem(atPath: vault.root + "/.between/index.sqlite.building")
        let later = try Index.open(Vault(root: vault.root))
        #expect(try later.refresh().parsed == 3)
        #expect(later.warnings.isEmpty)
        #expect(FileManager.default.fileExists(atPath: vault.root + "/.between/index.sqlite"))
    }

    @Test func theCacheIsPrivateToItsOwner() throws {
        let vault = try makeVault()
        defer { vault.remove() }
        try Index.open(Vault(root: vault.root)).refresh()
        let folder = try FileManager.default.attributesOfItem(atPath: vault.root + "/.between")
        #expect((folder[.posixPermissions] as? Int) == 0o700)
        let file = try FileManager.default.attributesOfItem(atPath: vault.root + "/.between/index.sqlite")
        #expect((file[.posixPermissions] as? Int) == 0o600)
    }

    @Test func anUnwritableCacheFolderMeansAnswersFromMemoryWithAWarning() throws {
        let vault = try makeVault()
        defer { vault.remove() }
        // A file where the folder should be: as unwritable as it gets, even for root.
        try vault.write(".between", "not a folder")
        let index = try indexedInMemory(vault)
        // The warning names the real reason, not a guess such as "read-only?".
        #expect(index.warnings == ["can't write the index in \(vault.root)/.between (.between is a file, not a folder; "
            + "move or rename it and Between will make the folder); answering from memory this time, which is slower"])
        // The tables filled on first use are filled in memory too.
        #expect(try ReadOnlySQL.run("SELECT count(*) FROM section", in: index).rows == [[.integer(3)]])
        #expect(try index.search(["bus"]).map(\.path) == ["journal/a.md"])
        #expect(try vault.read(".between") == "not a folder")
    }

    /// Each reason the index folder can't be written gets its own words: a link, a
    /// path too long (both made here), and the reasons only a locked-down or read-only
    /// disk gives (root, who runs these tests, may write anywhere; mounting one is not
    /// a test's business), from the system's code.
    @Test func anUnwritableIndexFolderIsExplainedByItsReason() throws {
        let vault = try makeVault()
        let elsewhere = try TemporaryVault(marked: false)
        defer { vault.remove(); elsewhere.remove() }
        try FileManager.default.createSymbolicLink(atPath: vault.root + "/.between", withDestinationPath: elsewhere.root)
        let linked = try indexedInMemory(vault)
        #expect(linked.warnings.first?.contains("(.between is a link; Between keeps its index only in a real folder") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.root).isEmpty)
        #expect(IndexLocation.prepareFolder(of: "/" + String(repeating: "x", count: 300))?.hasPrefix("the vault's path is longer than the system allows") == true)
        #expect(IndexLocation.unwritable(EROFS) == "the vault is on a read-only disk")
        #expect(IndexLocation.unwritable(EACCES) == "you may not write in that folder; check its permissions")
        #expect(IndexLocation.unwritable(ENOSPC) == "the disk is full")
    }

    @Test func sqlIsReadOnly() throws {
        let vault = try makeVault()
        defer { vault.remove() }
        let index = try Index.open(Vault(root: vault.root))
        try index.refresh()
        let result = try ReadOnlySQL.run("SELECT path FROM record WHERE type = 'mood'", in: index)
        #expect(result.columns == ["path"])
        #expect(result.rows == [[.string("journal/a.md")]])
        for statement in ["DELETE FROM record", "DROP TABLE record", "INSERT INTO meta VALUES ('a', 'b')",
                          "UPDATE record SET title = 'x'", "ATTACH ':memory:' AS other", "PRAGMA user_version = 3",
                          "CREATE TABLE x (y)", "SELECT 1; DELETE FROM field", "VACUUM", "REINDEX", "ANALYZE", "DETACH main",
                          // Settings, transactions and functions that reach outside SQL: none is spelled `x = y`.
                          "PRAGMA writable_schema(1)", "PRAGMA writable_schema = ON", "pragma main.query_only(0)",
                          "PRAGMA journal_mode = DELETE", "PRAGMA wal_checkpoint", "PRAGMA optimize",
                          "SAVEPOINT a", "RELEASE a", "BEGIN", "COMMIT", "ROLLBACK", "END",
                          "SELECT fts3_tokenizer('simple')", "SELECT fts3_tokenizer('mine', x'0000000000000000')",
                          "SELECT load_extension('libevil')", "CREATE TEMP TABLE t (x)", "CREATE TEMP VIEW v AS SELECT 1",
                          "SELECT 1; SAVEPOINT b; SELECT 2"] {
            #expect(throws: ReadOnlySQL.Refusal.self, "\(statement)") { try ReadOnlySQL.run(statement, in: index) }
        }
        // What those would have changed is as it was, on every connection.
        #expect(try index.read { try Int.fetchOne($0, sql: "PRAGMA writable_schema") } == 0)
        #expect(try ReadOnlySQL.run("PRAGMA writable_schema", in: index).rows == [[.integer(0)]])
        #expect(try ReadOnlySQL.run("PRAGMA query_only", in: index).rows == [[.integer(0)]])
        // Reads that look like settings or calls are allowed.
        #expect(try ReadOnlySQL.run("PRAGMA table_info(meta)", in: index).rows.map { $0[1] } == [.string("key"), .string("value")])
        #expect(try ReadOnlySQL.run("SELECT name FROM pragma_table_info('meta')", in: index).rows == [[.string("key")], [.string("value")]])
        #expect(try ReadOnlySQL.run("PRAGMA integrity_check", in: index).rows == [[.string("ok")]])
        #expect(try ReadOnlySQL.run("SELECT highlight(search, 1, '[', ']') FROM search WHERE search MATCH 'bus'", in: index).rows
            == [[.string("Tired after the [bus].")]])
        #expect(try ReadOnlySQL.run("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 3) SELECT sum(x) FROM n",
                                    in: index).rows == [[.integer(6)]])
        #expect(try ReadOnlySQL.run("SELECT count(*) FROM record", in: index).rows == [[.integer(3)]])
        #expect(try ReadOnlySQL.run("SELECT count(*) FROM field", in: index).rows != [[.integer(0)]])
        // Every statement is checked before any runs: the SELECT, which would fail when
        // run, is never run, and the refusal of the DELETE is what the person hears.
        #expect(throws: ReadOnlySQL.Refusal.self) {
            try ReadOnlySQL.run("SELECT json('not json'); DELETE FROM field", in: index)
        }
    }

    /// The body-part tables are only for people's own SQL: a refresh leaves them empty
    /// until `between sql` first runs, which fills them; from then on they follow edits.
    @Test func bodyPartTablesAreFilledForSQLAndFollowEdits() throws {
        let vault = try makeVault()
        defer { vault.remove() }
        try vault.write("journal/c.md", """
            ---
            type: reflection
            date: 2026-11-22
            ---
            # After the call

            - [x] Rang the GP
            - [ ] Ask about the waiting list

            ## For next session

            - Why do mornings feel heavier?
            - See <https://example.org/sleep>
            """)
        let index = try Index.open(Vault(root: vault.root))
        try index.refresh()
        let rows = { (table: String) in try index.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM \(table)") ?? -1 } }
        #expect(try ["section", "question", "task", "link"].map(rows) == [0, 0, 0, 0], "a refresh writes no body parts")
        let questions = { try ReadOnlySQL.run("SELECT q.text, q.section, r.path FROM question q JOIN record r ON r.id = q.recordId ORDER BY q.text", in: index).rows }
        #expect(try questions() == [
            [.string("See https://example.org/sleep"), .string("For next session"), .string("journal/c.md")],
            [.string("Why do mornings feel heavier?"), .string("For next session"), .string("journal/c.md")],
        ])
        #expect(try ReadOnlySQL.run("SELECT text, done FROM task ORDER BY line", in: index).rows
            == [[.string("Rang the GP"), .integer(1)], [.string("Ask about the waiting list"), .integer(0)]])
        #expect(try ReadOnlySQL.run("SELECT destination FROM link", in: index).rows == [[.string("https://example.org/sleep")]])
        // The section table holds what the entries hold.
        let sectionsMatch = {
            let parsed = try index.entries().flatMap { $0.body.sections.map { [JSONValue.string($0.heading), .string($0.text)] } }
            return try ReadOnlySQL.run("SELECT heading, text FROM section ORDER BY recordId, rowid", in: index).rows == parsed
        }
        #expect(try sectionsMatch())
        #expect(try ReadOnlySQL.run("SELECT count(*) FROM search WHERE search MATCH 'waiting'", in: index).rows == [[.integer(1)]],
                "sql sees the full-text table filled too")
        // Kept in step from now on: an edit, a new file, a deleted file.
        try vault.write("journal/c.md", "---\ntype: reflection\ndate: 2026-11-22\n---\nCan we slow down the exposure plan?\n")
        try vault.write("journal/d.md", "# Questions\n\n- What if I can't sleep before the appointment?\n")
        try FileManager.default.removeItem(atPath: vault.root + "/journal/b.md")
        try index.refresh()
        #expect(try questions() == [
            [.string("Can we slow down the exposure plan?"), .string(""), .string("journal/c.md")],
            [.string("What if I can't sleep before the appointment?"), .string("Questions"), .string("journal/d.md")],
        ])
        #expect(try rows("task") == 0 && rows("link") == 0)
        #expect(try sectionsMatch())
    }

    /// Section texts are stored as pieces of the plain text (their lengths only): every
    /// shape of section must come back exactly, and a plain text that doesn't hold the
    /// sections is refused rather than cut wrongly.
    @Test func sectionTextsComeBackFromThePlainText() throws {
        let vault = try TemporaryVault([
            "journal/lead.md": "Before any heading, a line.\n\n# Empty\n\n## Also empty\n\n### Café ☕️ naïve\n\nÜber-müde 😮‍💨 today.\n\n```\ncode\n\n\nwith gaps\n```\n",
            "journal/headings.md": "# Only\n# Headings\n#\n",
            "journal/crlf.md": "---\r\ntype: mood\r\nmood: 3\r\n---\r\n# Morning\r\n\r\n- tired\r\n- sore\r\n\r\nStill went out.\r\n",
            "journal/empty.md": "",
            "journal/lists.md": "- one\n- two\n\n  continued\n\n> quoted\n> text\n\n1. first\n2. second\n",
        ])
        defer { vault.remove() }
        let index = try Index.open(Vault(root: vault.root))
        try index.refresh()
        let entries = try index.entries()
        #expect(entries == Vault(root: vault.root).load().entries)
        #expect(entries.first { $0.path == "journal/lead.md" }?.body.sections.map(\.heading) == ["", "Empty", "Also empty", "Café ☕️ naïve"])
        let entry = try #require(entries.first { $0.path == "journal/lead.md" })
        let blob = EntryCodec.encode(entry)
        #expect(try EntryCodec.decode(blob, plainText: entry.body.plainText) == entry)
        for damaged in ["", entry.body.plainText + "\n\nextra", String(entry.body.plainText.dropFirst()),
                        entry.body.plainText.replacingOccurrences(of: "Empty", with: "Empry")] {
            #expect(throws: EntryCodec.Corrupt.self, "\(damaged.prefix(20))") { try EntryCodec.decode(blob, plainText: damaged) }
        }
    }

    /// Whatever shape a body has, its stored form and its plain text give back the
    /// same entry (the section texts are cut from the plain text by length).
    @Test func randomBodiesComeBackWholeFromTheStoredForm() throws {
        let blocks = ["# Heading", "## *Emphasised* heading", "#", "###   ", "Setext heading\n===", "Under a line\n---",
                      "A plain paragraph.", "Two lines\nof one paragraph?", "- one\n- two\n  - nested", "1. first\n2. second",
                      "- [ ] a task\n- [x] done", "> quoted\n> text", "```\ncode\n\n\nwith gaps\n```", "    indented code",
                      "<div>html</div>", "<!-- a comment -->", "Über 😮‍💨 naïve café", "[a link](https://example.org)",
                      "Line with trailing spaces   ", "\t", " ", "Text\\\nwith a hard break", "***", "## For next session\n\n- Ask?"]
        var random = GeneratedVault.Random(state: 20_261_127)
        for round in 0..<400 {
            let parts = (0..<random.int(0...10)).map { _ in random.pick(blocks) }
            let body = parts.map { $0 + random.pick(["\n", "\n\n", "\r\n\r\n", ""]) }.joined()
            let text = random.chance(50) ? "---\ntype: reflection\n---\n" + body : body
            let entry = EntryParser.parse(path: "journal/\(round).md", text: text)
            #expect(entry.body.plainText == Section.joined(entry.body.sections), "\(text.debugDescription)")
            #expect(try EntryCodec.decode(EntryCodec.encode(entry), plainText: entry.body.plainText) == entry, "\(text.debugDescription)")
        }
    }

    @Test func searchRanksHighlightsAndFollowsEdits() throws {
        let vault = try makeVault()
        defer { vault.remove() }
        let index = try Index.open(Vault(root: vault.root))
        try index.refresh()
        let hits = try index.search(["bus"])
        #expect(hits.map(\.path) == ["journal/a.md"])
        #expect(hits[0].snippet.contains("\(SearchHit.highlightStart)bus\(SearchHit.highlightEnd)"))
        #expect(try index.search(["breathing", "helped"]).map(\.path) == ["journal/b.md"])
        #expect(try index.search(["\"unbalanced", "OR", "NEAR("]).isEmpty, "FTS syntax in words is just text")
        try vault.write("journal/d.md", "# Supermarket\nStayed in the queue even though my chest was tight.\n")
        try FileManager.default.removeItem(atPath: vault.root + "/journal/a.md")
        try index.refresh()
        #expect(try index.search(["queue"]).map(\.path) == ["journal/d.md"])
        #expect(try index.search(["bus"]).isEmpty)
    }

    /// `export` writes a record at a time (CSV in two passes, columns first): it must
    /// give exactly what rendering the records at once gives, in every format.
    @Test func exportWrittenARecordAtATimeEqualsTheWholeExport() throws {
        let vault = try TemporaryVault.copyOfExample()
        defer { vault.remove() }
        try vault.write("journal/odd.md", "---\ntype: thought-record\ndate: 2026-11-20 21:05\nemotions: {anxious: 80, \"sad, low\": 40}\n"
                        + "tags: [work, \"say \\\"no\\\"\"]\nnested: {a: {b: [1, 2]}}\n---\n# Odd\n")
        let index = try Index.open(Vault(root: vault.root))
        try index.refresh()
        let entries = try index.entries()
        for format in ExportFormat.allCases {
            var written = ""
            try format.write(from: index, to: { written += $0 })
            #expect(written == format.render(entries), "\(format)")
            var none = ""
            try format.write(from: index, matching: .none, to: { none += $0 })
            #expect(none == format.render([]), "\(format)")
        }
    }

    /// Quotes are doubled byte by byte, in CSV fields and search words alike: a quote
    /// followed by a combining mark is one character to Swift but a quote to a reader.
    @Test func quotesAreDoubledEvenWhenAMarkFollowsThem() throws {
        #expect(CSV.field("she said \"no\u{301}\", twice") == "\"she said \"\"no\u{301}\"\", twice\"")
        #expect(CSV.field("\"\u{301}") == "\"\"\"\u{301}\"")
        #expect("2026-11-20T19:30".replacingAll(UInt8(ascii: "T"), with: " ") == "2026-11-20 19:30")
        #expect("Zoë".replacingAll(UInt8(ascii: "T"), with: " ") == "Zoë")
        let vault = try makeVault()
        defer { vault.remove() }
        let index = try Index.open(Vault(root: vault.root))
        try index.refresh()
        // Text to FTS5, not syntax: the quote separates, the mark is dropped, "bus" is found.
        #expect(try index.search(["\"\u{301}bus"]).map(\.path) == ["journal/a.md"])
    }

    /// FTS5's snippet() and highlight() take time in the square of a note's matches; a
    /// long note holding the word 250,000 times took minutes to show. Such a note gets a
    /// linear excerpt (`SearchExcerpt`), and the search still ranks it.
    @Test(.timeLimit(.minutes(1))) func searchingALongNoteFullOfTheWordStaysQuick() throws {
        let vault = try makeVault()
        defer { vault.remove() }
        try vault.write("journal/log.md", "# Everything I kept asking\n\nWhy, again. " + String(repeating: "why ", count: 250_000) + "\n")
        let index = try Index.open(Vault(root: vault.root))
        try index.refresh()
        let hits = try index.search(["WHY"])
        #expect(hits.map(\.path) == ["journal/log.md"])
        let mark = { (word: String) in SearchHit.highlightStart + word + SearchHit.highlightEnd }
        // The heading's four words, the first match and ten words on, marked.
        #expect(hits.first?.snippet == "Everything I kept asking\n\n" + mark("Why") + ", again. "
            + Array(repeating: mark("why"), count: 9).joined(separator: " ") + "…")
        // Short notes keep FTS5's own snippet.
        #expect(try index.search(["bus"]).first?.snippet.contains(mark("bus")) == true)
    }

    @Test func aLongNoteExcerptShowsTheWordsAroundTheFirstWholeWordMatch() {
        let mark = { (word: String) in SearchHit.highlightStart + word + SearchHit.highlightEnd }
        let text = "Monday. Slept badly, whys and wherefores; the bus was late (again) and I felt the panic rise, "
            + "then it passed after ten minutes of breathing. Later: PANIC again at the shop, smaller."
        // Five words before the first match and eleven from it on; words are runs of
        // letters and digits, as the full-text index counts them.
        #expect(SearchExcerpt.of(text, words: ["panic"]) == "…again) and I felt the \(mark("panic")) rise, "
            + "then it passed after ten minutes of breathing. Later…")
        #expect(SearchExcerpt.of(text, words: ["MONDAY", "later"]) == "\(mark("Monday")). Slept badly, whys and wherefores; the bus was late (again…")
        // Whole words only, and no match at all: the first sixteen words.
        #expect(SearchExcerpt.of(text, words: ["why"]) == "Monday. Slept badly, whys and wherefores; the bus was late (again) and I felt the panic…")
        #expect(SearchExcerpt.of("Zoë’s café, then why", words: ["why"]) == "Zoë’s café, then \(mark("why"))")
        #expect(SearchExcerpt.of("", words: ["why"]) == "")
    }

    @Test func indexedRecordsEqualADirectScan() throws {
        let copy = try TemporaryVault.copyOfExample()
        defer { copy.remove() }
        let index = try Index.open(Vault(root: copy.root))
        try index.refresh()
        #expect(try index.entries() == Vault(root: copy.root).load().entries)
    }

    /// A table or CSV is read from record columns (`Index.summaries`), not decoded
    /// records, and JSON is written a record at a time (`Index.write`): each must print
    /// exactly what the records themselves give, whatever the title holds, with private
    /// marks, dates with and without times, and the counts of each record's own problems
    /// and of those that need other files; and for no record at all.
    @Test func everyListFormatFromTheIndexEqualsThatOfTheRecords() throws {
        let copy = try TemporaryVault.copyOfExample()
        defer { copy.remove() }
        for (path, text) in [
            "journal/odd-1.md": "---\ntype: mood\ndate: 2026-11-20 21:05\nmood: 11\nhomework: no-such-id\ntitle: \"Tab\\there, \\\"quotes\\\", a\\nbreak\"\n---\nx\n",
            "journal/odd-2.md": "---\ntype: reflection\nprivate: true\n---\n# Zoë’s visit, \u{1F331} and a title well over sixty characters long so that it is cut short\n",
            "journal/odd-3.md": "---\ntype: mood\ndate: 0226-11-20\nmood: 5\n---\n",
            "notes/plain.md": "just words\n",
        ] {
            try copy.write(path, text)
        }
        let index = try Index.open(Vault(root: copy.root))
        try index.refresh()
        let entries = try index.entries()
        #expect(entries.contains { $0.diagnostics.contains { $0.severity == .error } })
        #expect(entries.contains { $0.diagnostics.contains { $0.severity == .warning } })
        #expect(entries.contains { $0.isPrivate })
        let nothing = RecordQuery.none
        for format in RecordFormat.allCases {
            #expect(try index.render(format) == format.render(entries), "\(format)")
            #expect(try index.render(format, matching: nothing) == format.render([]), "\(format)")
            let moods = RecordQuery.matching(try QueryCompiler(context: QueryContext(today: EntryDate(year: 2026, month: 11, day: 26))).compile("type = mood"))
            let moodEntries = try index.entries(matching: moods)
            #expect(moodEntries.count >= 3)
            #expect(try index.render(format, matching: moods) == format.render(moodEntries), "\(format)")
        }
    }

    /// A first index of a large vault drops the field indexes while writing and builds
    /// them once at the end: afterwards they must all be there, used, and every record kept.
    @Test func aBulkRefreshRebuildsTheFieldIndexesAndKeepsEveryRecord() throws {
        var files: [String: String] = [:]
        for number in 0..<1_000 {
            files["journal/\(1_000 + number).md"] = """
                ---
                type: mood
                date: 2026-11-20 21:00
                mood: \(number % 11)
                distress: \(number % 101)
                tags: [evening, day-\(number % 7)]
                ---
                # Evening \(number)

                Walked home the long way; is that avoidance?
                """
        }
        let vault = try TemporaryVault(files)
        defer { vault.remove() }
        #expect(Index.isBulk(1_000, of: 1_000) && !Index.isBulk(999, of: 999) && !Index.isBulk(1_000, of: 2_001))
        let index = try Index.open(Vault(root: vault.root))
        #expect(try index.refresh().parsed == 1_000)
        let indexes = try index.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'field' ORDER BY name")
        }
        #expect(indexes == ["field_key_date", "field_key_num", "field_key_text", "field_on_recordId"])
        // Each kind of comparison is one indexed lookup (the number and date indexes
        // hold only rows with a number or a date).
        for (sql, name) in [("SELECT recordId FROM field WHERE key = 'distress' AND num >= 70", "field_key_num"),
                             ("SELECT recordId FROM field WHERE key = 'date' AND date < '2026-11-21'", "field_key_date"),
                             ("SELECT recordId FROM field WHERE key = 'tags' AND text = 'evening'", "field_key_text"),
                             ("SELECT recordId FROM field WHERE key = 'tags'", "field_key_text")] {
            let plan = try index.read { db in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] as String }
            }
            #expect(plan.contains { $0.contains("USING INDEX \(name)") || $0.contains("USING COVERING INDEX \(name)") }, "\(sql): \(plan)")
        }
        #expect(try index.entries() == Vault(root: vault.root).load().entries)
        let highDistress = try index.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM field WHERE key = 'distress' AND num >= 70") ?? 0
        }
        #expect(highDistress == (0..<1_000).filter { $0 % 101 >= 70 }.count)
    }
}

