import BetweenCore
import Foundation
internal import GRDB
import Glibc

/// Checking an index file before trusting it: a damaged one is rebuilt, never read.
///
/// Every open compares the file's tables, columns, indexes, triggers and views
/// (`sqlite_master`) with what this version of Between creates. SQLite's `PRAGMA
/// quick_check`, which reads every page (60 ms for 10,000 notes), runs only when the
/// file changed since it was last known sound: the file's stamp (device, inode, size,
/// modification and change times) is kept in `.between/index.checked` (the memo)
/// after a check passes, and after Between's own writes (`Index.deinit`). Any other
/// write to the file, or a file put in its place, changes the stamp, so the next run
/// checks it in full. The memo also keeps a hash of the schema found sound, so the
/// schema this version creates is only built (in memory, a few milliseconds) to
/// compare with when the file's schema is not that one.
enum IndexCheck {
    /// Why an index file can't be used.
    enum Problem: Error {
        /// Made by another build of Between, or with other settings (`IndexFingerprint`):
        /// rebuilt without a word (an upgrade does that).
        case outdated
        /// Damaged, or not Between's: rebuilt, and the person is told.
        case damaged(String)
    }

    /// Throws a `Problem` unless `db` is a sound index made with `fingerprint`; `thorough`
    /// adds `PRAGMA quick_check`; `knownSchema`: the hash of a schema already found sound.
    /// Returns the hash of the file's schema. SQLite's own errors (a file that isn't
    /// a database, a corrupt page) are thrown as they are.
    @discardableResult
    static func verify(_ db: Database, fingerprint: String, thorough: Bool, knownSchema: String? = nil) throws -> String {
        guard try Int32.fetchOne(db, sql: "PRAGMA application_id") == IndexSchema.applicationID else {
            throw Problem.damaged("not Between's index")
        }
        let objects = try SchemaObject.all(in: db)
        guard objects.contains(where: { $0.type == "table" && $0.name == "meta" }),
              let version = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'schema'") else {
            throw Problem.damaged("its meta table is missing")
        }
        // Before the tables are compared: another build's may differ, and that is no damage.
        guard version == String(IndexSchema.version), try IndexFingerprint.stored(in: db) == fingerprint else {
            throw Problem.outdated
        }
        let searchReady = try FirstUse.search.isDone(db)
        let schema = hash(objects, searchReady: searchReady)
        if schema != knownSchema {
            let expected = try Self.expected.get()
            guard objects == (searchReady ? expected.withSearch : expected.base) else {
                throw Problem.damaged("its tables are not the ones Between makes")
            }
        }
        if thorough {
            let findings = try String.fetchAll(db, sql: "PRAGMA quick_check")
            guard findings == ["ok"] else { throw Problem.damaged(findings.first ?? "quick_check found problems") }
        }
        return schema
    }

    /// One hash of the schema objects, in any order, and whether the search triggers belong.
    private static func hash(_ objects: Set<SchemaObject>, searchReady: Bool) -> String {
        let lines = objects.map { [$0.type, $0.name, $0.table, $0.sql ?? "-"].joined(separator: "\u{0}") }.sorted()
        return ContentHash.of(Array((lines + ["search \(searchReady)"]).joined(separator: "\n").utf8))
    }

    /// Whether `error`, met while reading or writing the index, means its file is
    /// damaged (so rebuilding it from the notes is the cure), rather than a mistake
    /// in a person's SQL or a full disk.
    static func isDamage(_ error: any Error) -> Bool {
        switch error {
        case let error as DatabaseError:
            [.SQLITE_CORRUPT, .SQLITE_NOTADB, .SQLITE_FORMAT].contains(error.resultCode)
        case is EntryCodec.Corrupt, is Problem:
            true
        default:
            false
        }
    }

    /// One row of `sqlite_master`: its type, name, table and the SQL that made it.
    struct SchemaObject: Hashable {
        var type: String, name: String, table: String, sql: String?

        static func all(in db: Database) throws -> Set<SchemaObject> {
            Set(try Row.fetchAll(db, sql: "SELECT type, name, tbl_name, sql FROM sqlite_master").map { row in
                SchemaObject(type: row[0], name: row[1], table: row[2], sql: row[3])
            })
        }
    }

    /// What this version of Between creates, read back from a fresh database in
    /// memory: without, and with, the triggers the first `search` installs. Made once.
    private static let expected = Result<(base: Set<SchemaObject>, withSearch: Set<SchemaObject>), any Error> {
        let queue = try DatabaseQueue()
        return try queue.write { db in
            try IndexSchema.create(in: db)
            let base = try SchemaObject.all(in: db)
            try db.execute(sql: IndexSchema.searchTriggers)
            return (base, try SchemaObject.all(in: db))
        }
    }
}

extension IndexCheck {
    /// What `stat` says of a file, in every field a write to it or its replacement changes.
    struct Stamp: Hashable {
        var device: UInt64, inode: UInt64, size: Int64, modified: Int64, changed: Int64

        init?(of path: String) {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
            size = Int64(info.st_size)
            modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
            changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
        }

        init?(numbers: [Int64]) {
            guard numbers.count == 5 else { return nil }
            device = UInt64(bitPattern: numbers[0])
            inode = UInt64(bitPattern: numbers[1])
            (size, modified, changed) = (numbers[2], numbers[3], numbers[4])
        }

        /// Whether this is the file `opened` was (the same device and inode).
        func isFile(of opened: Index.OpenedFile) -> Bool {
            device == opened.device && inode == opened.inode
        }

        var text: String {
            "\(Int64(bitPattern: device)) \(Int64(bitPattern: inode)) \(size) \(modified) \(changed)"
        }
    }

    /// What the memo says: the stamp of the index file last known sound, and the hash
    /// of its schema.
    struct Memo: Equatable {
        var stamp: Stamp
        var schema: String
    }

    /// Where the memo is kept.
    static func memoPath(of root: String) -> String { IndexLocation.folder(of: root) + "/index.checked" }

    /// The memo, if there is a readable one.
    static func memo(of root: String) -> Memo? {
        guard case .success(let bytes) = FileSystem.read(memoPath(of: root), limit: 256) else { return nil }
        let words = String(decoding: bytes, as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\n" })
        guard words.count == 6, let stamp = Stamp(numbers: words.prefix(5).compactMap { Int64($0) }) else { return nil }
        return Memo(stamp: stamp, schema: String(words[5]))
    }

    /// Records `memo`. Written beside and renamed into place, so two processes
    /// recording at once never leave half a line; failing is harmless (the next run
    /// just checks the file in full).
    static func record(_ memo: Memo, of root: String) {
        guard self.memo(of: root) != memo else { return }
        let temporary = memoPath(of: root) + ".\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return }
        let written = FileWriting.writeAll(Array("\(memo.stamp.text) \(memo.schema)\n".utf8), to: descriptor)
        close(descriptor)
        if !written || rename(temporary, memoPath(of: root)) != 0 { unlink(temporary) }
    }
}
