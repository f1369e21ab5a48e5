internal import Yams

/// Turns a Yams error into one plain-English diagnostic at the file position of the problem.
enum YAMLErrorMessages {
    static func diagnostic(for error: YamlError, positions: YAMLPositionMap, text: String, subject: YAMLSubject) -> Diagnostic {
        func at(_ mark: Mark) -> SourcePosition { positions.position(line: mark.line, column: mark.column) }
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            return .error(message(problem: problem, context: context?.text, subject: subject), in: "", at: at(mark))
        case .duplicatedKeysInMapping(let duplicates, let context):
            // Yams reports the first occurrence of the alphabetically first key.
            let first = at(context.mark)
            let key = duplicates.min() ?? ""
            let repeated = repeatPosition(of: key, after: context.mark, in: text)
                .map { positions.position(line: $0.line, column: $0.column) }
            let others = duplicates.sorted().filter { $0 != key }.prefix(5).map(MessageText.quoted)
            let also = others.isEmpty ? "" : "; so is \(others.joined(separator: ", "))"
            return .error("the key \(MessageText.quoted(key)) is written twice in \(subject.withArticle) (first on line \(first.line)); "
                          + "keep one of them\(also)", in: "", at: repeated ?? first)
        case .reader(let problem, let offset, let value, _):
            let character = value >= 0 ? " (U+\(String(value, radix: 16, uppercase: true)))" : ""
            return .error("\(subject.name) has a character YAML does not allow\(character): \(problem); remove it",
                          in: "", at: offset.map { readerPosition($0, in: text, positions: positions) })
        case .memory:
            return .error("\(subject.name) is too large or too complex to read", in: "", at: .fileStart)
        default:
            return .error("\(subject.name) could not be read as YAML: \(error)", in: "", at: .fileStart)
        }
    }

    static func message(problem: String, context: String?, subject: YAMLSubject) -> String {
        if problem.hasPrefix("Maximum nesting level") {
            return "\(subject.name) is nested more than \(FrontMatterParser.maximumDepth) levels deep; Between stops here"
        }
        if problem == "but found another document" {
            return "\(subject.name) is not valid YAML: a line starting with '---' inside it starts a second document; "
                + "remove that line or indent it"
        }
        var message = "\(subject.name) is not valid YAML: \(problem)"
        if let context, !context.isEmpty, context != "while parsing" { message += " (\(context))" }
        if let hint = hint(problem: problem, context: context) { message += "; \(hint)" }
        return message
    }

    /// What usually causes each libyaml problem in hand-written front matter.
    private static func hint(problem: String, context: String?) -> String? {
        switch problem {
        case "mapping values are not allowed in this context":
            "a ':' inside a value needs quotes (note: \"Step 2: breathe out slowly\"), "
                + "or this line is indented more than the key above it"
        case "found unexpected ':'":
            "put a space after ':' between a key and its value, or quote the value"
        case "found character that cannot start any token":
            "a value starting with @, ` or % needs quotes, and indentation must use spaces, not tabs"
        case "found a tab character that violates indentation", "found a tab character where an indentation space is expected":
            "indent with spaces, not tabs"
        case "did not find expected key", "did not find expected '-' indicator":
            "check the indentation: the keys (or '- ' items) of one block must line up"
        case "could not find expected ':'":
            context == "while scanning a simple key"
                ? "a line is missing the ':' after its key (or a quote opened above is not closed)" : nil
        case "did not find expected ',' or ']'":
            "a [list] needs commas between its items and a closing ']'"
        case "did not find expected ',' or '}'":
            "a {set} needs commas between its entries and a closing '}'"
        case "found unexpected end of stream":
            "a quoted value is missing its closing quote"
        case "found undefined alias":
            "a '*' at the start of a value refers to an '&' anchor; quote the value if the '*' is just text"
        case "did not find expected alphabetic or numeric character":
            "a value starting with '&' or '*' needs quotes"
        case "block sequence entries are not allowed in this context":
            "a '- item' list must start on its own line, below its key"
        case "found unknown escape character", "did not find expected hexdecimal number":
            "inside double quotes a backslash starts an escape; write \\\\ for a backslash or use single quotes"
        case "found undefined tag handle", "did not find expected tag URI":
            "a value starting with '!' needs quotes"
        case "did not find expected node content":
            "a value is missing here (a stray ',', ']' or '}'?)"
        default:
            nil
        }
    }

    /// Where a duplicated key is written the second time: the next line that has the
    /// key at the same column. Yams reports only the first occurrence.
    private static func repeatPosition(of key: String, after first: Mark, in text: String) -> (line: Int, column: Int)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard first.line >= 1, first.line <= lines.count else { return nil }
        let spellings = [key, "\"\(key)\"", "'\(key)'"]
        func isKey(_ rest: Substring) -> Bool {
            spellings.contains { rest.hasPrefix($0) && rest.dropFirst($0.count).drop(while: { $0 == " " || $0 == "\t" }).first == ":" }
        }
        // A flow mapping repeats the key on the same line: `{mood: 4, mood: 5}`.
        let firstLine = Array(lines[first.line - 1].unicodeScalars)
        var matches: [Int] = []
        for column in stride(from: first.column, through: firstLine.count, by: 1) where matches.count < 2 {
            let before: Unicode.Scalar = column >= 2 ? firstLine[column - 2] : " "
            guard column == first.column || before == "," || before == " " || before == "{" else { continue }
            if isKey(Substring(String(String.UnicodeScalarView(firstLine[(column - 1)...])))) { matches.append(column) }
        }
        if matches.count == 2 { return (first.line, matches[1]) }
        // A block mapping repeats it on a later line, at the same column.
        for index in first.line..<lines.count {
            let scalars = lines[index].unicodeScalars
            guard scalars.count >= first.column else { continue }
            if isKey(Substring(scalars.dropFirst(first.column - 1))) { return (index + 1, first.column) }
        }
        return nil
    }

    /// libyaml's reader reports a Character offset into the YAML text.
    private static func readerPosition(_ offset: Int, in text: String, positions: YAMLPositionMap) -> SourcePosition {
        let end = text.index(text.startIndex, offsetBy: offset, limitedBy: text.endIndex) ?? text.endIndex
        let before = text[..<end]
        let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex
        let line = 1 + before.utf8.reduce(0) { $0 + ($1 == FrontMatterText.lineFeed ? 1 : 0) }
        return positions.position(lineFeedLine: line, column: before[lineStart...].unicodeScalars.count + 1)
    }
}
