import BetweenCore
internal import GRDB

/// The session notes, which split time into periods ("since the last session").
extension Index {
    /// The date of the latest `session` note dated before `day`, as written (a date-only
    /// one compares by day, one with a time by its time): `last-session` in a query.
    /// Private sessions count only for an audience that sees private entries.
    public func lastSession(before day: EntryDate, visibleTo audience: Audience = .owner) throws -> EntryDate? {
        try database.read { try Sessions.last(before: day, visibleTo: audience, in: $0) }
    }

    /// The days of the session notes, in order, for resolving a digest's period. For a
    /// shared digest, private session notes don't count: it must not start at (and print
    /// the date of) a session the person kept private.
    public func sessionDays(visibleTo audience: Audience) throws -> [EntryDate] {
        let condition = (RecordQuery.type(.session) && .visible(to: audience)).sql
        return try database.read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT r.day FROM record r WHERE r.day IS NOT NULL AND \(condition.sql) ORDER BY r.day",
                                arguments: condition.arguments)
        }.compactMap { try? DateParser.parse($0) }
    }
}

enum Sessions {
    static func last(before day: EntryDate, visibleTo audience: Audience, in db: Database) throws -> EntryDate? {
        let condition = (RecordQuery.type(.session) && .before(day) && .visible(to: audience)).sql
        let written = try String.fetchOne(db, sql: """
            SELECT r.date FROM record r WHERE r.day IS NOT NULL AND \(condition.sql) ORDER BY r.sort_key DESC LIMIT 1
            """, arguments: condition.arguments)
        return written.flatMap { try? DateParser.parse($0) }
    }
}
