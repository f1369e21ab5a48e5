/// What Between reads from an entry's Markdown body (docs/format.md#the-body).
///
/// Plain Swift values only: the cmark tree is gone by the time one of these exists.
/// Every position is a position in the source *file* (front-matter lines included).
public struct Body: Sendable, Hashable, Codable {
    /// The text of the first level-1 heading, if any.
    public var firstHeading: String?
    /// Each heading starts a section; text before the first heading is a section with an empty heading.
    public var sections: [Section]
    /// Questions for the therapist (see `Question`).
    public var questions: [Question]
    /// `[ ]` / `[x]` list items.
    public var tasks: [TaskItem]
    /// Links and autolinks, in order (images are not links).
    public var links: [Link]
    /// Words in the body's plain text.
    public var wordCount: Int
    /// The body as plain text (no markup), for full-text search and quoting: headings
    /// on lines of their own, blocks separated by blank lines, consecutive list items by
    /// a single newline; raw HTML dropped, code kept.
    public var plainText: String

    /// A body made of the given parts (tests, and callers that assemble one by hand).
    public init(firstHeading: String? = nil, sections: [Section] = [], questions: [Question] = [],
                tasks: [TaskItem] = [], links: [Link] = [], wordCount: Int = 0, plainText: String = "") {
        self.firstHeading = firstHeading
        self.sections = sections
        self.questions = questions
        self.tasks = tasks
        self.links = links
        self.wordCount = wordCount
        self.plainText = plainText
    }

    /// An empty body.
    public static let empty = Body()
}

/// A heading and the plain text under it, up to the next heading of any level.
public struct Section: Sendable, Hashable, Codable {
    /// The heading's plain text; empty for the text before the first heading.
    public var heading: String
    /// 1–6 for ATX/setext headings; 0 for the text before the first heading.
    public var level: Int
    /// The plain text of the section's blocks (paragraphs, list items, quotes, code),
    /// separated by blank lines; consecutive list items by a single newline.
    public var text: String
    /// Where the heading (or the first block, for the lead section) starts.
    public var position: SourcePosition

    /// A section with the given heading, level, text and position.
    public init(heading: String, level: Int, text: String, position: SourcePosition) {
        self.heading = heading
        self.level = level
        self.text = text
        self.position = position
    }

    /// A body's plain text made of its sections: each heading and text, a blank line
    /// apart (empty ones left out). The index stores only this and each text's length,
    /// and cuts the texts out again (`EntryCodec`), so the two must stay in step.
    static func joined(_ sections: [Section]) -> String {
        sections.flatMap { [$0.heading, $0.text] }.filter { !$0.isEmpty }.joined(separator: "\n\n")
    }
}

/// Something the person wants to raise: a list item or sentence ending in `?`,
/// or any list item under a section named like *Questions*, *For next session*,
/// *To discuss*, *Bring up*.
public struct Question: Sendable, Hashable, Codable {
    /// The whole list item, or the one sentence, trimmed (a task's text without its box).
    public var text: String
    /// The heading of the section it was found in (empty before the first heading).
    public var section: String
    /// Where the list item or paragraph it came from starts.
    public var position: SourcePosition

    /// A question with the given text, section and position.
    public init(text: String, section: String, position: SourcePosition) {
        self.text = text
        self.section = section
        self.position = position
    }
}

/// A list item whose text starts with `[ ]` or `[x]` (Debian's cmark has no GFM task lists).
public struct TaskItem: Sendable, Hashable, Codable {
    /// The item's text after the box, trimmed.
    public var text: String
    /// True for `[x]` / `[X]`, false for `[ ]`.
    public var done: Bool
    /// Where the list item starts.
    public var position: SourcePosition

    /// A task with the given text, state and position.
    public init(text: String, done: Bool, position: SourcePosition) {
        self.text = text
        self.done = done
        self.position = position
    }
}

/// A link or autolink in the body.
public struct Link: Sendable, Hashable, Codable {
    /// The URL as cmark resolved it (`mailto:` added to an email autolink).
    public var destination: String
    /// The link's plain text; for an autolink, the URL or address as written.
    public var text: String
    /// Where the link starts, as cmark reports it (its line is exact; inside block
    /// quotes cmark's column for an autolink can be a little early).
    public var position: SourcePosition

    /// A link with the given destination, text and position.
    public init(destination: String, text: String, position: SourcePosition) {
        self.destination = destination
        self.text = text
        self.position = position
    }
}
