import BetweenCore
import Foundation
internal import GRDB

/// Writes records into the index inside a transaction, with statements prepared once.
struct IndexWriter {
    let db: Database
    /// Whether the body-part tables (`section`, `question`, `task`, `link`) are kept
    /// in step: only once something has asked for them (`Index.ensureBodyParts`).
    let writesBodyParts: Bool
    /// Whether the index held no file's row when the writer began (a first index, a
    /// rebuild): then there is nothing to replace, and writing a path skips the
    /// deletes before its insert. Each path is written at most once per writer (a
    /// refresh writes each file once); a second write of a path into an index that
    /// began empty fails on `path`'s uniqueness rather than keeping two rows.
    let startsEmpty: Bool

    /// A writer for `db`, which must be inside a write transaction (so the state of
    /// the body-part tables, and whether the index is empty, can't change under it).
    init(_ db: Database) throws {
        self.db = db
        writesBodyParts = try FirstUse.parts.isDone(db)
        startsEmpty = try !Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM record) OR EXISTS (SELECT 1 FROM skipped)")!
    }

    /// The stored form of an entry (read back by `Index.entries`). Encoded by the
    /// parsing workers, in parallel, rather than inside the write transaction.
    static func encode(_ entry: Entry) -> Data {
        EntryCodec.encode(entry)
    }

    /// Replaces whatever the index holds for `entry.path` with `entry`.
    func upsert(_ entry: Entry, encoded blob: Data? = nil, file: SourceFile, hash: String) throws {
        try replacing(entry.path)
        let blob = blob ?? Self.encode(entry)
        let record = try db.cachedStatement(sql: """
            INSERT INTO record (path, type, title, date, sort_key, day, week, private, has_front_matter, words, homework,
                                homework_line, homework_column, size, mtime, hash, entry, body)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let reference = VaultChecks.HomeworkReference(entry)
        try record.execute(arguments: [
            entry.path, entry.type.rawValue, entry.title, entry.date?.isoText, entry.date?.sortKey, entry.date?.dayString, entry.date?.isoWeek,
            entry.isPrivate, entry.hasFrontMatter, entry.body.wordCount, entry.homeworkID,
            reference?.position?.line, reference?.position?.column, file.size, file.modified, hash, blob, entry.body.plainText,
        ])
        let id = db.lastInsertedRowID
        let field = try db.cachedStatement(sql: "INSERT INTO field (recordId, key, num, text, date) VALUES (?, ?, ?, ?, ?)")
        for row in FieldRow.rows(for: entry.fields) {
            try field.execute(arguments: [id, row.key, row.num, row.text, row.date])
        }
        if writesBodyParts {
            try insertBodyParts(of: entry, id: id)
        }
        let diagnostic = try db.cachedStatement(sql: """
            INSERT INTO diagnostic (recordId, scope, line, column, severity, message) VALUES (?, 'file', ?, ?, ?, ?)
            """)
        for item in entry.diagnostics {
            try diagnostic.execute(arguments: [id, item.position?.line, item.position?.column, item.severity.rawValue, item.message])
        }
    }

    /// Writes the rows of the body-part tables for the record `id`, which is `entry`.
    func insertBodyParts(of entry: Entry, id: Int64) throws {
        let section = try db.cachedStatement(sql: "INSERT INTO section (recordId, heading, level, line, text) VALUES (?, ?, ?, ?, ?)")
        for item in entry.body.sections {
            try section.execute(arguments: [id, item.heading, item.level, item.position.line, item.text])
        }
        let question = try db.cachedStatement(sql: "INSERT INTO question (recordId, text, section, line) VALUES (?, ?, ?, ?)")
        for item in entry.body.questions {
            try question.execute(arguments: [id, item.text, item.section, item.position.line])
        }
        let task = try db.cachedStatement(sql: "INSERT INTO task (recordId, text, done, line) VALUES (?, ?, ?, ?)")
        for item in entry.body.tasks {
            try task.execute(arguments: [id, item.text, item.done, item.position.line])
        }
        let link = try db.cachedStatement(sql: "INSERT INTO link (recordId, destination, text, line) VALUES (?, ?, ?, ?)")
        for item in entry.body.links {
            try link.execute(arguments: [id, item.destination, item.text, item.position.line])
        }
    }

    /// Drops the indexes over `field` values (not the one by record), returning the
    /// statements that create them again; for bulk writes, followed by `recreate`.
    func dropFieldIndexes() throws -> [String] {
        let indexes = try Row.fetchAll(db, sql: """
            SELECT name, sql FROM sqlite_master
            WHERE type = 'index' AND tbl_name = 'field' AND name LIKE 'field_key_%' AND sql IS NOT NULL ORDER BY name
            """)
        for index in indexes {
            try db.execute(sql: "DROP INDEX \((index["name"] as String).quotedDatabaseIdentifier)")
        }
        return indexes.map { $0["sql"] }
    }

    /// Creates the indexes `dropFieldIndexes` dropped.
    func recreate(_ indexes: [String]) throws {
        for sql in indexes {
            try db.execute(sql: sql)
        }
    }

    /// Records a file that could not be read (binary, too large, …) so it is not retried until it changes.
    func skip(_ file: SourceFile, because diagnostic: Diagnostic) throws {
        try replacing(file.path)
        try db.execute(sql: """
            INSERT INTO skipped (path, size, mtime, severity, message, line, column) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [file.path, file.size, file.modified, diagnostic.severity.rawValue, diagnostic.message,
                             diagnostic.position?.line, diagnostic.position?.column])
    }

    /// Removes what the index holds for `path` before it is written again, unless
    /// the index began empty.
    private func replacing(_ path: String) throws {
        guard !startsEmpty else { return }
        try delete(path: path)
    }

    /// Removes a path's record or skipped row (the file was deleted or renamed).
    func delete(path: String) throws {
        try db.cachedStatement(sql: "DELETE FROM record WHERE path = ?").execute(arguments: [path])
        try db.cachedStatement(sql: "DELETE FROM skipped WHERE path = ?").execute(arguments: [path])
    }

    /// The records a cross-file check reads: assignments (found through the `type`
    /// index), and the records practising an id no assignment has, whose ids come
    /// from the `homework` index alone, so the rows of the thousands of records
    /// practising known ids are never read (a refresh after one edit runs this).
    static let crossFileCandidates = """
        SELECT id, path, type, homework, homework_line, homework_column FROM record
        WHERE type = 'homework' AND homework IS NOT NULL
        UNION ALL
        SELECT id, path, type, homework, homework_line, homework_column FROM record
        WHERE homework IN (SELECT homework FROM record WHERE homework IS NOT NULL
                           EXCEPT SELECT homework FROM record WHERE type = 'homework')
        ORDER BY path
        """

    /// Recomputes the diagnostics that span files, from the homework ids of every record.
    ///
    /// Only assignments and the records whose id matches no assignment can have such
    /// a diagnostic (`VaultChecks`), so only those are read (`crossFileCandidates`).
    func refreshVaultDiagnostics() throws {
        try db.execute(sql: "DELETE FROM diagnostic WHERE scope = 'vault'")
        let rows = try Row.fetchAll(db, sql: Self.crossFileCandidates)
        var ids: [String: Int64] = [:]
        let references = rows.map { row -> VaultChecks.HomeworkReference in
            ids[row["path"]] = row["id"]
            return VaultChecks.HomeworkReference(
                path: row["path"], isAssignment: row["type"] == EntryType.homework.rawValue, id: row["homework"],
                position: SourcePosition.stored(in: row, line: "homework_line", column: "homework_column"))
        }
        let statement = try db.cachedStatement(sql: """
            INSERT INTO diagnostic (recordId, scope, line, column, severity, message) VALUES (?, 'vault', ?, ?, ?, ?)
            """)
        for item in VaultChecks.diagnostics(for: references) {
            try statement.execute(arguments: [ids[item.path], item.position?.line, item.position?.column,
                                              item.severity.rawValue, item.message])
        }
    }
}
