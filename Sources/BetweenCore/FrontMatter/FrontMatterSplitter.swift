/// Where a file's front matter is, found from its fences alone (nothing is parsed yet).
enum FrontMatterSplit {
    /// The file does not start with a fence: it is all body.
    case none
    /// It starts with a fence that never closes; the body starts at `bodyStart`.
    case unclosed(FrontMatter.Format, bodyStart: Int, bodyLineOffset: Int)
    case block(FrontMatterBlock)
}

/// The front matter's text and where it and the body sit in the file.
struct FrontMatterBlock {
    var format: FrontMatter.Format
    /// YAML and TOML: the lines between the fences. JSON: the object, braces included.
    var content: ArraySlice<UInt8>
    /// File line (1-based) of the content's first byte.
    var firstLine: Int
    /// File column of the content's first byte (only JSON can start after spaces).
    var firstColumn: Int
    /// Byte index where the body starts.
    var bodyStart: Int
    /// File lines before the body.
    var bodyLineOffset: Int
}

/// Finds the fences. Works on bytes already normalised by `FrontMatterText`.
enum FrontMatterSplitter {
    static func split(_ bytes: [UInt8]) -> FrontMatterSplit {
        let firstEnd = lineEnd(bytes, from: 0)
        let firstLine = bytes[0..<firstEnd]
        if isFence(firstLine, "---") {
            return fenced(.yaml, bytes, afterFirstLine: firstEnd, closers: ["---", "..."])
        }
        if isFence(firstLine, "+++") {
            return fenced(.toml, bytes, afterFirstLine: firstEnd, closers: ["+++"])
        }
        if let brace = JSONObjectScanner.objectStart(bytes) {
            return JSONObjectScanner.split(bytes, braceIndex: brace)
        }
        return .none
    }

    /// The index of the LF ending the line that starts at `start`, or `bytes.count`.
    static func lineEnd(_ bytes: [UInt8], from start: Int) -> Int {
        bytes[start...].firstIndex(of: FrontMatterText.lineFeed) ?? bytes.count
    }

    /// A line that is exactly `fence`, trailing spaces or tabs allowed
    /// (so `----`, `--- title` and ` ---` are not fences).
    static func isFence(_ line: ArraySlice<UInt8>, _ fence: String) -> Bool {
        let marker = Array(fence.utf8)
        guard line.count >= marker.count, line.prefix(marker.count).elementsEqual(marker) else { return false }
        return line.dropFirst(marker.count).allSatisfy(FrontMatterText.isSpaceOrTab)
    }

    private static func fenced(_ format: FrontMatter.Format, _ bytes: [UInt8], afterFirstLine firstEnd: Int,
                               closers: [String]) -> FrontMatterSplit {
        // Everything after the opening fence stays readable when no closer turns up.
        let unclosed = FrontMatterSplit.unclosed(format, bodyStart: min(firstEnd + 1, bytes.count), bodyLineOffset: 1)
        var lineStart = firstEnd + 1
        var lineNumber = 2
        while lineStart <= bytes.count {
            let end = lineEnd(bytes, from: lineStart)
            let line = bytes[lineStart..<end]
            if closers.contains(where: { isFence(line, $0) }) {
                return .block(FrontMatterBlock(
                    format: format, content: bytes[(firstEnd + 1)..<lineStart], firstLine: 2, firstColumn: 1,
                    bodyStart: min(end + 1, bytes.count), bodyLineOffset: lineNumber))
            }
            lineStart = end + 1
            lineNumber += 1
        }
        return unclosed
    }
}

/// Byte-level helpers shared by the front-matter readers.
enum FrontMatterText {
    static let lineFeed = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")

    /// The file's UTF-8 without a leading BOM, with CRLF and lone CR turned into LF.
    ///
    /// Replacing a line ending by one LF keeps every line number and every column
    /// before it, so positions found in the normalised text are file positions.
    static func normalised(_ text: String) -> [UInt8] {
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard bytes.firstIndex(ofByte: carriageReturn) != nil else { return bytes }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == carriageReturn {
                result.append(lineFeed)
                if index + 1 < bytes.count, bytes[index + 1] == lineFeed { index += 1 }
            } else {
                result.append(byte)
            }
            index += 1
        }
        return result
    }

    static func string(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    static func isSpaceOrTab(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }

    /// Whether `byte` starts a Unicode scalar (is not a UTF-8 continuation byte):
    /// columns count scalars, as `SourcePosition` does.
    static func startsScalar(_ byte: UInt8) -> Bool {
        byte & 0xC0 != 0x80
    }

    /// The 1-based position of `offset` within `bytes`, counting lines from `firstLine`.
    /// Linear, so only for the odd diagnostic.
    static func position(of offset: Int, in bytes: ArraySlice<UInt8>, firstLine: Int, firstColumn: Int = 1) -> SourcePosition {
        positions(of: [offset], in: bytes, firstLine: firstLine, firstColumn: firstColumn)[0]
    }

    /// The positions of ascending `offsets`, in one pass over `bytes`.
    static func positions(of offsets: [Int], in bytes: ArraySlice<UInt8>, firstLine: Int, firstColumn: Int = 1) -> [SourcePosition] {
        var result: [SourcePosition] = []
        result.reserveCapacity(offsets.count)
        var line = firstLine
        var column = firstColumn
        var index = bytes.startIndex
        for offset in offsets {
            let end = min(bytes.startIndex + max(offset, 0), bytes.endIndex)
            while index < end {
                if bytes[index] == lineFeed {
                    line += 1
                    column = 1
                } else if startsScalar(bytes[index]) {
                    column += 1
                }
                index += 1
            }
            result.append(SourcePosition(line: line, column: column))
        }
        return result
    }
}
