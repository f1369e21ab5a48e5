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
        guard !objects.isEmpty else { return [:] }
        let unique = Array(Set(objects)).sorted()
        let request = Data(unique.joined(separator: "\n").appending("\n").utf8)
        var sizes: [String: Int] = [:]
        for line in String(decoding: try git.check(["cat-file", "--batch-check"], input: request), as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: " ")
            if parts.count == 3, let size = Int(parts[2]) { sizes[String(parts[0])] = size }
        }
        var results: [String: Blob] = [:]
        var small: [String] = []
        for object in unique {
            guard let size = sizes[object] else { continue }
            if size > limit { results[object] = .tooLarge(size: size) } else { small.append(object) }
        }
        guard !small.isEmpty else { return results }
        let batch = try git.check(["cat-file", "--batch"], input: Data(small.joined(separator: "\n").appending("\n").utf8))
        // Each object: "OBJECT TYPE SIZE\n" then SIZE bytes, then "\n".
        let bytes = [UInt8](batch)
        var position = 0
        while position < bytes.count {
            guard let newline = bytes[position...].firstIndex(of: 0x0A) else { break }
            let header = String(decoding: bytes[position..<newline], as: UTF8.self).split(separator: " ")
            let start = newline + 1
            guard header.count == 3, let size = Int(header[2]), start + size <= bytes.count else { break }
            results[String(header[0])] = .bytes(Array(bytes[start..<(start + size)]))
            position = start + size + 1
        }
        return results
    }

    /// Splits NUL-terminated output into strings.
    static func records(_ data: Data) -> [String] {
        data.split(separator: 0, omittingEmptySubsequences: true).map { String(decoding: $0, as: UTF8.self) }
    }
}
