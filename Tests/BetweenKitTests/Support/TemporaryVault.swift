import Foundation
@testable import BetweenCore
@testable import BetweenKit

/// A vault in a fresh temporary folder, removed when the test is done (`defer { vault.remove() }`).
///
/// It is a real vault, marked as `between init` marks one: it holds a `between.yml` (every
/// setting at its default) unless `files` gives one. `marked: false` makes a plain folder
/// instead, for tests of what Between does outside a vault.
struct TemporaryVault {
    let root: String

    /// What the `between.yml` of a test vault holds when the test doesn't give one.
    static let defaultSettings = "# A test vault: every setting is at its default.\n"

    init(_ files: [String: String] = [:], marked: Bool = true) throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("between-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        // Resolve /tmp links so paths compare equal to what the scanner reports.
        root = FileSystem.realPath(base.path) ?? base.path
        if marked && files["between.yml"] == nil { try write("between.yml", Self.defaultSettings) }
        for (path, text) in files { try write(path, text) }
    }

    /// A copy of the repository's `examples/vault`, for every test that reads it: `between`
    /// writes its index into the vault it reads, and the source tree stays as it is
    /// (`SourceTree`). The copy never holds an index, even if the repository's vault has a
    /// stale one (from `make demo`, or an older test run): every test reads the notes as written.
    static func copyOfExample() throws -> TemporaryVault {
        let copy = try TemporaryVault()
        try FileManager.default.removeItem(atPath: copy.root)
        try FileManager.default.copyItem(atPath: SourceTree.exampleVault, toPath: copy.root)
        try? FileManager.default.removeItem(atPath: copy.root + "/.between")
        return copy
    }

    /// Writes a UTF-8 file, creating folders as needed.
    func write(_ path: String, _ text: String) throws {
        try writeBytes(path, Array(text.utf8))
    }

    /// Writes `header`, then `unit` `count` times, a chunk at a time: a 10 MB note never
    /// sits whole in the test process (whose own peak `CLI.peakMemory` can't tell apart).
    func writeRepeated(_ path: String, header: String = "", _ unit: String, count: Int) throws {
        let url = URL(fileURLWithPath: root + "/" + path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(header.utf8).write(to: url)
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try handle.seekToEnd()
        let perChunk = max(1, 65_536 / max(unit.utf8.count, 1))
        let chunk = Data(String(repeating: unit, count: perChunk).utf8)
        var left = count
        while left > 0 {
            try handle.write(contentsOf: left >= perChunk ? chunk : Data(String(repeating: unit, count: left).utf8))
            left -= perChunk
        }
    }

    func writeBytes(_ path: String, _ bytes: [UInt8]) throws {
        let url = URL(fileURLWithPath: root + "/" + path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    /// Sets every file's modification time `seconds` into the past, as files written
    /// before this session would be. A refresh trusts the stamps of such files; files
    /// modified in the last two seconds are read again by the next refresh.
    func backdate(by seconds: TimeInterval = 3_600) throws {
        let past = Date(timeIntervalSinceNow: -seconds)
        for path in files() {
            try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: root + "/" + path)
        }
    }

    func read(_ path: String) throws -> String {
        try String(contentsOfFile: root + "/" + path, encoding: .utf8)
    }

    /// A digest of every file's path and bytes, to prove nothing was modified.
    func fingerprint() throws -> [String: Data] {
        var result: [String: Data] = [:]
        for path in files() {
            result[path] = FileManager.default.contents(atPath: root + "/" + path) ?? Data()
        }
        return result
    }

    /// The relative paths of the vault's files (not folders), outside `.between/`.
    func files() -> [String] {
        var paths: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let path = enumerator?.nextObject() as? String {
            guard !path.hasPrefix(".between") else { continue }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                paths.append(path)
            }
        }
        return paths
    }

    func load() -> VaultSnapshot {
        Vault(root: root).load()
    }

    /// `remove()` for a vault holding paths longer than the system allows, which only
    /// a walk through descriptors (as `rm` makes) can remove.
    func removeDeep() {
        let remover = Process()
        remover.executableURL = URL(fileURLWithPath: "/bin/rm")
        remover.arguments = ["-rf", root]
        try? remover.run()
        remover.waitUntilExit()
    }

    func remove() {
        // Restore permissions tests may have removed, so cleanup can't fail.
        _ = try? FileManager.default.subpathsOfDirectory(atPath: root).forEach {
            chmod(root + "/" + $0, 0o755)
        }
        try? FileManager.default.removeItem(atPath: root)
    }
}
