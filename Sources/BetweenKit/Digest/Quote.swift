/// Picks a short line of an entry to quote, so the person recognises it at a glance.
enum Quote {
    /// The longest a quote runs before it is cut with an ellipsis.
    static let maximumLength = 140

    /// The first line of body text that isn't the title, preferring the sections
    /// where people say how it went; nil for an empty body.
    static func of(_ entry: Entry, preferring sections: [String] = []) -> String? {
        let wanted = Set(sections.map { $0.lowercased() })
        let ordered = entry.body.sections.filter { wanted.contains($0.heading.lowercased()) }
            + entry.body.sections.filter { !wanted.contains($0.heading.lowercased()) }
        for section in ordered {
            // Section texts are LF-only (the parser normalises line ends); look at one
            // line at a time, since the first fitting line is usually near the top.
            var rest = section.text[...]
            while !rest.isEmpty {
                let end = rest.firstIndex(of: "\n") ?? rest.endIndex
                let text = String(rest[..<end]).trimmingASCIIWhitespace()
                rest = end < rest.endIndex ? rest[rest.index(after: end)...] : rest[rest.endIndex...]
                guard !text.isEmpty, text != entry.title else { continue }
                return shorten(text)
            }
        }
        return nil
    }

    static func shorten(_ text: String) -> String {
        guard text.count > maximumLength else { return text }
        let cut = text.prefix(maximumLength - 1)
        let atWord = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return String(atWord) + "…"
    }
}
