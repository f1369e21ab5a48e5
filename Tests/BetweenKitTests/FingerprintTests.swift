import Foundation
import GRDB
import Testing
@testable import BetweenCore
@testable import BetweenIndex

/// The index records what made its records (`IndexFingerprint`: this build's parsing and
/// storage code, libcmark, the parse settings); an index another build or other settings
/// made is built afresh, without a word, rather than served.
@Suite struct FingerprintTests {
    /// Three notes written an hour ago (so their stamps are trusted at once).
    private func makeVault() throws -> TemporaryVault {
        let vault = try TemporaryVault([
            "homework/bus.md": "---\ntype: homework\nfrequency: 3/week\n---\n# One stop on the bus\n",
            "journal/monday.md": "---\ntype: mood\ndate: 2026-11-16 21:00\nmood: 3\n---\nCouldn't face the bus. Stayed in.\n",
            "journal/tuesday.md": "---\ntype: reflection\ndate: 2026-11-17\nhomework: bus\n---\nDid one stop. Shaky, but I did it.\n",
        ])
        try vault.backdate()
        return vault
    }

    private func database(_ vault: TemporaryVault) throws -> DatabaseQueue {
        try DatabaseQueue(path: vault.root + "/.between/index.sqlite")
    }

    private func storedFingerprint(_ vault: TemporaryVault) throws -> String? {
        try database(vault).read { try String.fetchOne($0, sql: "SELECT value FROM meta WHERE key = 'fingerprint'") }
    }

    /// The titles of the records, as `between sql` shows them.
    private func titles(_ vault: TemporaryVault) throws -> String {
        let result = try CLI.run(["sql", "SELECT title FROM record ORDER BY path", "--format", "csv"], in: vault.root)
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result.stderr)")
        return result.stdout
    }

    private static let fresh = "Index up to date: 3 parsed, 0 unchanged.\n"
    private static let stale = "left here by another build"

    /// Another build's fingerprint, a missing or absurd one: the next command parses every
    /// note again, says nothing about it, and no record the other build wrote survives.
    @Test(arguments: [
        "UPDATE meta SET value = 'schema 9; sources 0123456789abcdef; cmark 0.30.2; Options(privateByDefault: false)' WHERE key = 'fingerprint'",
        "DELETE FROM meta WHERE key = 'fingerprint'",
        "UPDATE meta SET value = '' WHERE key = 'fingerprint'",
        "UPDATE meta SET value = value || ' ' WHERE key = 'fingerprint'",
        "UPDATE meta SET value = upper(value) WHERE key = 'fingerprint'",
        "UPDATE meta SET value = zeroblob(1000000) WHERE key = 'fingerprint'",
        "UPDATE meta SET value = x'FFFE00' WHERE key = 'fingerprint'",
        "UPDATE meta SET value = 42 WHERE key = 'fingerprint'",
    ])
    func anIndexWithAnotherFingerprintIsRebuiltWithoutAWord(change: String) throws {
        let vault = try makeVault()
        defer { vault.remove() }
        #expect(try CLI.run(["index"], in: vault.root).stderr == Self.fresh)
        let written = try titles(vault)
        #expect(written.contains("One stop on the bus"))
        try database(vault).write { db in
            try db.execute(sql: "UPDATE record SET title = ?", arguments: [Self.stale])
            try db.execute(sql: change)
        }
        let index = try CLI.run(["index"], in: vault.root)
        #expect(index.status == 0)
        #expect(index.stderr == Self.fresh)
        #expect(try titles(vault) == written)
        #expect(try storedFingerprint(vault) == IndexFingerprint.current(for: Vault(root: vault.root)))
    }

    /// The contrast that shows the fingerprint is what rebuilt it above: a record changed
    /// behind Between's back under this build's fingerprint is served as it is (the index is
    /// a cache of the notes, trusted while the files and the fingerprint are unchanged).
    @Test func anIndexWithThisFingerprintIsKept() throws {
        let vault = try makeVault()
        defer { vault.remove() }
        #expect(try CLI.run(["index"], in: vault.root).stderr == Self.fresh)
        try database(vault).write { try $0.execute(sql: "UPDATE record SET title = ?", arguments: [Self.stale]) }
        #expect(try CLI.run(["index"], in: vault.root).stderr == "Index up to date: 0 parsed, 3 unchanged.\n")
        #expect(try titles(vault).components(separatedBy: Self.stale).count == 4)
    }

    /// What an index from before fingerprints looks like (GRDB's migrations table, the
    /// parse options in a row of their own, no fingerprint): an upgrade rebuilds it
    /// silently, not as damage, though its tables are not the ones this build makes.
    /// (Its schema version, 8, is older too: IndexTests covers that on its own.)
    @Test func anIndexFromBeforeFingerprintsIsRebuiltWithoutAWord() throws {
        let vault = try makeVault()
        defer { vault.remove() }
        #expect(try CLI.run(["index"], in: vault.root).stderr == Self.fresh)
        try database(vault).write { db in
            try db.execute(sql: """
                CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
                INSERT INTO grdb_migrations VALUES ('v1: records, fields, body parts, diagnostics, search');
                DELETE FROM meta WHERE key = 'fingerprint';
                INSERT INTO meta VALUES ('parse-options', 'Options(privateByDefault: false)');
                """)
        }
        let list = try CLI.run(["list", "--format", "paths"], in: vault.root)
        #expect(list.status == 0)
        #expect(list.stderr.isEmpty)
        #expect(list.stdout == "homework/bus.md\njournal/monday.md\njournal/tuesday.md\n")
        let tables = try database(vault).read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE name LIKE 'grdb%'") }
        #expect(tables.isEmpty)
        #expect(try CLI.run(["index"], in: vault.root).stderr == "Index up to date: 0 parsed, 3 unchanged.\n")
    }

    /// Two opens of the same build with the same settings agree: nothing is parsed again.
    @Test func theFingerprintIsStableAcrossOpens() throws {
        let vault = try makeVault()
        defer { vault.remove() }
        let first = try Index.open(Vault(root: vault.root))
        #expect(try first.refresh().parsed == 3)
        let written = try storedFingerprint(vault)
        #expect(written == IndexFingerprint.current(for: Vault(root: vault.root)))
        let second = try Index.open(Vault(root: vault.root))
        let report = try second.refresh()
        #expect(report.parsed == 0 && report.unchanged == 3)
        #expect(second.warnings.isEmpty)
        #expect(try storedFingerprint(vault) == written)
        #expect(try CLI.run(["index"], in: vault.root).stderr == "Index up to date: 0 parsed, 3 unchanged.\n")
        #expect(try storedFingerprint(vault) == written)
    }

    /// The fingerprint holds each thing that shapes a record, so a change to any of them
    /// changes it.
    @Test func theFingerprintNamesWhatShapesARecord() throws {
        let sources = BuildFingerprint.sources
        #expect(sources.count == 16 && sources.allSatisfy(\.isHexDigit) && sources != String(repeating: "0", count: 16))
        #expect(CommonMark.libraryVersion.contains(try Regex(#"^\d+\.\d+\.\d+"#)))
        let shared = IndexFingerprint.current(options: EntryParser.Options(privateByDefault: false))
        let privateByDefault = IndexFingerprint.current(options: EntryParser.Options(privateByDefault: true))
        #expect(shared != privateByDefault)
        for part in ["schema \(IndexSchema.version);", "sources \(sources);", "cmark \(CommonMark.libraryVersion);"] {
            #expect(shared.contains(part), "\(shared) lacks \(part)")
        }
        // A vault's settings are what its fingerprint is made with.
        let vault = try TemporaryVault(["between.yml": "private-by-default: true\n"])
        defer { vault.remove() }
        #expect(IndexFingerprint.current(for: Vault(root: vault.root)) == privateByDefault)
    }
}
