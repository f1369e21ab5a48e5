/// `between show`'s plain-text view of one entry. Everything the note wrote is shown
/// one value to a line, its control characters as `TerminalText` says.
public enum EntryText {
    public static func render(_ entry: Entry) -> String {
        let line = TerminalText.line
        var out = "\(line(entry.title))\n"
        out += "\(entry.type.rawValue) · \(TerminalText.path(entry.path))"
        if let date = entry.date { out += " · \(date.isoText.replacingAll(UInt8(ascii: "T"), with: " "))" }
        if entry.isPrivate { out += " · private" }
        out += "\n"
        if !entry.fields.isEmpty {
            out += "\nFields\n"
            for pair in entry.fields {
                out += "  \(line(pair.key)): \(line(inline(pair.value)))\n"
            }
        }
        let sections = entry.body.sections.filter { !$0.heading.isEmpty }
        if !sections.isEmpty {
            out += "\nSections\n"
            for section in sections {
                out += "  \(String(repeating: "#", count: section.level)) \(line(section.heading)) (line \(section.position.line), \(words(section.text)) words)\n"
            }
        }
        if !entry.body.questions.isEmpty {
            out += "\nQuestions\n"
            for question in entry.body.questions { out += "  ? \(line(question.text)) (line \(question.position.line))\n" }
        }
        if !entry.body.tasks.isEmpty {
            out += "\nTasks\n"
            for task in entry.body.tasks { out += "  [\(task.done ? "x" : " ")] \(line(task.text)) (line \(task.position.line))\n" }
        }
        if !entry.body.links.isEmpty {
            out += "\nLinks\n"
            for link in entry.body.links { out += "  \(line(link.text.isEmpty ? link.destination : "\(link.text) → \(link.destination)"))\n" }
        }
        out += "\n\(entry.body.wordCount) words\n"
        if !entry.diagnostics.isEmpty {
            out += "\nProblems\n"
            for diagnostic in entry.diagnostics { out += "  \(diagnostic.summary)\n" }
        }
        return out
    }

    /// A value on one line: lists as `[a, b]`, maps as `{k: v}`.
    static func inline(_ value: FieldValue) -> String {
        switch value {
        case .null: ""
        case .list(let items): "[" + items.map(inline).joined(separator: ", ") + "]"
        case .map(let pairs): "{" + pairs.map { "\($0.key): \(inline($0.value))" }.joined(separator: ", ") + "}"
        case .date(let date): date.text
        default: value.text ?? ""
        }
    }

    private static func words(_ text: String) -> Int {
        text.split(whereSeparator: { $0.isWhitespace }).count
    }
}
