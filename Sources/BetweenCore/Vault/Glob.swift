import Glibc

/// `exclude:` patterns of `between.yml`.
///
/// A pattern is matched against a path relative to the vault root with shell
/// rules where `*` and `**` both cross folders (so `drafts/*` and `**/old-*.md` do
/// what people expect); a pattern that matches a folder excludes everything in
/// it (`archive` and `archive/` both exclude `archive/2019/x.md`).
enum Glob {
    static func matches(_ pattern: String, _ path: String) -> Bool {
        var trimmed = pattern
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        while trimmed.hasPrefix("./") { trimmed.removeFirst(2) }
        guard !trimmed.isEmpty else { return false }
        let normalized = trimmed.replacingOccurrences(of: "**", with: "*")
        // The path and each of its parent folders.
        var candidate = Substring(path)
        while true {
            if fnmatch(normalized, String(candidate), 0) == 0 { return true }
            guard let slash = candidate.lastIndex(of: "/") else { return false }
            candidate = candidate[..<slash]
        }
    }
}

private extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
