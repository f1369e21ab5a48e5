import BetweenCore
internal import GRDB

/// Tables a refresh leaves empty until something first needs them (full-text search,
/// body parts): filling them is done once per index, and a `meta` row says it was.
enum FirstUse: String {
    case search
    case parts

    /// Whether the tables have been filled (and are kept in step from then on).
    func isDone(_ db: Database) throws -> Bool {
        try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [rawValue]) == "ready"
    }
}

extension Index {
    /// Runs `fill` unless it has run on this index before, in a write transaction that
    /// also records that it has; another process may have done it while this one
    /// waited for the lock, so that is checked again under the lock.
    func fillOnFirstUse(_ tables: FirstUse, _ fill: (Database) throws -> Void) throws {
        guard try !database.read(tables.isDone) else { return }
        try database.writeWithoutTransaction { db in
            try db.inTransaction(.immediate) {
                guard try !tables.isDone(db) else { return .commit }
                try fill(db)
                try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES (?, 'ready')", arguments: [tables.rawValue])
                return .commit
            }
        }
    }
}
