/// Fetches lines of vault files for diagnostics' source excerpts, reading each file once.
public final class SourceLines {
    private let root: String
    private var cache: [String: [Substring]] = [:]

    public init(root: String) {
        self.root = root
    }

    /// Line `number` (1-based) of the file at `path` (relative to the root), without its line break.
    public func line(_ path: String, _ number: Int) -> String? {
        if cache[path] == nil {
            guard case .success(let bytes) = FileSystem.read(root + "/" + path, limit: SourceDecoder.sizeLimit),
                  case .success(let text) = SourceDecoder.decode(bytes, path: path) else { return nil }
            cache[path] = text.split(separator: "\n", omittingEmptySubsequences: false)
        }
        guard let lines = cache[path], number >= 1, number <= lines.count else { return nil }
        var line = lines[number - 1]
        if line.hasSuffix("\r") { line = line.dropLast() }
        if number == 1, line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
        return String(line)
    }
}
