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
    private static let alwaysEscaped: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "$"]

    static func escape(_ text: String) -> String {
        let flat = flatten(text)
        var output = ""
        output.reserveCapacity(flat.utf8.count + 8)
        var index = flat.startIndex
        while index < flat.endIndex {
            let character = flat[index]
            let next = flat.index(after: index)
            if alwaysEscaped.contains(character) {
                output += "\\"
            } else if character == "&", next < flat.endIndex,
                      flat[next] == "#" || flat[next].isASCII && (flat[next].isLetter || flat[next].isNumber) {
                output += "\\"
            }
            output.append(character)
            index = next
        }
        return escapeLineStart(output)
    }

    /// Runs of spaces, tabs and line breaks become one space;
    /// control characters become U+FFFD; the ends are trimmed.
    private static func flatten(_ text: String) -> String {
        var output = ""
        var pendingSpace = false
        for character in text {
            if character.isNewline || character == "\t" || character == " " {
                pendingSpace = true
                continue
            }
            if pendingSpace, !output.isEmpty { output += " " }
            pendingSpace = false
            if character.unicodeScalars.contains(where: ControlCharacters.isForbidden) {
                output += "\u{FFFD}"
            } else {
                output.append(character)
            }
        }
        return output
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
