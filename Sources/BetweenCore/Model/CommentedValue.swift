/// A value typed after a field's `#`, so YAML read it as a comment and left the field
/// blank: `mood:   # 0–10, overall mood 5`. `FieldComments` finds these and warns at each.
///
/// The warning is also how the value is known later: the index keeps an entry's warnings,
/// not its front matter's text, and the digest must still see a sign of risk typed there
/// (a PHQ-9's question 9, a risk urge, `unsafe`). So the warning's words are made here and
/// read back here, nowhere else, and `init?(_:)` accepts only what `diagnostic` writes.
public struct CommentedValue: Sendable, Hashable {
    /// The field it was typed for; `items` for a questionnaire's answer.
    public var field: String
    /// For a questionnaire's answer, the question's number (from 1); nil for a field.
    public var question: Int?
    /// What was typed: for a field, as its value should be written (a list in brackets,
    /// `[self-harm]`); for an answer, as typed. Read back from a warning, it is cut to
    /// what the warning shows, ending in "…" when longer.
    public var text: String

    public init(field: String, question: Int?, text: String) {
        self.field = field
        self.question = question
        self.text = text
    }

    /// How much of a field's value the fix in the warning shows: the whole of any value a
    /// person types on one line (it is there to be copied), but not a pasted megabyte.
    static let fixLimit = 1_000

    /// The warning at the value: it quotes what was `typed` (a number bare, other text in
    /// quotes), and gives `text` as the line to write; an answer that isn't a number gets
    /// no `- N` to copy.
    func diagnostic(typed: String, isNumber: Bool, in path: String, at position: SourcePosition) -> Diagnostic {
        let shown = isNumber ? MessageText.excerpt(typed) : MessageText.quoted(typed)
        let fix = switch question {
        case let question?: "question \(question) has no answer; "
            + (isNumber ? "write `- \(shown)`" : "write the answer as a number from 0 to 3, before the #")
        case nil: "\(field) is empty; write `\(field): \(MessageText.excerpt(text, limit: Self.fixLimit))`"
        }
        return .warning("the \(shown)\(Self.marker)\(fix)", in: path, at: position)
    }

    /// The value a warning of `diagnostic(typed:isNumber:in:at:)` was about; nil for any other diagnostic.
    public init?(_ diagnostic: Diagnostic) {
        let message = diagnostic.message
        guard diagnostic.severity == .warning, message.hasPrefix("the ") else { return nil }
        let start = message.index(message.startIndex, offsetBy: 4)
        // The typed text may hold the marker too: the first one followed by a subject this type writes is it.
        var from = start
        while let marker = message.range(of: Self.marker, range: from..<message.endIndex) {
            let rest = message[marker.upperBound...]
            let shown = String(message[start..<marker.lowerBound])
            if let question = Self.question(in: rest) {
                self.init(field: "items", question: question, text: Self.unquoted(shown))
                return
            }
            if let space = rest.firstIndex(of: " "), rest[space...].hasPrefix(" is empty; write `"), rest.hasSuffix("`") {
                let field = String(rest[..<space])
                let written = rest[space...].dropFirst(" is empty; write `".count).dropLast()
                guard !field.isEmpty, written.hasPrefix("\(field): ") else { return nil }
                self.init(field: field, question: nil, text: String(written.dropFirst(field.count + 2)))
                return
            }
            from = marker.upperBound
        }
        return nil
    }

    /// What was typed, read as the field's value would be: by the YAML library, then as
    /// Between reads the field (`FieldNormalizer`). Nil for an answer, or for text that
    /// isn't a value (cut short, not YAML).
    public func value(for type: EntryType) -> FieldValue? {
        guard question == nil, !text.hasSuffix("…") else { return nil }
        let split = FrontMatterParser.parse("---\n\(field): \(text)\n---\n")
        guard split.diagnostics.allSatisfy({ $0.severity == .warning }), let fields = split.frontMatter?.fields,
              fields.count == 1, fields[0].key == field else { return nil }
        return FieldNormalizer.normalized(fields, for: type)[0].value
    }

    private static let marker = " after # is a comment, so "

    /// `3` of "question 3 has no answer; …".
    private static func question(in rest: Substring) -> Int? {
        guard rest.hasPrefix("question ") else { return nil }
        let digits = rest.dropFirst("question ".count).prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count < 4, rest[digits.endIndex...].hasPrefix(" has no answer; ") else { return nil }
        return Int(digits)
    }

    private static func unquoted(_ shown: String) -> String {
        shown.count >= 2 && shown.hasPrefix("'") && shown.hasSuffix("'") ? String(shown.dropFirst().dropLast()) : shown
    }
}

extension Entry {
    /// The values typed after a `#` in this entry's front matter, as its warnings say
    /// (`CommentedValue`): kept through the index, which stores the warnings.
    public var commentedValues: [CommentedValue] {
        diagnostics.filter { $0.path == path }.compactMap(CommentedValue.init)
    }
}
