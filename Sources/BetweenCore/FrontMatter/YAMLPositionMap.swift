/// Turns libyaml's positions (1-based line and column within the YAML text, as
/// Yams' `Mark` reports them) into file positions.
///
/// Usually that is just "add the fence line". But libyaml also counts NEL (U+0085),
/// LINE SEPARATOR (U+2028) and PARAGRAPH SEPARATOR (U+2029) as line breaks, which
/// the file's lines (and cmark) do not; when the YAML holds one, a table maps each
/// libyaml line to the file line and column it starts at.
struct YAMLPositionMap: Sendable {
    private let firstLine: Int
    /// Per libyaml line: the file line it is on and how many columns precede it there.
    private let lineStarts: [LineStart]?

    private struct LineStart: Sendable {
        var line: Int
        var columnOffset: Int
    }

    init(_ bytes: ArraySlice<UInt8>, firstLine: Int) {
        self.firstLine = firstLine
        lineStarts = Self.hasUnicodeBreak(bytes) ? Self.lineStarts(bytes, firstLine: firstLine) : nil
    }

    /// The file position of libyaml's 1-based `line` and `column`.
    func position(line: Int, column: Int) -> SourcePosition {
        if let lineStarts, line >= 1, line <= lineStarts.count {
            let start = lineStarts[line - 1]
            return SourcePosition(line: start.line, column: start.columnOffset + column)
        }
        return SourcePosition(line: firstLine + line - 1, column: column)
    }

    /// The file position of a line counted by line feeds only (not libyaml's way).
    func position(lineFeedLine line: Int, column: Int) -> SourcePosition {
        SourcePosition(line: firstLine + line - 1, column: column)
    }

    private static func hasUnicodeBreak(_ bytes: ArraySlice<UInt8>) -> Bool {
        var index = bytes.startIndex
        while let lead = bytes[index...].firstIndex(where: { $0 == 0xC2 || $0 == 0xE2 }) {
            if unicodeBreakLength(bytes, at: lead) > 0 { return true }
            index = lead + 1
        }
        return false
    }

    /// 2 for NEL, 3 for LS or PS, 0 for anything else.
    private static func unicodeBreakLength(_ bytes: ArraySlice<UInt8>, at index: Int) -> Int {
        if bytes[index] == 0xC2, index + 1 < bytes.endIndex, bytes[index + 1] == 0x85 { return 2 }
        if bytes[index] == 0xE2, index + 2 < bytes.endIndex, bytes[index + 1] == 0x80,
           bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 { return 3 }
        return 0
    }

    private static func lineStarts(_ bytes: ArraySlice<UInt8>, firstLine: Int) -> [LineStart] {
        var starts = [LineStart(line: firstLine, columnOffset: 0)]
        var line = firstLine
        var column = 1
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == FrontMatterText.lineFeed {
                line += 1
                column = 1
                starts.append(LineStart(line: line, columnOffset: 0))
                index += 1
            } else if case let width = unicodeBreakLength(bytes, at: index), width > 0 {
                // The break itself sits at `column`; libyaml's column 1 is the one after it.
                starts.append(LineStart(line: line, columnOffset: column))
                column += 1
                index += width
            } else {
                if FrontMatterText.startsScalar(byte) { column += 1 }
                index += 1
            }
        }
        return starts
    }
}
