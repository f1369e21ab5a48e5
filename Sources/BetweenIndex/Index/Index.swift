import BetweenCore
import Foundation
internal import GRDB

/// The vault's SQLite index at `.between/index.sqlite`: a disposable cache of every record.
///
/// Open it with `Index.open(_:)`, then `refresh()` before reading. A missing database,
/// or one another build of Between or other settings made (`IndexFingerprint`), is
/// rebuilt without complaint; a damaged or foreign one is rebuilt too, and `warnings`
/// says so (`IndexCheck` tells them apart); a vault where `.between/` can't be written
/// is indexed in memory instead (with a warning).
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
    /// The index file as this process opened it, known sound (checked, or built here).
    private var sound: IndexCheck.Memo?
    /// Problems with the index itself that the person should hear about.
    public private(set) var warnings: [String] = []
    /// Problems found while scanning at the last refresh (links, unreadable folders) and in `between.yml`.
    public internal(set) var scanDiagnostics: [Diagnostic] = []

    private init(vault: Vault, database: any DatabaseWriter, pendingBuild: String? = nil, sound: IndexCheck.Memo? = nil,
                 warnings: [String] = []) {
        self.vault = vault
        self.database = database
        self.pendingBuild = pendingBuild
        self.sound = sound
        self.warnings = warnings
    }

    /// The index file an `Index` reads, as it was when opened: what to pass to
    /// `open(_:rebuild:replacing:)` after a command met damage in it (`isDamage`).
    public struct OpenedFile: Sendable, Hashable {
        public let root: String
        let device: UInt64, inode: UInt64
    }

    /// The file this index reads; nil while it answers from memory.
    public var openedFile: OpenedFile? {
        sound.map { OpenedFile(root: vault.root, device: $0.stamp.device, inode: $0.stamp.inode) }
    }

    /// Whether `error`, thrown while using an index, means the index file is damaged:
    /// the cure is to open it again with `replacing:` (which rebuilds it) and start over.
    public static func isDamage(_ error: any Error) -> Bool {
        IndexCheck.isDamage(error)
    }

    /// Opens the index of `vault`; when there is no usable one (or `rebuild`), the
    /// first `refresh()` builds it. `replacing`: a file in which damage was met (see
    /// `isDamage`); it is rebuilt if it is still the index file, and the person is told.
    public static func open(_ vault: Vault, rebuild: Bool = false, replacing damaged: OpenedFile? = nil) throws -> Index {
        let fingerprint = IndexFingerprint.current(for: vault)
        if let reason = IndexLocation.prepareFolder(of: vault.root) {
            return try Index(vault: vault, database: inMemory(fingerprint: fingerprint), warnings: [
                "can't write the index in \(IndexLocation.folder(of: vault.root)) (\(reason)); "
                    + "answering from memory this time, which is slower",
            ])
        }
        let path = IndexLocation.database(of: vault.root)
        // Judging (and removing) the file is done by one process at a time, so two
        // first runs can't delete each other's work.
        let lock = IndexLocation.lock(of: vault.root)
        defer { IndexLocation.unlock(lock) }
        var wasDamaged = damaged != nil
        // Another process may have met the same damage and rebuilt the file already:
        // only the file the damage was met in is removed.
        if rebuild || damaged.map({ IndexCheck.Stamp(of: path)?.isFile(of: $0) == true }) == true {
            IndexLocation.removeDatabase(of: vault.root)
        }
        var warnings: [String] { wasDamaged ? [damageNote(vault.root)] : [] }
        do {
            if let (pool, sound) = try openUsable(path, root: vault.root, fingerprint: fingerprint) {
                return Index(vault: vault, database: pool, sound: sound, warnings: warnings)
            }
        } catch IndexCheck.Problem.outdated {
            IndexLocation.removeDatabase(of: vault.root)
        } catch {
            wasDamaged = true
            IndexLocation.removeDatabase(of: vault.root)
        }
        return try Index(vault: vault, database: inMemory(fingerprint: fingerprint), pendingBuild: path, warnings: warnings)
    }

    /// What the person hears when a damaged index file was replaced.
    static func damageNote(_ root: String) -> String {
        "the index in \(IndexLocation.folder(of: root)) was damaged, so it was rebuilt from your notes (your notes are fine)"
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
            database = try Self.inMemory(fingerprint: fingerprint)
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
        if let (pool, sound) = try? Self.openUsable(path, root: root, fingerprint: fingerprint) {
            (database, self.sound) = (pool, sound)
            return try update(progress: progress)
        }
        IndexLocation.removeDatabase(of: root)
        let temporary = try IndexLocation.createBuildFile(of: root)
        defer { IndexLocation.removeBuildFile(of: root) }
        let queue = try DatabaseQueue(path: temporary, configuration: Self.configuration(buildingAside: true))
        try Self.createSchema(in: queue, fingerprint: fingerprint)
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
        guard let (pool, sound) = try Self.openUsable(path, root: root, fingerprint: fingerprint, builtHere: true) else {
            throw IndexError.unusable("the new index vanished")
        }
        (database, self.sound) = (pool, sound)
        return report
    }

    /// What this build, reading the vault with its settings, writes into an index.
    private var fingerprint: String { IndexFingerprint.current(for: vault) }

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

    /// Opens the index file at `path` when it exists and is ours, made with `fingerprint`,
    /// and sound (`IndexCheck`); nil when there is no file; throws when it is unusable
    /// (damaged, foreign, another fingerprint: it is only a cache, to be built again).
    /// Returns what is now known sound of the file (nil when it can't be stamped).
    /// `builtHere`: the file this process has just built, which needs no page-by-page check.
    private static func openUsable(_ path: String, root: String, fingerprint: String,
                                   builtHere: Bool = false) throws -> (DatabasePool, IndexCheck.Memo?)? {
        guard FileSystem.status(path) != nil else { return nil }
        let pool = try DatabasePool(path: path, configuration: configuration())
        IndexLocation.restrictFiles(of: root)
        // Taken before checking: a change made while the check runs is checked next time.
        let stamp = IndexCheck.Stamp(of: path)
        let memo = IndexCheck.memo(of: root)
        let known = builtHere || (stamp != nil && stamp == memo?.stamp)
        let schema = try pool.read {
            try IndexCheck.verify($0, fingerprint: fingerprint, thorough: !known, knownSchema: memo?.schema)
        }
        guard let stamp else { return (pool, nil) }
        let sound = IndexCheck.Memo(stamp: stamp, schema: schema)
        IndexCheck.record(sound, of: root)
        return (pool, sound)
    }

    /// Records the index file as sound after this process's own writes: it copies
    /// the write-ahead log into the file (which closing the last connection would do
    /// anyway), then stamps the file. Only when nothing else changed the file since it
    /// was opened: otherwise the next run checks it in full.
    deinit {
        guard let sound, let pool = database as? DatabasePool else { return }
        let path = IndexLocation.database(of: vault.root)
        guard IndexCheck.Stamp(of: path) == sound.stamp,
              (try? pool.writeWithoutTransaction({ try $0.checkpoint(.passive) })) != nil,
              let checkpointed = IndexCheck.Stamp(of: path) else { return }
        IndexCheck.record(IndexCheck.Memo(stamp: checkpointed, schema: sound.schema), of: vault.root)
    }

    private static func createSchema(in database: some DatabaseWriter, fingerprint: String) throws {
        try database.write { db in
            try IndexSchema.create(in: db)
            try db.execute(sql: "PRAGMA application_id = \(IndexSchema.applicationID)")
            try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('schema', ?)", arguments: [String(IndexSchema.version)])
            try IndexFingerprint.store(fingerprint, in: db)
        }
    }

    private static func inMemory(fingerprint: String) throws -> DatabaseQueue {
        let queue = try DatabaseQueue(configuration: configuration())
        try createSchema(in: queue, fingerprint: fingerprint)
        return queue
    }

    enum IndexError: Error, CustomStringConvertible {
        case unusable(String)

        var description: String {
            switch self {
            case .unusable(let reason): reason
            }
        }
    }

    /// Runs read-only work against the index (inside the index only: nothing outside it
    /// sees SQL or GRDB; tests use it to look at the tables).
    func read<T>(_ work: (Database) throws -> T) throws -> T {
        try database.read(work)
    }
}
