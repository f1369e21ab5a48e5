import BetweenCore

/// Picks a short line of an entry to quote, so the person (and their therapist)
/// recognises it at a glance. Only the person's own words: never the title again, and
/// never a line that came from the entry's template (`TemplateText`).
enum Quote {
    /// The longest a quote runs before it is cut with an ellipsis.
    static let maximumLength = 140

    /// Where people say what happened: the one order every card of the digest quotes from.
    static let whatHappened = ["What happened", "Situation", "Outcome"]
    /// Where people say what helped: wins, and `between cope`.
    static let whatHelped = ["What I learned", "Outcome", "Balanced thought", "What helped"]

    /// The quote of a card: the first line of *What happened*, *Situation* (the section,
    /// else a thought record's `situation:` field) or *Outcome*, in that order; else the
    /// first line of the text before any heading, then of the other sections in order.
    static func of(_ entry: Entry, template: TemplateText) -> String? {
        if let line = first(in: entry, sections: whatHappened, template: template, situationField: true) { return line }
        return first(in: entry, sections: nil, template: template, situationField: false)
    }

    /// The first line of the `sections` named (in that order of preference); with nil,
    /// of every section in the body's order. Nil when there is none.
    static func first(in entry: Entry, sections names: [String]?, template: TemplateText, situationField: Bool = false) -> String? {
        var texts: [String] = []
        if let names {
            for name in names {
                texts += entry.body.sections.filter { $0.heading.lowercased() == name.lowercased() }.map(\.text)
                if situationField, name == "Situation", let field = entry.text("situation") { texts.append(field) }
            }
        } else {
            texts = entry.body.sections.map(\.text)
        }
        for text in texts {
            if let line = firstLine(of: text, where: { $0 != entry.title && !template.contains($0) }) { return shorten(line) }
        }
        return nil
    }

    /// The first non-empty trimmed line of `text` that passes `test`. Section texts are
    /// LF-only (the parser normalises line ends): lines are found on bytes, one at a time,
    /// since the line wanted is usually near the top of a possibly long text.
    static func firstLine(of text: String, where test: (String) -> Bool) -> String? {
        let bytes = text.utf8
        var start = bytes.startIndex
        while start < bytes.endIndex {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
            let line = String(text[start..<end]).trimmingASCIIWhitespace()
            start = end < bytes.endIndex ? bytes.index(after: end) : end
            if !line.isEmpty, test(line) { return line }
        }
        return nil
    }

    static func shorten(_ text: String) -> String {
        // No more bytes than the limit means no more characters either.
        guard text.utf8.count > maximumLength, text.count > maximumLength else { return text }
        let cut = text.prefix(maximumLength - 1)
        let atWord = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return String(atWord) + "…"
    }
}
