/// Text from notes made safe to print where a terminal or a log reads it.
///
/// A title, question, field value or file name is the writer's text, and it may hold
/// characters that are instructions rather than text: ESC starts a sequence that can
/// retitle the terminal, clear the screen or recolour what follows; a carriage return
/// or a line break lets later text overwrite a line or forge one of its own
/// (`path:1:1: error: …`); U+202E and the other bidi controls make text read in another
/// order than it is stored. Every text form (`list`, `query`, `show`, `search`, `check`,
/// `cope`, `homework`, `trend`, messages on stderr) and the Markdown and HTML digests
/// print such a character as U+FFFD (�), one character for one, so columns and carets
/// still line up; line breaks and tabs inside a one-line value become spaces. JSON keeps
/// the exact text behind its `\u` escapes, and CSV keeps it as it is (see docs/format.md).
public enum TerminalText {
    /// What every control character is printed as.
    public static let replacement: Unicode.Scalar = "\u{FFFD}"

    /// Whether `scalar` is never printed as it is: C0 controls (tab and line feed
    /// included), DEL, C1 controls, the line and paragraph separators, the bidi
    /// controls that reorder text (U+202A–U+202E, U+2066–U+2069) and the noncharacters
    /// U+FFFE and U+FFFF. The marks that right-to-left writing needs (U+200E, U+200F,
    /// U+061C) and the joiners of scripts and emoji (U+200C, U+200D) are kept.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069, 0xFFFE, 0xFFFF: true
        default: false
        }
    }

    /// A value on one line (a title, a question, a field): line breaks (a CRLF is one)
    /// and tabs become spaces, every other control character U+FFFD.
    public static func line(_ text: String) -> String {
        guard !isPlain(text) else { return text }
        return replacing(text) { isBreakOrTab($0) ? " " : replacement }
    }

    /// Text of several lines (a message): line feeds and tabs stay, a CRLF becomes a line
    /// feed, every other control character (a lone CR too) U+FFFD.
    public static func lines(_ text: String) -> String {
        guard !isPlain(text) else { return text }
        return replacing(text) { $0 == "\n" || $0 == "\t" ? $0 : replacement }
    }

    /// `text` with each control character as `shown(it)`; the CR of a CRLF is dropped.
    private static func replacing(_ text: String, _ shown: (Unicode.Scalar) -> Unicode.Scalar) -> String {
        var output = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var next = scalars.next()
        while let scalar = next {
            next = scalars.next()
            if scalar == "\r", next == "\n" { continue }
            output.append(isControl(scalar) ? shown(scalar) : scalar)
        }
        return String(output)
    }

    /// A file's path for a diagnostic or message: as it is, or, when it holds a control
    /// character (a line break, ESC…), in double quotes with each one as U+FFFD, so it
    /// can't start a line of its own or pass for something else.
    public static func path(_ path: String) -> String {
        guard !isPlain(path), path.unicodeScalars.contains(where: isControl) else { return path }
        return "\"" + String(String.UnicodeScalarView(path.unicodeScalars.map { isControl($0) ? replacement : $0 })) + "\""
    }

    /// Printable ASCII only: most text is, and needs no look at its characters.
    private static func isPlain(_ text: String) -> Bool {
        text.utf8.allSatisfy { (0x20...0x7E).contains($0) }
    }

    /// What `Character.isNewline` calls a line break, and tab.
    private static func isBreakOrTab(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\t", "\n", "\u{0B}", "\u{0C}", "\r", "\u{85}", "\u{2028}", "\u{2029}": true
        default: false
        }
    }
}
