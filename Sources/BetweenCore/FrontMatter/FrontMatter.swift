/// The front matter of a source file, parsed into plain data.
public struct FrontMatter: Sendable, Hashable {
    /// Which of the accepted forms the file used.
    public enum Format: String, Sendable, Hashable, Codable {
        /// `---` YAML `---` (or `...`).
        case yaml
        /// `+++` TOML `+++`.
        case toml
        /// A leading JSON object.
        case json
    }

    public var format: Format
    /// The top-level keys in written order, each with its positions in the file.
    public var fields: [FieldPair]
    /// YAML with a `#` in it only: the text between the fences as written (LF line ends).
    /// YAML drops comments, and a value typed into one by mistake
    /// (`mood:  # 0–10, overall mood 5`) can only be seen here (`FieldComments`).
    public var yamlText: String?
    /// The file line `yamlText` starts on.
    public var firstLine: Int

    public init(format: Format, fields: [FieldPair], yamlText: String? = nil, firstLine: Int = 2) {
        self.format = format
        self.fields = fields
        self.yamlText = yamlText
        self.firstLine = firstLine
    }

    /// The value of a top-level key.
    public subscript(key: String) -> FieldValue? {
        fields.first { $0.key == key }?.value
    }

    /// The pair for a top-level key (value and positions).
    public func pair(_ key: String) -> FieldPair? {
        fields.first { $0.key == key }
    }
}

/// A source file's text split into front matter and body, then parsed.
///
/// Produced by `FrontMatterParser.parse(_:)`. The body is the text after the
/// closing fence; `bodyLineOffset` is how many file lines come before it, so
/// Markdown positions can be turned into file positions.
public struct SplitSource: Sendable {
    /// Nil when the file has no front matter (it is a `note`), or when it could not be parsed.
    public var frontMatter: FrontMatter?
    /// True when the file starts with a front-matter fence, even if what follows is broken.
    public var hasFrontMatter: Bool
    /// The Markdown after the front matter (the whole text when there is none).
    public var body: String
    /// Number of file lines before `body` starts.
    public var bodyLineOffset: Int
    /// Problems with the front matter, positions in file lines and columns.
    /// Paths in them are empty: the caller fills in the file's path.
    public var diagnostics: [Diagnostic]
    /// The text of front matter that could not be read (nil when it was, or there is none).
    public var unread: UnreadFrontMatter?

    public init(frontMatter: FrontMatter?, hasFrontMatter: Bool, body: String, bodyLineOffset: Int, diagnostics: [Diagnostic],
                unread: UnreadFrontMatter? = nil) {
        self.frontMatter = frontMatter
        self.hasFrontMatter = hasFrontMatter
        self.body = body
        self.bodyLineOffset = bodyLineOffset
        self.diagnostics = diagnostics
        self.unread = unread
    }
}

/// Front matter that could not be read, kept as text: its fields are lost, but its
/// words can still say the note is private (docs/format.md, "Private entries").
public struct UnreadFrontMatter: Sendable, Hashable {
    /// What would have been the front matter: the lines between the fences; for an
    /// unclosed fence everything after it; for a file in a git conflict, all of it.
    /// Line endings are LF.
    public var text: String
    /// The file line and column where `text` starts.
    public var firstLine: Int
    public var firstColumn: Int

    public init(text: String, firstLine: Int, firstColumn: Int = 1) {
        self.text = text
        self.firstLine = firstLine
        self.firstColumn = firstColumn
    }
}
