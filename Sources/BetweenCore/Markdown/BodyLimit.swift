/// How much Markdown Between gives libcmark, and what it keeps of a body with more.
///
/// cmark builds its whole tree before Between walks it, and the tree's size follows
/// the body's markup, not its length: a megabyte of `*a* ` or `- [ ] t` lines or `[`
/// brackets costs about 200 MB inside cmark, a megabyte of plain prose 3 MB. What
/// costs is lines and the characters that can start a node: each takes at most about
/// 400 bytes of cmark's memory (measured over many shapes; `_a_ ` is the worst). A body
/// with more than `markupLimit` of them is not parsed as Markdown: its text is kept as
/// written (searchable, its words counted) and a warning says what is left out. A
/// novel's worth of prose has fewer, so ordinary notes (and long ones) are never affected.
enum BodyLimit {
    /// The most lines and markup characters (see `markup(in:)`) read as Markdown in one body.
    static let markupLimit = 262_144

    /// Line breaks and the characters that can start a Markdown node: `* _ [ ] ! < > \ & `` ` ``
    /// (inlines), `- + # . )` (list items, headings, ordered lists), counted anywhere.
    /// Counted only for a body longer than `markupLimit` bytes: a shorter one can't have more.
    static func markup(in markdown: String) -> Int {
        let count = markdown.utf8.count
        guard count > markupLimit else { return count }
        return markdown.utf8.withContiguousStorageIfAvailable(countMarkup) ?? countMarkup(Array(markdown.utf8))
    }

    /// Whether a body is read as text only.
    static func isTooMuch(_ markup: Int) -> Bool {
        markup > markupLimit
    }

    /// A body read as text only: one lead section holding the text as written (trimmed),
    /// and its words; no headings, questions, tasks or links.
    static func textOnly(_ markdown: String, lineOffset: Int) -> Body {
        let text = MarkdownText.trimmed(markdown)
        guard !text.isEmpty else { return .empty }
        let sections = [Section(heading: "", level: 0, text: text, position: SourcePosition(line: lineOffset + 1, column: 1))]
        // `Section.joined` of one lead section is its text: the same string, not a copy.
        return Body(sections: sections, wordCount: MarkdownText.wordCount(text), plainText: text)
    }

    /// The warning for a body that is read as text only, at its first line; nil for others.
    static func warning(for markdown: String, path: String, lineOffset: Int) -> Diagnostic? {
        let markup = markup(in: markdown)
        guard isTooMuch(markup) else { return nil }
        return .warning("""
            this note has more Markdown than Between reads in one note (\(grouped(markup)) lines and marks such as \
            `*`, `[`, `-` or `>`; at most \(grouped(markupLimit))), so Between reads its front matter and its text \
            (for search and the word count), but not its headings, questions, tasks or links. Split it into \
            smaller notes to have those read
            """, in: path, at: SourcePosition(line: lineOffset + 1, column: 1))
    }

    /// "280,003": digits in threes, for reading.
    private static func grouped(_ number: Int) -> String {
        var digits = String(number)
        var index = digits.endIndex
        while digits.distance(from: digits.startIndex, to: index) > 3 {
            index = digits.index(index, offsetBy: -3)
            digits.insert(",", at: index)
        }
        return digits
    }

    private static func countMarkup(_ bytes: some Collection<UInt8>) -> Int {
        var count = 0
        for byte in bytes where byte < 128 {
            count &+= Int(truncatingIfNeeded: (byte < 64 ? lowMarks >> byte : highMarks >> (byte - 64)) & 1)
        }
        return count
    }

    /// Bytes 0–63 that count, as a bit set: `\n \r ! # & ) * + - . < >`.
    private static let lowMarks: UInt64 = [0x0A, 0x0D, 0x21, 0x23, 0x26, 0x29, 0x2A, 0x2B, 0x2D, 0x2E, 0x3C, 0x3E]
        .reduce(0) { $0 | 1 << $1 }
    /// Bytes 64–127 that count, as a bit set: `[ \ ] _ `` ` ``.
    private static let highMarks: UInt64 = [0x5B, 0x5C, 0x5D, 0x5F, 0x60].reduce(0) { $0 | 1 << ($1 - 64) }
}
