import BetweenCore

/// A problem with a query or a `--sort` list, at a column of its text.
///
/// Also used for the one problem found when compiling (`last-session` with no
/// session yet) and for unknown fields under `--strict`, so every query problem
/// renders the same way.
public struct QuerySyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, in plain words ("expected a value after '>='").
    public var message: String
    /// Where, 1-based, counted in characters of the query text; one past the end
    /// when something is missing at the end.
    public var column: Int
    /// How to fix it, with an example, when there is something useful to say.
    public var hint: String?

    public init(message: String, column: Int, hint: String? = nil) {
        self.message = message
        self.column = column
        self.hint = hint
    }

    public var description: String { message }

    /// The error as the command line prints it: the message, the query with a caret
    /// under the column, then the hint. Ends with a newline.
    ///
    /// ```
    /// between: error: expected a value after '>='
    ///   type = mood and distress >=
    ///                              ^
    /// hint: compare with a number or a date, e.g. distress >= 70
    /// ```
    public func render(query: String, color: Bool = false) -> String {
        let label = color ? "\u{1B}[1;31merror\u{1B}[0m" : "error"
        var output = "between: \(label): \(TerminalText.line(message))\n"
        // One line, a character for a character so the caret lines up: tabs and line
        // breaks as spaces, other control characters as U+FFFD (`TerminalText`).
        let shown = query.map { character -> Character in
            if character == "\t" || character.isNewline { return " " }
            return character.unicodeScalars.contains(where: TerminalText.isControl) ? Character(TerminalText.replacement) : character
        }
        let caret = min(max(column - 1, 0), shown.count)
        // A long query (pasted, generated) is cut to a window around the column.
        let start = shown.count > Self.shownWidth ? max(0, min(caret - Self.shownWidth / 2, shown.count - Self.shownWidth)) : 0
        let end = min(shown.count, start + Self.shownWidth)
        let before = start > 0 ? "…" : ""
        output += "  " + before + String(shown[start..<end]) + (end < shown.count ? "…" : "") + "\n"
        output += "  " + String(repeating: " ", count: before.count + caret - start) + (color ? "\u{1B}[1;32m^\u{1B}[0m" : "^") + "\n"
        if let hint { output += "hint: \(TerminalText.line(hint))\n" }
        return output
    }

    /// The most characters of the query `render` shows; a longer query is cut around
    /// the column, with "…" where it was cut.
    static let shownWidth = 100
}
