/// The lines git writes into a file when a merge stops on a conflict:
///
/// ```
/// <<<<<<< HEAD
/// mood: 4
/// =======
/// mood: 6
/// >>>>>>> phone
/// ```
///
/// In front matter they make the YAML (or TOML, or JSON) unreadable, or worse, read
/// as something else (`mood: 4 <<<<<<< HEAD` is valid YAML); a parser's message about
/// them would send the person looking for the wrong mistake. So they are looked for
/// first, and get a message of their own.
enum ConflictMarkers {
    static let message = "this file has unresolved git conflict markers (<<<<<<<, =======, >>>>>>>) from a merge that "
        + "stopped halfway; keep the version you want, delete the other one and the marker lines, and save. "
        + "Until then Between can't read this note's front matter"

    /// Whether `line` (without its line feed) is a marker line: seven `<`, `>` or `|`,
    /// then the end of the line or a blank and a label; or exactly seven `=`.
    static func isMarker(_ line: ArraySlice<UInt8>) -> Bool {
        guard line.count >= 7, let first = line.first else { return false }
        let run = line.prefix(7)
        guard run.allSatisfy({ $0 == first }) else { return false }
        let rest = line.dropFirst(7)
        switch first {
        case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "|"):
            return rest.first.map(FrontMatterText.isSpaceOrTab) ?? true
        case UInt8(ascii: "="):
            return rest.allSatisfy(FrontMatterText.isSpaceOrTab)
        default:
            return false
        }
    }

    /// The offset (from `bytes.startIndex`) of the first marker line, when `bytes` holds
    /// a `<<<<<<<` or `>>>>>>>` line (a lone `=======` can be a Markdown heading's underline).
    static func firstMarker(in bytes: ArraySlice<UInt8>) -> Int? {
        var first: Int?
        var lineStart = bytes.startIndex
        while lineStart < bytes.endIndex {
            let lineEnd = bytes[lineStart...].firstIndex(of: FrontMatterText.lineFeed) ?? bytes.endIndex
            let line = bytes[lineStart..<lineEnd]
            if isMarker(line) {
                if first == nil { first = lineStart - bytes.startIndex }
                if line.first == UInt8(ascii: "<") || line.first == UInt8(ascii: ">") { return first }
            }
            lineStart = lineEnd + 1
        }
        return nil
    }
}
