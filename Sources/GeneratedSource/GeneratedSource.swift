// What the build plugins' tools share: stopping the build with a message, and writing
// the Swift source they generate.
import Foundation

/// A Swift source file made by a build tool.
public enum GeneratedSource {
    /// Prints `tool: error: message` on stderr and exits 1, which stops the build there.
    public static func fail(_ tool: String, _ message: String) -> Never {
        FileHandle.standardError.write(Data("\(tool): error: \(message)\n".utf8))
        exit(1)
    }

    /// Writes `source` to `path`, only when it differs from what is there: an unchanged
    /// result never forces the target that compiles it to build again.
    public static func write(_ source: String, to path: String, tool: String) {
        let url = URL(fileURLWithPath: path)
        if let existing = try? Data(contentsOf: url), existing == Data(source.utf8) { return }
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(source.utf8).write(to: url, options: .atomic)
        } catch {
            fail(tool, "can't write \(path): \(error.localizedDescription)")
        }
    }
}
