/// A position in TOML text, and the lexical rules of TOML 1.0: strings, keys,
/// comments and the shapes of bare values. Used by `TOMLSyntaxCheck`.
struct TOMLCursor {
    /// A saved position to come back to.
    struct Mark {
        fileprivate var index: Int
        fileprivate var line: Int
        fileprivate var lineStart: Int
    }

    private let bytes: [UInt8]
    private var index = 0
    private var line: Int
    private var lineStart = 0

    init(_ content: ArraySlice<UInt8>, firstLine: Int) {
        bytes = Array(content)
        line = firstLine
    }

    var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    var mark: Mark {
        get { Mark(index: index, line: line, lineStart: lineStart) }
        set { (index, line, lineStart) = (newValue.index, newValue.line, newValue.lineStart) }
    }

    /// The file position of the next byte (columns count Unicode scalars).
    var position: SourcePosition { position(at: mark) }

    /// The file position of a saved mark; walks its line, so not for every byte.
    func position(at mark: Mark) -> SourcePosition {
        let column = bytes[mark.lineStart..<min(mark.index, bytes.count)].reduce(1) { $0 + (FrontMatterText.startsScalar($1) ? 1 : 0) }
        return SourcePosition(line: mark.line, column: column)
    }

    func problem(_ message: String) -> TOMLSyntaxCheck.Problem {
        TOMLSyntaxCheck.Problem(message: "front matter is not valid TOML: \(message)", position: position)
    }

    mutating func advance(_ count: Int = 1) { index += count }

    mutating func take(_ byte: UInt8) -> Bool {
        guard peek == byte else { return false }
        index += 1
        return true
    }

    func starts(with text: String) -> Bool {
        bytes[min(index, bytes.count)...].starts(with: text.utf8)
    }

    mutating func consumeLineFeed() {
        index += 1
        line += 1
        lineStart = index
    }

    mutating func skipBlanks() {
        while let byte = peek, FrontMatterText.isSpaceOrTab(byte) { index += 1 }
    }

    /// `# ...` up to the end of the line.
    mutating func comment() throws(TOMLSyntaxCheck.Problem) {
        while let byte = peek, byte != FrontMatterText.lineFeed {
            if Self.isControl(byte) { throw problem("a comment contains a control character") }
            index += 1
        }
    }

    /// Blanks, line breaks and comments, as allowed between the items of an array.
    mutating func skipArraySpace() throws(TOMLSyntaxCheck.Problem) {
        while let byte = peek {
            if FrontMatterText.isSpaceOrTab(byte) { index += 1 }
            else if byte == FrontMatterText.lineFeed { consumeLineFeed() }
            else if byte == UInt8(ascii: "#") { try comment() }
            else { return }
        }
    }

    /// A bare or quoted key; returns its name when that is simply its text.
    mutating func simpleKey() throws(TOMLSyntaxCheck.Problem) -> String? {
        let start = index
        if peek == UInt8(ascii: "\"") || peek == UInt8(ascii: "'") {
            if starts(with: "\"\"\"") || starts(with: "'''") { throw problem("a key cannot be a multi-line string") }
            try string(allowMultiline: false)
            let inner = bytes[(start + 1)..<(index - 1)]
            return inner.contains(UInt8(ascii: "\\")) ? nil : FrontMatterText.string(inner)
        }
        while let byte = peek, ASCII.isNameByte(byte) { index += 1 }
        guard index > start else {
            throw problem("expected a key: letters, digits, '-' and '_', or a name in quotes")
        }
        return FrontMatterText.string(bytes[start..<index])
    }

    /// A basic (`"`) or literal (`'`) string, single- or multi-line.
    mutating func string(allowMultiline: Bool) throws(TOMLSyntaxCheck.Problem) {
        let quote = bytes[index]
        let isBasic = quote == UInt8(ascii: "\"")
        let multiline = allowMultiline && starts(with: isBasic ? "\"\"\"" : "'''")
        index += multiline ? 3 : 1
        while let byte = peek {
            if byte == quote {
                guard multiline else {
                    index += 1
                    return
                }
                var run = 0
                while peek == quote { index += 1; run += 1 }
                if run >= 3 {
                    // `""""` ends with a quote in the text; six or more is not TOML.
                    guard run <= 5 else { throw problem("too many quotes in a row at the end of a multi-line string") }
                    return
                }
                continue
            }
            if byte == FrontMatterText.lineFeed {
                guard multiline else { throw problem("a quoted text is not closed on its line; add the closing quote") }
                consumeLineFeed()
            } else if byte == UInt8(ascii: "\\"), isBasic {
                try escape(multiline: multiline)
            } else if Self.isControl(byte) {
                throw problem("a quoted text contains a control character")
            } else {
                index += 1
            }
        }
        throw problem("a quoted text is never closed; add the closing quote")
    }

    private mutating func escape(multiline: Bool) throws(TOMLSyntaxCheck.Problem) {
        index += 1
        guard let code = peek else { return }
        switch code {
        case UInt8(ascii: "b"), UInt8(ascii: "t"), UInt8(ascii: "n"), UInt8(ascii: "f"), UInt8(ascii: "r"),
             UInt8(ascii: "\""), UInt8(ascii: "\\"):
            index += 1
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            let count = code == UInt8(ascii: "u") ? 4 : 8
            let digits = bytes[(index + 1)..<min(index + 1 + count, bytes.count)]
            guard digits.count == count, digits.allSatisfy(TOMLValueSyntax.isHexDigit),
                  let value = UInt32(FrontMatterText.string(digits), radix: 16),
                  Unicode.Scalar(value) != nil else {
                throw problem("'\\\(Character(Unicode.Scalar(code)))' must be followed by \(count) hex digits of a Unicode character")
            }
            // toml++ hands text back as C strings: a NUL would silently cut the rest off.
            guard value != 0 else { throw problem("'\\\(Character(Unicode.Scalar(code)))' escapes a NUL character, which can't be kept in a text; remove it") }
            index += 1 + count
        case FrontMatterText.lineFeed where multiline, UInt8(ascii: " ") where multiline, UInt8(ascii: "\t") where multiline:
            // A line-ending backslash: only blanks may follow it on its line.
            skipBlanks()
            guard peek == FrontMatterText.lineFeed else { throw problem("unknown escape '\\ ' in a quoted text") }
            while let byte = peek, FrontMatterText.isSpaceOrTab(byte) || byte == FrontMatterText.lineFeed {
                if byte == FrontMatterText.lineFeed { consumeLineFeed() } else { index += 1 }
            }
        default:
            throw problem("unknown escape in a quoted text; write \\\\ for a backslash, or use 'single quotes'")
        }
    }

    /// A boolean, number, date or time: checked against TOML's exact forms.
    mutating func bareValue() throws(TOMLSyntaxCheck.Problem) {
        let start = index
        while let byte = peek, Self.isBareValueByte(byte) {
            index += 1
            // `1979-05-27 07:32:00`: a date and a time may be separated by one space.
            if index - start == 10, peek == UInt8(ascii: " "), index + 1 < bytes.count,
               (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index + 1]),
               TOMLValueSyntax.isValid(bytes[start..<index]) {
                index += 1
            }
        }
        let token = bytes[start..<index]
        guard !token.isEmpty, TOMLValueSyntax.isValid(token) else {
            index = start
            throw problem("this is not a TOML value; text needs quotes in TOML, e.g. title = \"Evening walk\"")
        }
    }

    /// Control characters other than tab (line feeds are handled by the callers).
    static func isControl(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != UInt8(ascii: "\t")) || byte == 0x7F
    }

    private static func isBareValueByte(_ byte: UInt8) -> Bool {
        ASCII.isNameByte(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":")
    }
}
