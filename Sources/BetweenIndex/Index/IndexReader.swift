import BetweenCore
import Foundation
internal import GRDB

extension Index {
    /// Records matching `query`, in `order` (ties by path), at most `limit`.
    public func entries(matching query: RecordQuery = .all, order: RecordOrder = .path, limit: Int? = nil) throws -> [Entry] {
        var entries: [Entry] = []
        try forEachEntry(matching: query, order: order, limit: limit) { entries.append($0) }
        return entries
    }

    /// The entries of `entries(matching:order:limit:)`, handed to `body` one at a time,
    /// so a command that only tallies them (`cope`) holds one at a time.
    public func forEachEntry(matching query: RecordQuery = .all, order: RecordOrder = .path, limit: Int? = nil,
                             _ body: (Entry) throws -> Void) throws {
        try database.read { db in
            let (selection, arguments) = Self.selection(query, order: order, limit: limit)
            let crossFile = try Self.crossFileDiagnostics(db)
            // The ids are sorted alone, then each record is read by its id: sorting whole
            // rows made SQLite's sorter hold every matching record at once (200 MB for a
            // dozen 10 MB notes). A cursor decodes each row straight from SQLite's buffers.
            let ids = try Int64.fetchAll(db, sql: "SELECT r.id \(selection)", arguments: arguments)
            let record = try db.cachedStatement(sql: "SELECT entry, body FROM record WHERE id = ?")
            for id in ids {
                let rows = try Row.fetchCursor(record, arguments: [id])
                guard let row = try rows.next() else { continue }
                // The row is the cursor's current row: it must outlive the decoding.
                var entry = try withExtendedLifetime(rows) { try EntryCodec.decode(row[0] as Data, plainText: row[1]) }
                if let extra = crossFile[id] {
                    entry.diagnostics = (entry.diagnostics + extra).sorted(by: Diagnostic.isOrderedWithinFile)
                }
                try body(entry)
            }
        }
    }

    /// Just the paths of `entries(matching:order:limit:)`, in the same order, without
    /// decoding any record (for `--format paths` over many records).
    public func paths(matching query: RecordQuery = .all, order: RecordOrder = .path, limit: Int? = nil) throws -> [String] {
        try database.read { db in
            let (selection, arguments) = Self.selection(query, order: order, limit: limit)
            return try String.fetchAll(db, sql: "SELECT r.path \(selection)", arguments: arguments)
        }
    }

    /// How many records match `query` (e.g. to count the private ones an export leaves out).
    public func count(matching query: RecordQuery) throws -> Int {
        let condition = query.sql
        return try database.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM record r WHERE \(condition.sql)", arguments: condition.arguments) ?? 0
        }
    }

    /// What a table or CSV shows of `entries(matching:order:limit:)`, in the same order,
    /// from the record columns and diagnostic counts, without decoding any record.
    public func summaries(matching query: RecordQuery = .all, order: RecordOrder = .path, limit: Int? = nil) throws -> [RecordSummary] {
        try database.read { db in
            let (selection, arguments) = Self.selection(query, order: order, limit: limit)
            let rows = try Row.fetchCursor(db, sql: """
                SELECT r.path, r.type, r.title, r.date, r.private,
                       (SELECT count(*) FROM diagnostic d WHERE d.recordId = r.id AND d.severity = 'error'),
                       (SELECT count(*) FROM diagnostic d WHERE d.recordId = r.id AND d.severity <> 'error')
                \(selection)
                """, arguments: arguments)
            var summaries: [RecordSummary] = []
            while let row = try rows.next() {
                summaries.append(RecordSummary(path: row[0], type: row[1], title: row[2], date: row[3], isPrivate: row[4],
                                               errors: row[5], warnings: row[6]))
            }
            return summaries
        }
    }

    /// `FROM record r WHERE … ORDER BY … LIMIT …` with its bound values.
    private static func selection(_ query: RecordQuery, order: RecordOrder, limit: Int?) -> (String, StatementArguments) {
        let condition = query.sql, terms = order.sql
        var arguments = condition.arguments
        var selection = "FROM record r WHERE \(condition.sql) ORDER BY "
        if !terms.sql.isEmpty {
            selection += terms.sql + ", "
            arguments += terms.arguments
        }
        selection += "r.path"
        if let limit {
            selection += " LIMIT ?"
            arguments += [limit]
        }
        return (selection, arguments)
    }

    /// Diagnostics for files that could not be read, plus scan and settings problems.
    public func otherDiagnostics() throws -> [Diagnostic] {
        let skipped = try database.read { db in
            try Row.fetchAll(db, sql: "SELECT path, severity, message, line, column FROM skipped ORDER BY path").map(Diagnostic.init(row:))
        }
        return scanDiagnostics + skipped
    }

    /// How many source files could not be read at all (binary, not UTF-8, too large, no
    /// permission): they have no record, so commands that leave them out say how many.
    public func unreadableCount() throws -> Int {
        try database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM skipped") ?? 0 }
    }

    /// One diagnostic per note left out because it is still encrypted (`EncryptedNote`), by path.
    public func encryptedNotes() throws -> [Diagnostic] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT path, severity, message, line, column FROM skipped WHERE message = ? ORDER BY path",
                             arguments: [EncryptedNote.message]).map(Diagnostic.init(row:))
        }
    }

    private static func crossFileDiagnostics(_ db: Database) throws -> [Int64: [Diagnostic]] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT d.recordId, r.path, d.line, d.column, d.severity, d.message
            FROM diagnostic d JOIN record r ON r.id = d.recordId WHERE d.scope = 'vault'
            """)
        var result: [Int64: [Diagnostic]] = [:]
        for row in rows {
            result[row["recordId"], default: []].append(Diagnostic(row: row))
        }
        return result
    }
}

extension Diagnostic {
    /// A diagnostic as the index stores it: a row with `path`, `line`, `column`,
    /// `severity` and `message` columns.
    init(row: Row) {
        self.init(path: row["path"], position: SourcePosition.stored(in: row),
                  severity: Severity(rawValue: row["severity"]) ?? .error, message: row["message"])
    }
}

extension SourcePosition {
    /// The position in a row's `line` and `column` columns (or others named so);
    /// nil when no line is stored, column 1 when only the line is.
    static func stored(in row: Row, line: String = "line", column: String = "column") -> SourcePosition? {
        let number: Int? = row[line]
        return number.map { SourcePosition(line: $0, column: row[column] ?? 1) }
    }
}
