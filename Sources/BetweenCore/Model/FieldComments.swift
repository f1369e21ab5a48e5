/// Values typed into a comment by mistake. In vim, `A` on a template's line
/// `mood:            # 0–10, overall mood` types at the end of the line, after the comment:
/// `mood:   # 0–10, overall mood 5`. YAML drops comments, so the field stays blank and
/// nothing else would say so.
///
/// For each field of the entry's type left blank (or `[]`), and each blank answer of a
/// questionnaire, this reads the line as written and warns, at the value, when its
/// comment ends in something that looks like a value for the field:
/// - for a number, a number as the comment's last word (`… overall mood 5`), unless it
///   reads as the end of a range (`0 to 10`);
/// - for any other field, what follows the template's own comment for it
///   (`TemplateComments`), when it suits the field: a date for `due`, one of the choices
///   for `status`, a word for `flags`;
/// - for a questionnaire's answer, also any words after the template's comment for it
///   (`# 9. Thoughts that … sometimes`): not a score, but an answer all the same, and on
///   question 9 one the digest raises (`CommentedValue`).
/// A comment exactly as a template wrote it never counts (`# the date of the next
/// session, e.g. 2026-11-27`). Only YAML has this trap: `mood = # 5` is not TOML.
enum FieldComments {
    static func check(_ frontMatter: FrontMatter?, type: EntryType, path: String) -> [Diagnostic] {
        guard let frontMatter, let text = frontMatter.yamlText, text.utf8.contains(UInt8(ascii: "#")) else { return [] }
        // Lines found by bytes, once, and only when a blank field asks for one.
        var lines: [Substring.UTF8View]?
        func line(_ number: Int) -> Substring? {
            if lines == nil { lines = text.utf8.split(separator: FrontMatterText.lineFeed, omittingEmptySubsequences: false) }
            let index = number - frontMatter.firstLine
            guard let lines, lines.indices.contains(index) else { return nil }
            return text[lines[index].startIndex..<lines[index].endIndex]
        }
        var found: [Diagnostic] = []
        for pair in frontMatter.fields where pair.key != "private" {
            guard let spec = FieldCatalog.spec(pair.key, for: type), let at = pair.keyPosition else { continue }
            switch (spec.kind, pair.value) {
            case (.measureItems, .list(let items)) where items.contains(.null):
                found += answers(items, below: at.line, line: line, path: path)
            case (.measureItems, _):
                continue
            case (_, .null), (_, .list([])), (_, .map([])):
                guard let raw = line(at.line), let comment = comment(in: raw, from: at.column - 1, afterKey: true),
                      let value = value(in: comment.text, for: pair.key, kind: spec.kind) else { continue }
                found.append(CommentedValue(field: pair.key, question: nil, text: written(value.text, as: spec.kind))
                    .diagnostic(typed: value.text, isNumber: spec.kind.isNumber, in: path,
                                at: SourcePosition(line: at.line, column: comment.column + value.offset)))
            default:
                continue
            }
        }
        return found
    }

    /// A questionnaire's blank answers with an answer in their comment. The answers are the
    /// `-` lines below `items:` (comment lines between them skipped); when they can't be
    /// matched one to one with the list (a flow list, several on a line), none is judged.
    private static func answers(_ items: [FieldValue], below keyLine: Int, line: (Int) -> Substring?,
                                path: String) -> [Diagnostic] {
        var itemLines: [(number: Int, text: Substring)] = []
        var number = keyLine + 1
        while let raw = line(number), itemLines.count <= items.count {
            let trimmed = String(raw).trimmingASCIIWhitespace()
            if !trimmed.isEmpty, !trimmed.hasPrefix("#") {
                guard trimmed == "-" || trimmed.hasPrefix("- ") || trimmed.hasPrefix("-\t") else { break }
                itemLines.append((number, raw))
            }
            number += 1
        }
        guard itemLines.count == items.count else { return [] }
        return zip(items.indices, itemLines).compactMap { index, itemLine in
            guard items[index] == .null, let dash = itemLine.text.unicodeScalars.firstIndex(of: "-"),
                  let comment = comment(in: itemLine.text, from: itemLine.text.unicodeScalars.distance(
                      from: itemLine.text.unicodeScalars.startIndex, to: dash) + 1, afterKey: false) else { return nil }
            // A number ends the comment; or, after the template's own comment, any words
            // ("sometimes", "2 more than half the days"): an answer, though not one Between can score.
            let number = value(in: comment.text, for: "items", kind: .wholeNumber(0...3))
            guard let typed = number ?? wordsAfterTemplate(in: comment.text, for: "items") else { return nil }
            return CommentedValue(field: "items", question: index + 1, text: typed.text)
                .diagnostic(typed: typed.text, isNumber: number != nil, in: path, at: SourcePosition(line: itemLine.number, column: comment.column + typed.offset))
        }
    }

    /// The words after the template's own comment for `field`, when the comment starts with one.
    private static func wordsAfterTemplate(in comment: [Unicode.Scalar], for field: String) -> (text: String, offset: Int)? {
        let lead = comment.firstIndex { !isBlank($0) } ?? comment.count
        guard let known = TemplateComments.known(for: field).first(where: { comment[lead...].starts(with: $0) }) else { return nil }
        let words = words(in: comment, (lead + known.count)..<comment.count)
        guard let first = words.first, let last = words.last else { return nil }
        return (string(comment[first.lowerBound..<last.upperBound]), first.lowerBound)
    }

    /// The comment on a line where nothing but blanks, `[]` or `{}` follows the key (or the
    /// list's dash) at scalar index `start`: its scalars after `#`, and the column of the first.
    private static func comment(in line: Substring, from start: Int, afterKey: Bool) -> (text: [Unicode.Scalar], column: Int)? {
        let scalars = Array(line.unicodeScalars)
        var index = start
        guard index >= 0, index < scalars.count else { return nil }
        if afterKey {
            // Past the key (quoted or not) and its colon.
            let quote = scalars[index]
            if quote == "\"" || quote == "'" {
                index += 1
                while index < scalars.count, scalars[index] != quote { index += scalars[index] == "\\" && quote == "\"" ? 2 : 1 }
                index += 1
            }
            while index < scalars.count, !(scalars[index] == ":" && (index + 1 == scalars.count || isBlank(scalars[index + 1]))) {
                index += 1
            }
            index += 1
        }
        func skipBlanks() { while index < scalars.count, isBlank(scalars[index]) { index += 1 } }
        skipBlanks()
        if index < scalars.count, let close: Unicode.Scalar = scalars[index] == "[" ? "]" : scalars[index] == "{" ? "}" : nil {
            index += 1
            skipBlanks()
            guard index < scalars.count, scalars[index] == close else { return nil }
            index += 1
        }
        skipBlanks()
        // `#` starts a comment only after a blank.
        guard index > 0, index < scalars.count, scalars[index] == "#", isBlank(scalars[index - 1]) else { return nil }
        return (Array(scalars[(index + 1)...]), index + 2)
    }

    /// What in a comment looks like a value of the field: its text and where it starts.
    private static func value(in comment: [Unicode.Scalar], for field: String, kind: FieldKind) -> (text: String, offset: Int)? {
        let lead = comment.firstIndex { !isBlank($0) } ?? comment.count
        var region = lead..<comment.count
        var afterTemplate = false
        if let known = TemplateComments.known(for: field).first(where: { comment[lead...].starts(with: $0) }) {
            region = (lead + known.count)..<comment.count
            afterTemplate = true
        }
        let words = words(in: comment, region)
        guard let last = words.last else { return nil }
        if kind.isNumber {
            let text = string(comment[last])
            guard isNumber(text) else { return nil }
            // Without the template's comment before it, a lone number or one ending a range is the comment's own.
            if !afterTemplate {
                guard words.count >= 2, !rangeWords.contains(string(comment[words[words.count - 2]]).lowercased()) else { return nil }
            }
            return (text, last.lowerBound)
        }
        guard afterTemplate, let first = words.first else { return nil }
        let text = string(comment[first.lowerBound..<last.upperBound])
        let suits = switch kind {
        case .text, .textList: true
        case .homeworkID: words.count == 1
        case .ratingMap: text.hasPrefix("{") && text.hasSuffix("}")
        case .choice, .frequency, .date: kind.accepts(.string(text))
        case .rating, .wholeNumber, .bool, .measureItems: false
        }
        return suits ? (text, first.lowerBound) : nil
    }

    /// The value as it should be written on the field's line.
    private static func written(_ text: String, as kind: FieldKind) -> String {
        if case .textList = kind, !text.hasPrefix("[") { return "[\(text)]" }
        return text
    }

    /// Words before a number that make it the end of a range, not a value: `0 to 10`, `out of 100`, `at most 5`.
    private static let rangeWords: Set<String> = ["to", "of", "-", "–", "—", "/", "and", "or", "from", "max", "maximum", "up",
                                                  "most", "least", "than", "over", "under"]

    private static func words(in scalars: [Unicode.Scalar], _ region: Range<Int>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var index = region.lowerBound
        while index < region.upperBound {
            while index < region.upperBound, isBlank(scalars[index]) { index += 1 }
            let start = index
            while index < region.upperBound, !isBlank(scalars[index]) { index += 1 }
            if index > start { result.append(start..<index) }
        }
        return result
    }

    /// `5`, `6.5`, `100`: digits, and at most one decimal point between digits.
    private static func isNumber(_ text: String) -> Bool {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        return parts.allSatisfy { !$0.isEmpty && $0.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } }
    }

    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        String(String.UnicodeScalarView(scalars))
    }

    private static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t"
    }
}
