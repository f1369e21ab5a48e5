/// Picks a short line of an entry to quote, so the person recognises it at a glance.
enum Quote {
    /// The longest a quote runs before it is cut with an ellipsis.
    static let maximumLength = 140

    /// The first line of body text that isn't the title, preferring the sections
    /// where people say how it went; nil for an empty body.
    static func of(_ entry: Entry, preferring sections: [String] = []) -> String? {
        let wanted = Set(sections.map { $0.lowercased() })
        var ordered = entry.body.sections
        if !wanted.isEmpty {
            // The wanted sections first; each group keeps the body's order.
            ordered = ordered.filter { wanted.contains($0.heading.lowercased()) }
                + ordered.filter { !wanted.contains($0.heading.lowercased()) }
        }
        for section in ordered {
            // Section texts are LF-only (the parser normalises line ends), and a line
            // feed is always a character of its own: look at one line at a time, found
            // on bytes, since the first fitting line is usually near the top.
            let bytes = section.text.utf8
            var start = bytes.startIndex
            while start < bytes.endIndex {
                let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
                let text = String(section.text[start..<end]).trimmingASCIIWhitespace()
                start = end < bytes.endIndex ? bytes.index(after: end) : end
                guard !text.isEmpty, text != entry.title else { continue }
                return shorten(text)
            }
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
