import BetweenCore

/// Escapes a value so that it reads as plain text in any Markdown renderer
/// (CommonMark, GitHub, Markdown.pl, Obsidian…), yet stays readable in a terminal.
///
/// A value is always inline text: runs of spaces, tabs and line breaks become one space (so a value can't
/// start a heading, list or table row of its own), surrounding whitespace is trimmed (so
/// it can't become an indented code block), and control characters become `�`.
/// Backslash escapes (valid before any ASCII punctuation in CommonMark) then defuse:
/// - anywhere: `\` `` ` `` `*` `_` `[` `]` `<` `>` `|` `~` `$` — emphasis, code, links and
///   images, raw HTML and autolinks, blockquotes, table cells, strikethrough, maths;
/// - `&` before a letter, digit or `#`, so `&amp;` or `&#60;` is not read as a character reference;
/// - at the start of the value, which may be the start of a line: `#` (heading), and `-`,
///   `+`, `=` or `1.`/`1)` when they would start a list item, a rule or an underline.
/// Ordinary sentences keep their apostrophes, quotes, dashes, full stops and brackets.
enum MarkdownEscaping {
    // Both passes work on Unicode scalars, not Characters, and write UTF-8 bytes: every
    // mark they look for is a single ASCII scalar, and scalars are much cheaper to walk
    // than grapheme clusters (a digest of years of entries escapes megabytes of text).

    static func escape(_ text: String) -> String {
        let flat = flatten(text)
        var output: [UInt8] = []
        output.reserveCapacity(flat.count + 8)
        for (index, byte) in flat.enumerated() {
            if isAlwaysEscaped(byte) {
                output.append(UInt8(ascii: "\\"))
            } else if byte == UInt8(ascii: "&"), index + 1 < flat.count,
                      case let next = flat[index + 1], next == UInt8(ascii: "#") || isASCIILetterOrDigit(next) {
                output.append(UInt8(ascii: "\\"))
            }
            output.append(byte)
        }
        let escaped = String(decoding: output, as: UTF8.self)
        // Only these can start block syntax; most values start with none of them.
        switch output.first ?? 0 {
        case UInt8(ascii: "#"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "="), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return escapeLineStart(escaped)
        default:
            return escaped
        }
    }

    /// `\` `` ` `` `*` `_` `[` `]` `<` `>` `|` `~` `$`: escaped wherever they are.
    private static func isAlwaysEscaped(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["), UInt8(ascii: "]"),
             UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "|"), UInt8(ascii: "~"), UInt8(ascii: "$"): true
        default: false
        }
    }

    /// Runs of spaces, tabs and line breaks become one space;
    /// control characters become U+FFFD; the ends are trimmed. Returns UTF-8.
    private static func flatten(_ text: String) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if isLineBreakOrSpace(scalar) {
                pendingSpace = true
                continue
            }
            if pendingSpace, !output.isEmpty { output.append(UInt8(ascii: " ")) }
            pendingSpace = false
            UTF8.encode(ControlCharacters.isForbidden(scalar) ? TerminalText.replacement : scalar) { output.append($0) }
        }
        return output
    }

    private static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// What `Character.isNewline` calls a line break, plus space and tab.
    private static func isLineBreakOrSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case " ", "\t", "\n", "\u{0B}", "\u{0C}", "\r", "\u{85}", "\u{2028}", "\u{2029}": true
        default: false
        }
    }

    /// Block syntax a line could start with (the value may be at the start of a line).
    private static func escapeLineStart(_ text: String) -> String {
        guard let first = text.first else { return text }
        let rest = text.dropFirst()
        let endsMarker = rest.first.map { $0 == " " } ?? true
        switch first {
        case "#":
            return "\\" + text
        case "-", "+", "=":
            // "- item", "+ item", and rules/underlines ("---", "===", "- - -"); "-5" or "+3" stay as they are.
            let onlyMarks = text.allSatisfy { $0 == first || $0 == " " }
            return endsMarker || onlyMarks ? "\\" + text : text
        default:
            // "12. item" or "3) item": escape the dot or bracket.
            let digits = text.prefix { $0.isASCII && $0.isNumber }
            guard (1...9).contains(digits.count) else { return text }
            let afterDigits = text.dropFirst(digits.count)
            guard let mark = afterDigits.first, mark == "." || mark == ")" else { return text }
            let following = afterDigits.dropFirst().first
            guard following == nil || following == " " else { return text }
            return String(digits) + "\\" + afterDigits
        }
    }
}
