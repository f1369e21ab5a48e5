import BetweenCore
internal import GRDB

/// One number a field held, and the day of its entry: what `trend` plots.
public struct FieldValueOnDay: Sendable, Hashable {
    public var day: EntryDate
    public var value: Double
}

extension Index {
    /// The fields (dotted for nested ones) that hold a number in some entry, sorted.
    public func numberFields() throws -> [String] {
        try database.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT key FROM field WHERE num IS NOT NULL ORDER BY key") }
    }

    /// Every number `field` (dotted for nested) holds in the dated records matching
    /// `query`, oldest first (by wall-clock time, as the entries were written).
    public func numbers(of field: String, matching query: RecordQuery = .all) throws -> [FieldValueOnDay] {
        let condition = query.sql
        let rows = try database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT r.day, f.num FROM field f JOIN record r ON r.id = f.recordId
                WHERE f.key = ? AND f.num IS NOT NULL AND r.day IS NOT NULL AND \(condition.sql) ORDER BY r.sort_key
                """, arguments: StatementArguments([field]) + condition.arguments)
        }
        return rows.compactMap { row in
            (try? DateParser.parse(row[0] as String)).map { FieldValueOnDay(day: $0, value: row[1]) }
        }
    }
}
