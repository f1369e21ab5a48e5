import GRDB

/// `between sql`: runs a person's own SQL against the index, read-only.
///
/// Three layers keep the index untouched: the statement runs on a read-only
/// connection (GRDB's `read`), every statement must be one SQLite itself calls
/// read-only, and statements that change the connection or write elsewhere
/// (`ATTACH`, `DETACH`, `VACUUM`, `PRAGMA x = y`) are refused by name.
public enum ReadOnlySQL {
    /// The result of a query: column names and rows of values as text/number/null.
    public struct ResultSet: Sendable {
        public var columns: [String]
        public var rows: [[JSONValue]]
    }

    /// Why a statement was refused.
    public struct Refusal: Error, CustomStringConvertible {
        public var description: String
    }

    /// Runs every statement in `sql`, returning the rows of the last one that returns rows.
    ///
    /// The tables a cold index leaves empty (full-text search, body parts) are filled
    /// first, so a person's SQL always sees every table whole.
    public static func run(_ sql: String, in index: Index) throws -> ResultSet {
        try index.ensureSearchTable()
        try index.ensureBodyParts()
        return try index.read { db in
            var result = ResultSet(columns: [], rows: [])
            // Every statement is prepared and checked before any runs: a refusal anywhere
            // means nothing was run at all.
            var statements: [Statement] = []
            let cursor = try db.allStatements(sql: sql)
            while let statement = try cursor.next() {
                try check(statement)
                statements.append(statement)
            }
            guard !statements.isEmpty else { throw Refusal(description: "there is no SQL statement to run; try `between sql \"SELECT path, title FROM record LIMIT 5\"`") }
            for statement in statements {
                let columns = statement.columnNames
                let rows = try Row.fetchAll(statement).map { row in columns.indices.map { value(row[$0] as DatabaseValue) } }
                if !columns.isEmpty { result = ResultSet(columns: columns, rows: rows) }
            }
            return result
        }
    }

    private static func check(_ statement: Statement) throws {
        let words = statement.sql.uppercased().split(whereSeparator: { !$0.isLetter && $0 != "_" }).prefix(3)
        let first = words.first.map(String.init) ?? ""
        let forbidden = ["ATTACH", "DETACH", "VACUUM", "REINDEX", "ANALYZE"]
        let pragmaWrite = first == "PRAGMA" && statement.sql.contains("=")
        guard statement.isReadonly, !forbidden.contains(first), !pragmaWrite else {
            throw Refusal(description: "between sql only reads: '\(statement.sql.trimmingASCIIWhitespace().prefix(60))' would change the index or the connection, so it was not run. The index is a cache rebuilt from your notes; change the notes instead")
        }
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
