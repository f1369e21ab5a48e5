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
    /// it could not be read; warnings leave it usable.
    public static func parse(_ text: String) -> SplitSource {
        let bytes = FrontMatterText.normalised(text)
        switch FrontMatterSplitter.split(bytes) {
        case .none:
            return SplitSource(frontMatter: nil, hasFrontMatter: false, body: FrontMatterText.string(bytes[...]),
                               bodyLineOffset: 0, diagnostics: [])
        case .unclosed(let format, let bodyStart, let bodyLineOffset):
            return SplitSource(frontMatter: nil, hasFrontMatter: true,
                               body: FrontMatterText.string(bytes[bodyStart...]), bodyLineOffset: bodyLineOffset,
                               diagnostics: [.error(unclosedMessage(format), in: "", at: .fileStart)])
        case .block(let block):
            let reading = read(block)
            return SplitSource(frontMatter: reading.fields.map { FrontMatter(format: block.format, fields: $0) },
                               hasFrontMatter: true, body: FrontMatterText.string(bytes[block.bodyStart...]),
                               bodyLineOffset: block.bodyLineOffset, diagnostics: reading.diagnostics)
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
