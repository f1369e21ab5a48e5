import Foundation
import Testing

/// Compares output with a reviewed file in `Tests/BetweenKitTests/Goldens/`.
///
/// To record them afresh after a change meant to alter the output, run the tests that
/// check them with `BETWEEN_RECORD_GOLDENS=1`, then review the diff as you would code:
///
///     swift build --build-tests
///     BETWEEN_RECORD_GOLDENS=1 swift test --skip-build --filter 'CLITests|CopeTests|DigestCLITests'
///     git diff Tests/BetweenKitTests/Goldens
///
/// The files are written in place, in the source tree (the only files a test run writes
/// there, and only when asked); the output itself comes from a fresh copy of the
/// example vault (`TemporaryVault.copyOfExample()`), so no index cache can stand in for the notes.
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
