import Foundation
import Testing

/// Compares output with a reviewed file in `Tests/BetweenKitTests/Goldens/`.
/// Run with `BETWEEN_RECORD_GOLDENS=1` to write the files afresh, then review the diff.
enum GoldenFile {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Goldens")

    static func check(_ actual: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["BETWEEN_RECORD_GOLDENS"] == "1" {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        if actual != expected {
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let first = Array(zip(actualLines, expectedLines)).firstIndex { $0 != $1 } ?? min(actualLines.count, expectedLines.count)
            Issue.record("\(name) differs from line \(first + 1): got «\(first < actualLines.count ? actualLines[first] : "<end>")», expected «\(first < expectedLines.count ? expectedLines[first] : "<end>")». Re-record with BETWEEN_RECORD_GOLDENS=1 if the change is intended.",
                         sourceLocation: sourceLocation)
        }
    }
}
