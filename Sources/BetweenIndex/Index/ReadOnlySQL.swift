import BetweenCore
internal import GRDB

/// `between sql`: runs a person's own SQL against the index, read-only.
///
/// Three layers keep the index untouched: the statement runs on a read-only
/// connection (GRDB's `read`); while it is compiled, SQLite asks `SQLAuthorizer`
/// about every action it would take, which lets reading through and refuses the
/// rest (writes, transactions and savepoints, `PRAGMA` with a value, `ATTACH`,
/// `fts3_tokenizer()`…); and every statement must be one SQLite itself calls read-only.
public enum ReadOnlySQL {
    /// The result of a query: column names and rows of values as text/number/null.
    public struct ResultSet: Sendable {
        public var columns: [String]
        public var rows: [[JSONValue]]
    }

    /// A statement to show in help: the notes of each day.
    public static let example = "SELECT day, count(*) FROM record GROUP BY day"

    /// Why a statement was refused.
    public struct Refusal: UserFacingError, CustomStringConvertible {
        public var description: String
    }

    /// Runs every statement in `sql`, returning the rows of the last one that returns
    /// rows, all held in memory (for small results: `between sql` streams them).
    public static func run(_ sql: String, in index: Index) throws -> ResultSet {
        var result = ResultSet(columns: [], rows: [])
        try run(sql, in: index, columns: { result.columns = $0 }, row: { result.rows.append($0) })
        return result
    }

    /// Runs every statement in `sql` and hands the last one that returns rows to
    /// `columns` (its column names) and then to `row`, a row at a time as SQLite
    /// steps through them, so no result is ever held whole. Neither is called when
    /// no statement returns rows.
    ///
    /// The tables a cold index leaves empty (full-text search, body parts) are filled
    /// first, so a person's SQL always sees every table whole.
    public static func run(_ sql: String, in index: Index, columns: ([String]) throws -> Void,
                           row: ([JSONValue]) throws -> Void) throws {
        try index.ensureSearchTable()
        try index.ensureBodyParts()
        try index.read { db in
            try SQLAuthorizer().judging(db) { authorizer in
                // Every statement is prepared and checked before any runs: a refusal anywhere
                // means nothing was run at all.
                var statements: [Statement] = []
                let cursor = try db.allStatements(sql: sql)
                do {
                    while let statement = try cursor.next() {
                        guard statement.isReadonly else { throw refusal(statement.sql, SQLAuthorizer.mayWrite) }
                        statements.append(statement)
                    }
                } catch let error as DatabaseError {
                    // SQLite fails a statement whose action was refused (with SQLITE_AUTH, or
                    // "not authorized to use function" for a function).
                    guard let reason = authorizer.refusal else { throw error }
                    throw refusal(error.sql ?? sql, reason)
                }
                guard !statements.isEmpty else { throw Refusal(description: "there is no SQL statement to run; try `between sql \"SELECT path, title FROM record LIMIT 5\"`") }
                let shown = statements.lastIndex { !$0.columnNames.isEmpty }
                for (number, statement) in statements.enumerated() {
                    guard number == shown else {
                        try statement.execute()
                        continue
                    }
                    let names = statement.columnNames
                    try columns(names)
                    let rows = try Row.fetchCursor(statement)
                    while let next = try rows.next() {
                        try row(names.indices.map { value(next[$0] as DatabaseValue) })
                    }
                }
            }
        }
    }

    /// The refusal of `statement` (the start of its text is quoted), for `reason`.
    private static func refusal(_ statement: String, _ reason: String) -> Refusal {
        let text = statement.trimmingASCIIWhitespace()
        let first = text.prefix { $0 != ";" }.prefix(60)
        return Refusal(description: "between sql only reads: '\(first)' \(reason)")
    }

    private static func value(_ value: DatabaseValue) -> JSONValue {
        switch value.storage {
        case .null: .null
        case .int64(let number): .integer(Int(number))
        case .double(let number): .number(number)
        case .string(let text): .string(text)
        case .blob(let data): .string("<\(data.count) bytes>")
        }
    }
}
