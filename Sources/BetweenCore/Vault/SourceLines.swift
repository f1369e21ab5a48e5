/// Fetches lines of vault files for diagnostics' source excerpts.
///
/// Diagnostics are printed sorted by path, then line, so only the file asked for last
/// is kept (its bytes), and each line is found by walking on from the one asked for
/// before. Keeping every file's lines instead cost some 80 bytes a line: half a GB for
/// six 10 MB notes of short lines, and without bound for a vault where every note has a warning.
public final class SourceLines {
    /// The bytes of the file at a path, when it is text Between reads.
    private let source: (String) -> [UInt8]?
    private var path: String?
    /// The bytes of the file at `path`, nil when it can't be read as text.
    private var bytes: [UInt8]?
    /// A line start in `bytes` found before: the next lookup walks on from it.
    private var cursor = (line: 1, offset: 0)
    /// Lines kept by number instead of whole texts (`init(lines:)`).
    private let kept: [String: [Int: String]]?

    /// Lines of the files of the vault at `root`, as they are on disk.
    public init(root: String) {
        source = { path in Self.text(at: root + "/" + path, shownAs: path) }
        kept = nil
    }

    /// Lines of texts given by path.
    public init(texts: [String: [UInt8]]) {
        source = { texts[$0] }
        kept = nil
    }

    /// Only the lines given, by path and line number (`check --staged`: the lines of the
    /// staged texts its diagnostics point at, not the texts).
    public init(lines: [String: [Int: String]]) {
        source = { _ in nil }
        kept = lines
    }

    /// Line `number` (1-based) of the file at `path` (relative to the root), without its line break.
    public func line(_ path: String, _ number: Int) -> String? {
        if let kept { return kept[path]?[number] }
        if path != self.path {
            self.path = path
            bytes = source(path)
            cursor = (1, 0)
        }
        guard let bytes, number >= 1 else { return nil }
        if number < cursor.line { cursor = (1, 0) }
        return bytes.withUnsafeBufferPointer { buffer -> String? in
            while cursor.line < number {
                guard let newline = UnsafeBufferPointer(rebasing: buffer[cursor.offset...]).firstIndex(ofByte: 0x0A) else {
                    return nil
                }
                cursor = (cursor.line + 1, cursor.offset + newline + 1)
            }
            let rest = UnsafeBufferPointer(rebasing: buffer[cursor.offset...])
            var line = String(decoding: UnsafeBufferPointer(rebasing: rest[..<(rest.firstIndex(ofByte: 0x0A) ?? rest.count)]),
                              as: UTF8.self)
            if line.hasSuffix("\r") { line.removeLast() }
            if number == 1, line.hasPrefix("\u{FEFF}") { line.removeFirst() }
            return line
        }
    }

    /// The file's bytes when it is text Between reads (as `VaultReader` decides).
    private static func text(at absolute: String, shownAs path: String) -> [UInt8]? {
        guard case .bytes(let bytes) = SourceContent(atPath: absolute),
              case .success = SourceDecoder.decode(bytes, path: path) else { return nil }
        return bytes
    }
}
