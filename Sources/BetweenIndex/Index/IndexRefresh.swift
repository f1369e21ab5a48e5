import BetweenCore
import Foundation
internal import GRDB

/// What a refresh did, for `between index` and for tests that prove unchanged files are not re-parsed.
public struct RefreshReport: Sendable, Hashable {
    /// Files read and parsed into records.
    public var parsed = 0
    /// Files whose size or time changed but whose content did not (stamp updated, not parsed).
    public var touched = 0
    /// Files whose records were removed (deleted, renamed, now excluded).
    public var removed = 0
    /// Files left as they were.
    public var unchanged = 0
    /// Files that can't be read (binary, too large, …).
    public var skipped = 0
    /// The first `shownProblems` problems in the files parsed now, in path order, for
    /// `between index` to show (`between check` shows every file's).
    public var problems: [Diagnostic] = []
    /// How many problems the files parsed now have in all.
    public var problemCount = 0

    /// At most this many problems are kept: memory stays flat however large the vault.
    public static let shownProblems = 20

    public var changedAnything: Bool { parsed + touched + removed > 0 }

    mutating func count(_ outcomes: [Index.Outcome]) {
        for outcome in outcomes {
            switch outcome {
            case .parsed(let entry, _, _):
                parsed += 1
                problemCount += entry.diagnostics.count
                problems += entry.diagnostics.prefix(max(0, Self.shownProblems - problems.count))
            case .sameContent: touched += 1
            case .unreadable: skipped += 1
            }
        }
    }
}

extension Index {
    /// Brings the index up to date with the files: only files whose size or
    /// modification time changed are read, and only those whose content hash
    /// changed are parsed; deleted and renamed files drop out. A time that moved
    /// backwards counts as a change like any other.
    ///
    /// A file modified in the last `recentWindow` before the scan may still change
    /// within the same clock tick (file times are coarse: a few milliseconds on ext4,
    /// two seconds on FAT) without its size or time moving. Its stamp is stored as
    /// "check again", so the next refresh reads it (and re-parses it only if its hash
    /// differs), the way git treats racily clean files.
    ///
    /// `progress` is called with (done, total) as files are parsed.
    func update(progress: (@Sendable (Int, Int) -> Void)?) throws -> RefreshReport {
        let scannedAt = Int64(Date().timeIntervalSince1970 * 1_000_000_000)
        // The stored stamps are read while the vault is scanned: both mostly wait on
        // the system, and every command pays for both.
        let stamps = Handoff<Result<[String: Stamp], Error>>()
        let reading = DispatchGroup()
        DispatchQueue.global().async(group: reading) { [database] in
            stamps.set(Result { try database.read(Self.storedStamps) })
        }
        let (files, diagnostics) = vault.sources()
        scanDiagnostics = vault.configDiagnostics + diagnostics
        reading.wait()
        let stored = try stamps.value!.get()
        let reader = VaultReader(vault)
        var report = RefreshReport()
        var storedAndPresent = 0
        let candidates = files.filter { file in
            guard let stamp = stored[file.path] else { return true }
            storedAndPresent += 1
            return stamp.size != file.size || stamp.modified != file.modified
        }
        report.unchanged = files.count - candidates.count
        // Paths are unique: when every stored one is still there, nothing is gone.
        let gone: [String] = storedAndPresent == stored.count ? [] : {
            let present = Set(files.map(\.path))
            return stored.keys.filter { !present.contains($0) }.sorted()
        }()
        let counter = ProgressCounter(total: candidates.count, report: progress)
        guard !candidates.isEmpty || !gone.isEmpty else { return report }
        // Parsing (every core) and writing (one connection) overlap: while one batch
        // is written, the next is parsed.
        let batches = Self.batches(of: candidates)
        let parse: @Sendable ([SourceFile]) -> [Outcome] = { batch in
            batch.parallelMap { file -> Outcome in
                defer { counter.step() }
                // However many cores parse, at most about one large note's worth is in memory at once.
                return InFlightBudget.files.withPermit(for: Int(clamping: file.size)) {
                    Index.examine(file, previousHash: stored[file.path]?.hash, reader: reader)
                }
            }
        }
        // The first batch is read before taking the write lock. Often it is all there
        // is: files saved in the last moments, read again (see above) and unchanged,
        // whose stamps stay as stored; then there is nothing to write at all.
        let first = batches.first.map(parse) ?? []
        if gone.isEmpty, batches.count == 1, zip(batches[0], first).allSatisfy({ file, outcome in
            guard case .sameContent = outcome, let stamp = stored[file.path] else { return false }
            return stamp.size == file.size && stamp.modified == Self.stamped(file, scannedAt: scannedAt).modified
        }) {
            report.count(first)
            return report
        }
        try database.writeWithoutTransaction { db in
            try db.inTransaction(.immediate) {
                let writer = try IndexWriter(db)
                let deferred = Self.isBulk(candidates.count, of: files.count) ? try writer.dropFieldIndexes() : []
                for path in gone {
                    try writer.delete(path: path)
                }
                var next = first
                for (number, batch) in batches.enumerated() {
                    let current = next
                    let following = Handoff<[Outcome]>()
                    let group = DispatchGroup()
                    if number + 1 < batches.count {
                        let upcoming = batches[number + 1]
                        DispatchQueue.global().async(group: group) { following.set(parse(upcoming)) }
                    }
                    try write(current, for: batch.map { Self.stamped($0, scannedAt: scannedAt) }, with: writer, db: db)
                    // Only the counts outlive the batch: memory stays flat however large the vault.
                    report.count(current)
                    group.wait()
                    next = following.value ?? []
                }
                try writer.recreate(deferred)
                try writer.refreshVaultDiagnostics()
                return .commit
            }
        }
        report.removed = gone.count
        return report
    }

    /// Every stored file's stamp, by path: columns by position, rows one at a time.
    private static func storedStamps(_ db: Database) throws -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT path, size, mtime, hash FROM record UNION ALL SELECT path, size, mtime, '' FROM skipped")
        while let row = try rows.next() {
            let path: String = row[0]
            if stamps[path] == nil { stamps[path] = Stamp(size: row[1], modified: row[2], hash: row[3]) }
        }
        return stamps
    }

    /// How recently modified a file must be for its stamp not to be trusted (see `refresh`).
    static let recentWindow: Int64 = 2_000_000_000

    /// The modification time stored for a file that must be read again next time.
    static let checkAgain: Int64 = -1

    /// `file` as its stamp should be stored: recently modified files get `checkAgain`.
    static func stamped(_ file: SourceFile, scannedAt: Int64) -> SourceFile {
        guard file.modified > scannedAt - recentWindow else { return file }
        var stamped = file
        stamped.modified = checkAgain
        return stamped
    }

    /// Files parsed per batch of the parse/write pipeline: as many as `check` reads at once.
    static let batchSize = VaultReader.batchSize

    /// The most bytes of files in one batch (a larger file is a batch of its own). Two
    /// batches' records are in memory at once (one written while the next is parsed), and a
    /// record can be ten times its file (a heading every four bytes), so a batch of long
    /// notes is kept short; a batch of ordinary notes (a few KB each) never reaches this.
    static let batchBytes: Int64 = 2 * 1024 * 1024

    /// `files` cut into batches of at most `batchSize` files and `batchBytes` bytes, in order.
    static func batches(of files: [SourceFile]) -> [[SourceFile]] {
        var batches: [[SourceFile]] = []
        var current: [SourceFile] = []
        var bytes: Int64 = 0
        for file in files {
            if !current.isEmpty, current.count == batchSize || bytes + file.size > batchBytes {
                batches.append(current)
                current = []
                bytes = 0
            }
            current.append(file)
            bytes += max(file.size, 0)
        }
        if !current.isEmpty { batches.append(current) }
        return batches
    }

    /// Whether a refresh writes so much of the index (a first index, a rebuild, most
    /// files touched by a sync) that building the field indexes afterwards, in one
    /// sorted pass, beats updating them row by row.
    static func isBulk(_ changed: Int, of total: Int) -> Bool {
        changed >= 1000 && changed * 2 >= total
    }

    private func write(_ outcomes: [Outcome], for files: [SourceFile], with writer: IndexWriter, db: Database) throws {
        for (file, outcome) in zip(files, outcomes) {
            switch outcome {
            case .parsed(let entry, let blob, let hash):
                // Always replace, even a file the stamps read above did not list: another
                // process may have indexed it since (they were read before the write lock).
                try writer.upsert(entry, encoded: blob, file: file, hash: hash)
            case .sameContent:
                try db.execute(sql: "UPDATE record SET size = ?, mtime = ? WHERE path = ?",
                               arguments: [file.size, file.modified, file.path])
            case .unreadable(let diagnostic):
                try writer.skip(file, because: diagnostic)
            }
        }
    }

    private struct Stamp: Sendable {
        var size: Int64
        var modified: Int64
        var hash: String
    }

    enum Outcome: Sendable {
        case parsed(Entry, blob: Data, hash: String)
        case sameContent
        case unreadable(Diagnostic)
    }

    /// Reads one candidate; parses it only when its content is new.
    static func examine(_ file: SourceFile, previousHash: String?, reader: VaultReader) -> Outcome {
        let content = SourceContent(atPath: file.absolutePath)
        var hash = ""
        if case .bytes(let bytes) = content {
            hash = ContentHash.of(bytes)
            if hash == previousHash { return .sameContent }
        }
        switch reader.entry(at: file.path, content) {
        case .success(let entry): return .parsed(entry, blob: IndexWriter.encode(entry), hash: hash)
        case .failure(let diagnostic): return .unreadable(diagnostic)
        }
    }
}

/// Counts finished files across worker threads and reports them.
private final class ProgressCounter: @unchecked Sendable {
    private let total: Int
    private let report: (@Sendable (Int, Int) -> Void)?
    private var done = 0
    private let lock = NSLock()

    init(total: Int, report: (@Sendable (Int, Int) -> Void)?) {
        self.total = total
        self.report = report
    }

    func step() {
        guard let report else { return }
        let now = lock.withLock { () -> Int in
            done += 1
            return done
        }
        report(now, total)
    }
}

/// A value made on another thread (the stored stamps, the next batch's outcomes),
/// read once the `DispatchGroup` it was made in is done.
private final class Handoff<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value?

    func set(_ value: Value) { lock.withLock { stored = value } }
    var value: Value? { lock.withLock { stored } }
}
