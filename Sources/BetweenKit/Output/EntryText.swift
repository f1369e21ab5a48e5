import BetweenCore

/// `between show`'s plain-text view of one entry: what it is, its fields, a
/// questionnaire's score, the note's text, what was read from the body, and its problems.
/// Everything the note wrote is shown one value to a line, its control characters as
/// `TerminalText` says.
public enum EntryText {
    /// `crisisLine`: the vault's, shown beside a PHQ-9 question 9 answered above 0.
    /// `lines`: the file's lines, to show each problem's line with a caret under the spot.
    public static func render(_ entry: Entry, crisisLine: String? = nil, lines: DiagnosticRenderer.LineSource? = nil) -> String {
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
        if let measure = MeasureSummary(entry, crisisLine: crisisLine) {
            out += "\nScore\n  \(measure.scoreText)\n"
            if let note = measure.safetyNote { out += "  \(line(note))\n" }
        }
        let text = entry.body.plainText.trimmingASCIIWhitespace()
        if !text.isEmpty {
            out += "\nText\n"
            for textLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
                out += textLine.isEmpty ? "\n" : "  \(line(String(textLine)))\n"
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
            let renderer = DiagnosticRenderer(lines: lines ?? { _, _ in nil })
            for diagnostic in entry.diagnostics {
                out += renderer.render(diagnostic).split(separator: "\n").map { "  \($0)\n" }.joined()
            }
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
