/// Splits a source file into front matter and body, and reads the front matter.
///
/// Accepted forms, decided by the file's first line (after an optional UTF-8 BOM):
/// `---` YAML closed by `---` or `...`; `+++` TOML closed by `+++`; a leading JSON
/// object (Hugo's three forms). Anything else has no front matter: the whole file is
/// the body of a `note`. Broken front matter never throws and never loses text: the
/// problem becomes an error diagnostic and the body is still returned.
///
/// Line endings: CRLF and lone CR are read as LF everywhere (cmark does the same),
/// so `body` is LF-only and every line number counts the file's lines.
public enum FrontMatterParser {
    /// Front matter longer than this (bytes between the fences) is not read.
    public static let maximumBytes = 1 << 20
    /// Collections nested deeper than this are refused.
    public static let maximumDepth = 64
    /// More values than this, after expanding YAML aliases, are refused.
    public static let maximumValues = 100_000

    /// Splits `text` (a whole file, BOM and CRLF allowed) and parses its front matter.
    ///
    /// Where the body starts:
    /// - after the closing fence's line (`bodyLineOffset` is that line's number);
    /// - JSON: on the line after the closing `}` when the rest of its line is blank,
    ///   otherwise right after the `}` on the same line (offset is one less);
    /// - an unclosed `---` or `+++`: right after line 1 (offset 1), so the text stays
    ///   searchable; an unclosed JSON object: the whole file (offset 0).
    ///
    /// `frontMatter` is nil when the file has none or when an error diagnostic says
    /// it could not be read (then `unread` keeps its text); warnings leave it usable.
    /// Git conflict markers in the front matter, or on the file's first line, are an
    /// error of their own, whatever a parser would make of the text.
    public static func parse(_ text: String) -> SplitSource {
        let bytes = FrontMatterText.normalised(text)
        if ConflictMarkers.isMarker(bytes[0..<FrontMatterSplitter.lineEnd(bytes, from: 0)]), bytes.first == UInt8(ascii: "<") {
            // Where the front matter ends can't be told: the whole file is kept as its text.
            let whole = FrontMatterText.string(bytes[...])
            return SplitSource(frontMatter: nil, hasFrontMatter: false, body: whole, bodyLineOffset: 0,
                               diagnostics: [.error(ConflictMarkers.message, in: "", at: .fileStart)],
                               unread: UnreadFrontMatter(text: whole, firstLine: 1))
        }
        switch FrontMatterSplitter.split(bytes) {
        case .none:
            return SplitSource(frontMatter: nil, hasFrontMatter: false, body: FrontMatterText.string(bytes[...]),
                               bodyLineOffset: 0, diagnostics: [])
        case .unclosed(let format, let bodyStart, let bodyLineOffset):
            let rest = bytes[bodyStart...]
            let problem = conflict(in: rest, firstLine: bodyLineOffset + 1) ?? .error(unclosedMessage(format), in: "", at: .fileStart)
            let body = FrontMatterText.string(rest)
            return SplitSource(frontMatter: nil, hasFrontMatter: true, body: body, bodyLineOffset: bodyLineOffset,
                               diagnostics: [problem], unread: UnreadFrontMatter(text: body, firstLine: bodyLineOffset + 1))
        case .block(let block):
            let reading = conflict(in: block.content, firstLine: block.firstLine).map { FrontMatterReading(fields: nil, diagnostics: [$0]) }
                ?? read(block)
            let unread = reading.fields == nil
                ? UnreadFrontMatter(text: FrontMatterText.string(block.content), firstLine: block.firstLine, firstColumn: block.firstColumn)
                : nil
            // Kept only where there is a comment to look at (`FieldComments`).
            let yamlText = block.format == .yaml && reading.fields != nil && block.content.contains(UInt8(ascii: "#"))
                ? FrontMatterText.string(block.content) : nil
            return SplitSource(frontMatter: reading.fields.map { FrontMatter(format: block.format, fields: $0, yamlText: yamlText,
                                                                             firstLine: block.firstLine) },
                               hasFrontMatter: true, body: FrontMatterText.string(bytes[block.bodyStart...]),
                               bodyLineOffset: block.bodyLineOffset, diagnostics: reading.diagnostics, unread: unread)
        }
    }

    /// The conflict-marker error at the first marker line of `bytes`, if there is one.
    private static func conflict(in bytes: ArraySlice<UInt8>, firstLine: Int) -> Diagnostic? {
        ConflictMarkers.firstMarker(in: bytes).map { offset in
            .error(ConflictMarkers.message, in: "", at: FrontMatterText.position(of: offset, in: bytes, firstLine: firstLine))
        }
    }

    private static func read(_ block: FrontMatterBlock) -> FrontMatterReading {
        guard block.content.count <= maximumBytes else {
            let kib = (block.content.count + 1023) / 1024
            return .failed("front matter is \(kib) KiB, more than the 1 MiB Between reads; its fields are ignored "
                           + "(long text belongs in the body, below the front matter)", at: .fileStart)
        }
        switch block.format {
        case .yaml: return YAMLFrontMatter.read(block.content, firstLine: block.firstLine)
        case .toml: return TOMLFrontMatter.read(block.content, firstLine: block.firstLine)
        case .json: return JSONFrontMatter.read(block.content, firstLine: block.firstLine, firstColumn: block.firstColumn)
        }
    }

    private static func unclosedMessage(_ format: FrontMatter.Format) -> String {
        switch format {
        case .yaml:
            "front matter starts with '---' on line 1 but is never closed; add a line with '---' after the last field"
        case .toml:
            "front matter starts with '+++' on line 1 but is never closed; add a line with '+++' after the last field"
        case .json:
            "the file starts with '{' but the JSON object never closes; add the missing '}' (or close a string left open)"
        }
    }
}

/// What one format's reader made of the front matter.
struct FrontMatterReading: Sendable {
    /// The top-level fields; nil when the front matter could not be read.
    var fields: [FieldPair]?
    var diagnostics: [Diagnostic]

    static func failed(_ message: String, at position: SourcePosition?) -> FrontMatterReading {
        FrontMatterReading(fields: nil, diagnostics: [.error(message, in: "", at: position)])
    }
}
