import Foundation
import GRDB

/// The vault's SQLite index at `.between/index.sqlite`: a disposable cache of every record.
///
/// Open it with `Index.open(_:)`, then `refresh()` before reading. A missing,
/// corrupt, foreign or older-schema database is rebuilt without complaint; a vault
/// where `.between/` can't be written is indexed in memory instead (with a warning).
/// Several processes may use one index at once: SQLite's WAL mode lets readers
/// go on while one writer at a time refreshes, and a busy timeout makes the others wait.
///
/// A brand-new index is built by the first refresh under a temporary name, without
/// a write-ahead log, and renamed into place when complete (`build(at:progress:)`): nothing
/// else ever sees it half made, and the build doesn't write every page twice.
public final class Index: @unchecked Sendable {
    public let vault: Vault
    /// The database: the file's pool once it exists; until a pending build has run,
    /// an empty one in memory, so reads before the first refresh see no records.
    private(set) var database: any DatabaseWriter
    /// Where the first refresh is to build the index file (there is none usable yet).
    private var pendingBuild: String?
    /// Problems with the index itself that the person should hear about.
    public private(set) var warnings: [String] = []
    /// Problems found while scanning at the last refresh (links, unreadable folders) and in `between.yml`.
    public internal(set) var scanDiagnostics: [Diagnostic] = []

    private init(vault: Vault, database: any DatabaseWriter, pendingBuild: String? = nil, warnings: [String] = []) {
        self.vault = vault
        self.database = database
        self.pendingBuild = pendingBuild
        self.warnings = warnings
    }

    /// Opens the index of `vault`; when there is no usable one (or `rebuild`), the
    /// first `refresh()` builds it.
    public static func open(_ vault: Vault, rebuild: Bool = false) throws -> Index {
        guard IndexLocation.prepareFolder(of: vault.root) else {
            return try Index(vault: vault, database: inMemory(), warnings: [
                "can't write the index in \(IndexLocation.folder(of: vault.root)) (is the vault read-only?); "
                    + "answering from memory this time, which is slower",
            ])
        }
        let path = IndexLocation.database(of: vault.root)
        // Judging (and removing) the file is done by one process at a time, so two
        // first runs can't delete each other's work.
        let lock = IndexLocation.lock(of: vault.root)
        defer { IndexLocation.unlock(lock) }
        if rebuild { IndexLocation.removeDatabase(of: vault.root) }
        do {
            if let pool = try openUsable(path, root: vault.root) {
                return Index(vault: vault, database: pool)
            }
        } catch {
            IndexLocation.removeDatabase(of: vault.root)
        }
        return try Index(vault: vault, database: inMemory(), pendingBuild: path)
    }

    /// Brings the index up to date with the files (`update`), building the index
    /// file first if `open` found none.
    @discardableResult
    public func refresh(progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> RefreshReport {
        guard let path = pendingBuild else { return try update(progress: progress) }
        pendingBuild = nil
        do {
            return try build(at: path, progress: progress)
        } catch {
            database = try Self.inMemory()
            warnings.append("can't create the index at \(path) (\(error.localizedDescription)); answering from memory this time. "
                + "The index is only a cache: removing \(IndexLocation.folder(of: vault.root)) lets the next run build it afresh")
            return try update(progress: progress)
        }
    }

    /// Builds the index file at `path` from every file of the vault, unless another
    /// process has built one meanwhile (then that one is brought up to date).
    private func build(at path: String, progress: (@Sendable (Int, Int) -> Void)?) throws -> RefreshReport {
        let root = vault.root
        let lock = IndexLocation.lock(of: root)
        defer { IndexLocation.unlock(lock) }
        if let pool = try? Self.openUsable(path, root: root) {
            database = pool
            return try update(progress: progress)
        }
        IndexLocation.removeDatabase(of: root)
        let temporary = try IndexLocation.createBuildFile(of: root)
        defer { IndexLocation.removeBuildFile(of: root) }
        let queue = try DatabaseQueue(path: temporary, configuration: Self.configuration(buildingAside: true))
        try Self.createSchema(in: queue)
        database = queue
        let report = try update(progress: progress)
        // Readers of the finished file share it through the write-ahead log, like any
        // index; the mode is recorded in the file, and switching is instant when
        // nothing else has it open.
        try queue.writeWithoutTransaction { db in
            _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
        }
        try queue.close()
        try IndexLocation.moveBuildFile(of: root)
        guard let pool = try Self.openUsable(path, root: root) else { throw IndexError.unusable("the new index vanished") }
        database = pool
        return report
    }

    /// `buildingAside`: for the file a new index is built in, which nothing else
    /// reads until it is renamed, so it needs no journal at all.
    private static func configuration(buildingAside: Bool = false) -> Configuration {
        var configuration = Configuration()
        configuration.busyMode = .timeout(60)
        // The build file is written by one refresh that only adds rows, each after
        // the record it belongs to: nothing for foreign keys to check or cascade.
        configuration.foreignKeysEnabled = !buildingAside
        configuration.prepareDatabase { db in
            // Takes effect when the file is created. Records are a few KB each (an
            // entry and its plain text); 16 KiB pages hold them without overflow
            // chains, which cut a cold index's writes by a sixth (docs/performance.md).
            try db.execute(sql: "PRAGMA page_size = 16384")
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            if buildingAside {
                _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = OFF")
            }
        }
        return configuration
    }

    /// Opens the index file at `path` when it exists and is ours, of this schema
    /// version; nil when there is no file; throws when it is unusable (corrupt,
    /// foreign, another schema version: it is only a cache, to be built again).
    private static func openUsable(_ path: String, root: String) throws -> DatabasePool? {
        guard FileSystem.status(path) != nil else { return nil }
        let pool = try DatabasePool(path: path, configuration: configuration())
        defer { IndexLocation.restrictFiles(of: root) }
        let (applicationID, schema) = try pool.read { db in
            (try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0,
             try db.tableExists("meta") ? try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'schema'") : nil)
        }
        guard applicationID == IndexSchema.applicationID, schema == String(IndexSchema.version) else {
            throw IndexError.unusable("a foreign, damaged or older index")
        }
        return pool
    }

    private static func createSchema(in database: some DatabaseWriter) throws {
        try IndexSchema.migrator.migrate(database)
        try database.write { db in
            try db.execute(sql: "PRAGMA application_id = \(IndexSchema.applicationID)")
            try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('schema', ?)", arguments: [String(IndexSchema.version)])
        }
    }

    private static func inMemory() throws -> DatabaseQueue {
        let queue = try DatabaseQueue(configuration: configuration())
        try createSchema(in: queue)
        return queue
    }

    enum IndexError: Error { case unusable(String) }

    /// Runs read-only work against the index.
    public func read<T>(_ work: (Database) throws -> T) throws -> T {
        try database.read(work)
    }
}
