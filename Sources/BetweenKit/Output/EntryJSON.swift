import BetweenCore

/// The JSON form of records, shared by `list`, `query`, `show` and `export`.
public enum EntryJSON {
    /// The record object: `path`, `type`, `title`, `date`, `private`,
    /// `has_front_matter`, `fields` (the whole front matter) and `diagnostics`.
    public static func record(_ entry: Entry) -> JSONValue {
        .object([
            ("path", .string(entry.path)),
            ("type", .string(entry.type.rawValue)),
            ("title", .string(entry.title)),
            ("date", entry.date.map { .string($0.isoText) } ?? .null),
            ("private", .bool(entry.isPrivate)),
            ("has_front_matter", .bool(entry.hasFrontMatter)),
            ("fields", .object(entry.fields.map { ($0.key, JSONValue($0.value)) })),
            ("diagnostics", .array(entry.diagnostics.map(diagnostic))),
        ])
    }

    /// `show`'s object: the record plus `measure` (a questionnaire's score, band and
    /// question-9 note, or null), `text` (the body as plain text) and what was read from the body.
    public static func detail(_ entry: Entry, crisisLine: String? = nil) -> JSONValue {
        guard case .object(var pairs) = record(entry) else { return record(entry) }
        let body = entry.body
        pairs += [
            ("measure", MeasureSummary(entry, crisisLine: crisisLine)?.json ?? .null),
            ("text", .string(body.plainText)),
            ("word_count", .integer(body.wordCount)),
            ("sections", .array(body.sections.map { section in
                .object([("heading", .string(section.heading)), ("level", .integer(section.level)),
                         ("line", .integer(section.position.line)), ("text", .string(section.text))])
            })),
            ("questions", .array(body.questions.map { question in
                .object([("text", .string(question.text)), ("section", .string(question.section)),
                         ("line", .integer(question.position.line))])
            })),
            ("tasks", .array(body.tasks.map { task in
                .object([("text", .string(task.text)), ("done", .bool(task.done)), ("line", .integer(task.position.line))])
            })),
            ("links", .array(body.links.map { link in
                .object([("destination", .string(link.destination)), ("text", .string(link.text)),
                         ("line", .integer(link.position.line))])
            })),
        ]
        return .object(pairs)
    }

    /// `{line, column, severity, message}`; line and column are null for whole-file problems.
    public static func diagnostic(_ diagnostic: Diagnostic) -> JSONValue {
        .object([
            ("line", diagnostic.position.map { .integer($0.line) } ?? .null),
            ("column", diagnostic.position.map { .integer($0.column) } ?? .null),
            ("severity", .string(diagnostic.severity.rawValue)),
            ("message", .string(diagnostic.message)),
        ])
    }
}

extension JSONValue {
    /// A front-matter value as JSON; dates become their ISO text as written.
    public init(_ value: FieldValue) {
        switch value {
        case .null: self = .null
        case .bool(let flag): self = .bool(flag)
        case .int(let number): self = .integer(number)
        case .double(let number): self = .number(number)
        case .string(let text): self = .string(text)
        case .date(let date): self = .string(date.isoText)
        case .list(let items): self = .array(items.map(JSONValue.init))
        case .map(let pairs): self = .object(pairs.map { ($0.key, JSONValue($0.value)) })
        }
    }
}
