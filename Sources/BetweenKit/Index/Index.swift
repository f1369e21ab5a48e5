import Foundation
import GRDB

/// The vault's SQLite index at `.between/index.sqlite`: a disposable cache of every record.
///
/// Open it with `Index.open(_:)`, then `refresh()` before reading. A missing,
/// corrupt, foreign or older-schema database is rebuilt without complaint; a vault
/// where `.between/` can't be written is indexed in memory instead (with a warning).
/// Several processes may use one index at once: SQLite's WAL mode lets readers
/// go on while one writer at a time refreshes, and a busy timeout makes the others wait.
public final class Index: @unchecked Sendable {
    public let vault: Vault
    let database: any DatabaseWriter
    /// Problems with the index itself that the person should hear about.
    public private(set) var warnings: [String] = []
    /// Problems found while scanning at the last refresh (links, unreadable folders) and in `between.yml`.
    public internal(set) var scanDiagnostics: [Diagnostic] = []

    private init(vault: Vault, database: any DatabaseWriter, warnings: [String]) {
        self.vault = vault
        self.database = database
        self.warnings = warnings
    }

    /// Opens (creating or rebuilding as needed) the index of `vault`.
    public static func open(_ vault: Vault, rebuild: Bool = false) throws -> Index {
        guard IndexLocation.prepareFolder(of: vault.root) else {
            return try Index(vault: vault, database: inMemory(), warnings: [
                "can't write the index in \(IndexLocation.folder(of: vault.root)) (is the vault read-only?); "
                    + "answering from memory this time, which is slower",
            ])
        }
        let path = IndexLocation.database(of: vault.root)
        do {
            return Index(vault: vault, database: try openFile(path, root: vault.root, rebuild: rebuild), warnings: [])
        } catch {
            return try Index(vault: vault, database: inMemory(), warnings: [
                "can't create the index at \(path) (\(error.localizedDescription)); answering from memory this time",
            ])
        }
    }

    private static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.busyMode = .timeout(60)
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in
            // Takes effect when the file is created. Records are a few KB each (an
            // entry and its plain text); 16 KiB pages hold them without overflow
            // chains, which cut a cold index's writes by a sixth (docs/performance.md).
            try db.execute(sql: "PRAGMA page_size = 16384")
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        return configuration
    }

    /// Opens the database file, creating it, or recreating it when it is unusable
    /// (corrupt, foreign, another schema version): it is only a cache.
    private static func openFile(_ path: String, root: String, rebuild: Bool) throws -> DatabasePool {
        // Creating or judging the file is done by one process at a time, so two
        // first runs can't both create the schema, or delete each other's work.
        let lock = IndexLocation.lock(of: root)
        defer { IndexLocation.unlock(lock) }
        if rebuild { IndexLocation.removeDatabase(of: root) }
        do {
            return try openExisting(path, root: root)
        } catch {
            IndexLocation.removeDatabase(of: root)
            return try openExisting(path, root: root)
        }
    }

    private static func openExisting(_ path: String, root: String) throws -> DatabasePool {
        let pool = try DatabasePool(path: path, configuration: configuration())
        defer { IndexLocation.restrictFiles(of: root) }
        let (applicationID, tableCount) = try pool.read { db in
            (try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0)
        }
        if applicationID == 0 && tableCount == 0 {
            try IndexSchema.migrator.migrate(pool)
            try pool.write { db in
                try db.execute(sql: "PRAGMA application_id = \(IndexSchema.applicationID)")
                try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('schema', ?)",
                               arguments: [String(IndexSchema.version)])
            }
            return pool
        }
        let schema = try pool.read { db in
            try db.tableExists("meta") ? try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'schema'") : nil
        }
        guard applicationID == IndexSchema.applicationID, schema == String(IndexSchema.version) else {
            throw IndexError.unusable("a foreign, damaged or older index")
        }
        return pool
    }

    private static func inMemory() throws -> DatabaseQueue {
        let queue = try DatabaseQueue(configuration: configuration())
        try IndexSchema.migrator.migrate(queue)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('schema', ?)", arguments: [String(IndexSchema.version)])
        }
        return queue
    }

    enum IndexError: Error { case unusable(String) }

    /// Runs read-only work against the index.
    public func read<T>(_ work: (Database) throws -> T) throws -> T {
        try database.read(work)
    }
}
