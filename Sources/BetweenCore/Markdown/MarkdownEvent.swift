/// The node kinds cmark 0.30 produces, as a Swift value, so that nothing outside
/// `CommonMark.swift` ever sees cmark's C enum (or a node pointer).
enum MarkdownNodeKind: Sendable, Hashable {
    case document, blockQuote, list, item, codeBlock, htmlBlock, customBlock
    case paragraph, heading, thematicBreak
    case text, softBreak, lineBreak, code, htmlInline, customInline
    case emphasis, strong, link, image

    /// Nodes that cannot have children. cmark's iterator reports them with a
    /// single ENTER and no EXIT, and `MarkdownEvent` keeps that shape.
    var isLeaf: Bool {
        switch self {
        case .codeBlock, .htmlBlock, .thematicBreak, .text, .softBreak, .lineBreak, .code, .htmlInline:
            return true
        default:
            return false
        }
    }
}

/// A list's marker kind: `-`/`*`/`+` or `1.`/`1)`.
enum MarkdownListType: Sendable, Hashable {
    case bullet, ordered
}

/// One cmark node copied out into plain Swift values when the iterator enters it.
///
/// Kept small (32 bytes), since a pathological megabyte body has a million of them and
/// `CommonMark.events` holds them all (the indexer walks them one at a time): one string
/// slot shared by the literal and the URL, and the position as two 32-bit numbers.
struct MarkdownNode: Sendable, Hashable {
    var kind: MarkdownNodeKind
    /// 1–6 for headings, 0 otherwise.
    var headingLevel: UInt8 = 0
    /// Set for lists only.
    var listType: MarkdownListType?
    /// The literal (text, code, code block, HTML) or the URL (link, image).
    private var string: String?
    /// The file line and scalar column, 0 when unknown.
    private var line: Int32 = 0
    private var column: Int32 = 0

    init(kind: MarkdownNodeKind) {
        self.kind = kind
    }

    /// The literal text of text, code, code-block and HTML nodes.
    var literal: String? {
        get { kind == .link || kind == .image ? nil : string }
        set { string = newValue }
    }

    /// The URL of links and images.
    var destination: String? {
        get { kind == .link || kind == .image ? string : nil }
        set { string = newValue }
    }

    /// Where the node starts in the *file* (the body's line offset already added).
    /// Only block nodes, links and images carry one: cmark's positions for other
    /// inlines are unreliable (line breaks have none) and nothing here needs them.
    var position: SourcePosition? {
        get { line > 0 ? SourcePosition(line: Int(line), column: Int(column)) : nil }
        set {
            line = Int32(clamping: newValue?.line ?? 0)
            column = Int32(clamping: newValue?.column ?? 0)
        }
    }
}

/// One step of a depth-first walk of the document, as cmark's iterator gives it.
///
/// Containers produce `.enter` … `.exit`; leaves (see `MarkdownNodeKind.isLeaf`)
/// produce only `.enter`. A flat array of these can be walked with an explicit
/// stack, so nothing downstream recurses however deep the Markdown nests.
enum MarkdownEvent: Sendable, Hashable {
    case enter(MarkdownNode)
    case exit(MarkdownNodeKind)
}
