/// One source file of a vault as a typed record.
///
/// Every file becomes an entry, even a broken one: its diagnostics say what is
/// wrong, and what could be read is kept.
public struct Entry: Sendable, Hashable, Codable {
    /// Relative to the vault root, `/`-separated.
    public var path: String
    public var type: EntryType
    /// The `title` field, else the first level-1 heading, else the file name without extension.
    public var title: String
    /// The `date` field when it is a valid date.
    public var date: EntryDate?
    /// Whether the file starts with a front-matter fence (even a broken one).
    public var hasFrontMatter: Bool
    /// The front matter's top-level keys, in written order (unknown keys included).
    public var fields: [FieldPair]
    public var body: Body
    /// Problems in this file alone, sorted by position.
    public var diagnostics: [Diagnostic]
    /// Whether the entry stays out of digests and exports: `private: true`, or anything
    /// that might mean it (`EntryPrivacy`), or the vault's `private-by-default` when
    /// nothing is said.
    public var isPrivate: Bool

    public init(path: String, type: EntryType, title: String, date: EntryDate?, hasFrontMatter: Bool,
                fields: [FieldPair], body: Body, diagnostics: [Diagnostic], isPrivate: Bool) {
        self.path = path
        self.type = type
        self.title = title
        self.date = date
        self.hasFrontMatter = hasFrontMatter
        self.fields = fields
        self.body = body
        self.diagnostics = diagnostics
        self.isPrivate = isPrivate
    }

    /// The value of a top-level front-matter key.
    public subscript(key: String) -> FieldValue? {
        fields.first { $0.key == key }?.value
    }

    /// A front-matter value as a number, when it is one.
    public func number(_ key: String) -> Double? {
        self[key]?.number
    }

    /// A front-matter value as text, when it is a scalar.
    public func text(_ key: String) -> String? {
        self[key]?.text
    }

    /// A list field as words (a single value counts as a one-item list), lowercased.
    public func words(_ key: String) -> [String] {
        switch self[key] {
        case .list(let items)?: items.compactMap { $0.text?.lowercased() }
        case let value?: value.text.map { [$0.lowercased()] } ?? []
        case nil: []
        }
    }

    /// `flags:` as lowercased words.
    public var flags: [String] { words("flags") }

    /// `tags:` as lowercased words.
    public var tags: [String] { words("tags") }

    /// The file name without its folder and extension.
    public var stem: String { Entry.stem(of: path) }

    /// The file name of `path` without its folder and extension (`journal/walk.md` → `walk`;
    /// a name that starts with its only dot, `.md`, stays whole).
    public static func stem(of path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    /// For an assignment, its id (`id:` or the file name); for other entries,
    /// the assignment they practise (`homework:`).
    public var homeworkID: String? {
        if type == .homework {
            return text("id").flatMap { $0.isEmpty ? nil : $0 } ?? stem
        }
        return text("homework").flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Whether any diagnostic of this entry is an error.
    public var hasErrors: Bool {
        diagnostics.contains { $0.severity == .error }
    }
}
