import Foundation

/// What git's index (the staging area) holds, read with plumbing commands whose output
/// is meant for programs: `ls-files --stage -z`, `diff --cached --name-status -z`,
/// `grep --cached`, `cat-file --batch-check` and `cat-file --batch`.
///
/// Paths are relative to the folder git runs in (the vault) and limited to it.
public struct GitIndex: Sendable {
    /// One file in the index.
    public struct File: Sendable, Hashable {
        public var path: String
        /// `100644`, `100755` (files), `120000` (links), `160000` (submodules).
        public var mode: String
        public var object: String

        /// A regular file (not a link or submodule).
        public var isRegular: Bool { mode == "100644" || mode == "100755" }
    }

    /// How a path differs between the last commit and the index.
    public enum Change: Sendable, Hashable {
        case added, modified, deleted, typeChanged, other
    }

    public let git: Git

    public init(git: Git) {
        self.git = git
    }

    /// Every file in the index, by path (merge conflicts, with several stages, are left out).
    public func files() throws(Git.Failure) -> [String: File] {
        var files: [String: File] = [:]
        for record in Self.records(try git.check(["ls-files", "--stage", "-z"])) {
            // "MODE OBJECT STAGE\tPATH"
            guard let tab = record.firstIndex(of: "\t") else { continue }
            let fields = record[..<tab].split(separator: " ")
            guard fields.count == 3, fields[2] == "0" else { continue }
            let path = String(record[record.index(after: tab)...])
            files[path] = File(path: path, mode: String(fields[0]), object: String(fields[1]))
        }
        return files
    }

    /// Paths staged for the next commit and how they changed (works before the first commit too).
    public func stagedChanges() throws(Git.Failure) -> [(path: String, change: Change)] {
        let records = Self.records(try git.check(["diff", "--cached", "--name-status", "-z", "--no-renames", "--relative"]))
        var changes: [(String, Change)] = []
        var index = 0
        while index + 1 < records.count {
            let change: Change = switch records[index].first {
            case "A": .added
            case "M": .modified
            case "D": .deleted
            case "T": .typeChanged
            default: .other
            }
            changes.append((records[index + 1], change))
            index += 2
        }
        return changes
    }

    /// Paths of indexed text files containing `word` (any case): git's own fast search.
    public func paths(containing word: String) throws(Git.Failure) -> [String] {
        let output = try git.run(["grep", "--cached", "-l", "-z", "-i", "-I", "-F", "-e", word])
        switch output.status {
        case 0: return Self.records(output.stdout)
        case 1: return [] // no match
        default: throw .failed(command: "grep --cached", message: output.stderr)
        }
    }

    /// An object's content, or its size when it is too large to read.
    public enum Blob: Sendable, Hashable {
        case bytes([UInt8])
        case tooLarge(size: Int)
    }

    /// The contents of index objects, by object id; objects larger than `limit` bytes are not read.
    public func contents(of objects: [String], limit: Int) throws(Git.Failure) -> [String: Blob] {
        var results: [String: Blob] = [:]
        try forEachBatch(of: objects, limit: limit, budget: .max) { batch in
            for (object, blob) in batch { results[object] = blob }
        }
        return results
    }

    /// A good `budget` for `forEachBatch`: hundreds of ordinary notes to a `git cat-file`,
    /// and memory that stays flat. Batches of 10 MiB grew `check --staged`'s peak by some
    /// 28 MB each time the staged notes doubled (freed buffers weren't given back).
    public static let batchBytes = 2 * 1024 * 1024

    /// The contents of index objects, a batch at a time, in the order given (each object
    /// once): a batch holds at most `budget` bytes of contents, or one larger object alone,
    /// so memory stays flat however many objects there are (a first commit stages a whole
    /// vault). Objects larger than `limit` bytes come unread, as `.tooLarge`; objects git
    /// doesn't know are left out.
    public func forEachBatch(of objects: [String], limit: Int, budget: Int,
                             _ body: ([(object: String, blob: Blob)]) -> Void) throws(Git.Failure) {
        var seen: Set<String> = []
        let unique = objects.filter { seen.insert($0).inserted }
        guard !unique.isEmpty else { return }
        let sizes = try self.sizes(of: unique)
        var batch: [(object: String, size: Int)] = []
        var inBatch = 0
        func flush() throws(Git.Failure) {
            guard !batch.isEmpty else { return }
            let read = try self.read(batch.filter { $0.size <= limit }.map(\.object))
            body(batch.compactMap { item in
                item.size > limit ? (item.object, .tooLarge(size: item.size)) : read[item.object].map { (item.object, .bytes($0)) }
            })
            batch.removeAll()
            inBatch = 0
        }
        for object in unique {
            guard let size = sizes[object] else { continue }
            let bytes = size > limit ? 0 : size
            if !batch.isEmpty, inBatch + bytes > budget { try flush() }
            batch.append((object, size))
            inBatch += bytes
        }
        try flush()
    }

    /// Each object's size (`cat-file --batch-check`); objects git doesn't know are left out.
    private func sizes(of objects: [String]) throws(Git.Failure) -> [String: Int] {
        let request = Data(objects.joined(separator: "\n").appending("\n").utf8)
        var sizes: [String: Int] = [:]
        for line in String(decoding: try git.check(["cat-file", "--batch-check"], input: request), as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: " ")
            if parts.count == 3, let size = Int(parts[2]) { sizes[String(parts[0])] = size }
        }
        return sizes
    }

    /// The contents of objects (`cat-file --batch`), by object id.
    private func read(_ objects: [String]) throws(Git.Failure) -> [String: [UInt8]] {
        guard !objects.isEmpty else { return [:] }
        let output = try git.check(["cat-file", "--batch"], input: Data(objects.joined(separator: "\n").appending("\n").utf8))
        // Each object: "OBJECT TYPE SIZE\n" then SIZE bytes, then "\n".
        let bytes = [UInt8](output)
        var results: [String: [UInt8]] = [:]
        var position = 0
        while position < bytes.count {
            guard let newline = bytes[position...].firstIndex(of: 0x0A) else { break }
            let header = String(decoding: bytes[position..<newline], as: UTF8.self).split(separator: " ")
            let start = newline + 1
            guard header.count == 3, let size = Int(header[2]), start + size <= bytes.count else { break }
            results[String(header[0])] = Array(bytes[start..<(start + size)])
            position = start + size + 1
        }
        return results
    }

    /// Splits NUL-terminated output into strings.
    static func records(_ data: Data) -> [String] {
        data.split(separator: 0, omittingEmptySubsequences: true).map { String(decoding: $0, as: UTF8.self) }
    }
}
