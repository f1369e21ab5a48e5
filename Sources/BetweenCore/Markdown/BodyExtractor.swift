/// Reads an entry's Markdown body into a `Body`: the one way into BetweenKit's Markdown code.
public enum BodyParser {
    /// Parses `markdown` — the body only, front matter already cut off — with libcmark
    /// (plain CommonMark 0.30) and collects what docs/format.md#the-body lists.
    ///
    /// - Parameters:
    ///   - markdown: the body text. Any input is fine: empty, binary-ish, NUL bytes,
    ///     CRLF, megabyte lines, thousands of nested quotes or lists; the walk uses
    ///     an explicit stack, never recursion.
    ///   - lineOffset: the number of file lines before the body (the front matter and
    ///     its fences). It is added to every line, so all positions are file positions.
    /// - Returns: sections, title heading, questions, tasks, links, word count and plain text.
    ///
    /// Plain text: blocks are separated by a blank line, except that consecutive list
    /// items are separated by a single newline; soft breaks become spaces and hard
    /// breaks newlines; emphasis markers and raw HTML are dropped, code kept.
    ///
    /// Questions: a list item whose text ends in `?` (whole item); every item under a
    /// heading like *Questions*, *For next session*, *To discuss*, *Bring up* (or a
    /// sub-heading of one); otherwise each sentence ending in `?` in a paragraph or
    /// item. A `?` in code or a bare URL doesn't count; headings are never questions.
    /// Tasks: items starting `[ ]`, `[x]` or `[X]`; a task is a question only when it
    /// ends in `?` or sits under a questions heading. Safe to call from many threads.
    ///
    /// A body with more lines and markup than `BodyLimit.markupLimit` is kept as text only
    /// (`BodyLimit.textOnly`; `BodyLimit.warning` says so), and the markup inside libcmark
    /// at once, over all threads, is limited to the same (`InFlightBudget.markdown`):
    /// memory stays bounded whatever the text.
    public static func parse(_ markdown: String, lineOffset: Int = 0) -> Body {
        let markup = BodyLimit.markup(in: markdown)
        if BodyLimit.isTooMuch(markup) { return BodyLimit.textOnly(markdown, lineOffset: lineOffset) }
        return InFlightBudget.markdown.withPermit(for: markup) {
            var extractor = BodyExtractor(lineOffset: lineOffset)
            CommonMark.walk(markdown, lineOffset: lineOffset) { event in
                switch event {
                case .enter(let node): extractor.enter(node)
                case .exit(let kind): extractor.exit(kind)
                }
            }
            return extractor.finish()
        }
    }
}

/// The state of one walk over a body's events. Nesting lives in explicit arrays
/// (`items`, `inlineContainers`), so depth costs memory, never call stack.
struct BodyExtractor {
    private var collector: BodyCollector
    /// Open list items, innermost last. A paragraph belongs to the innermost one.
    private var items: [OpenItem] = []
    /// The paragraph or heading whose inline text is being collected (they never nest).
    private var inline: MarkdownInlineText?
    private var inlinePosition: SourcePosition?
    private var headingLevel = 0
    /// Open links and images inside `inline`, innermost last.
    private var inlineContainers: [OpenLink] = []
    /// How many containers are open; 1 means "directly in the document".
    private var depth = 0

    private struct OpenItem {
        var position: SourcePosition
        var text = MarkdownInlineText()
        var paragraphs = 0
    }

    private struct OpenLink {
        var isImage: Bool
        var destination: String
        var start: Int
        var position: SourcePosition
    }

    init(lineOffset: Int) {
        collector = BodyCollector(fallback: SourcePosition(line: lineOffset + 1, column: 1))
    }

    mutating func enter(_ node: MarkdownNode) {
        if depth == 1, let position = node.position { collector.topLevelBlockStarts(at: position) }
        if !node.kind.isLeaf { depth += 1 }
        switch node.kind {
        case .paragraph, .heading:
            inline = MarkdownInlineText()
            inlinePosition = node.position
            headingLevel = Int(node.headingLevel)
        case .text:
            inline?.append(node.literal ?? "")
        case .code:
            inline?.appendOpaque(node.literal ?? "")
        case .softBreak:
            inline?.append(" ")
        case .lineBreak:
            inline?.append("\n")
        case .link, .image:
            inlineContainers.append(OpenLink(
                isImage: node.kind == .image, destination: node.destination ?? "",
                start: inline?.utf8Count ?? 0,
                position: node.position ?? inlinePosition ?? collector.fallback))
        case .codeBlock:
            var code = node.literal ?? ""
            while code.last?.isNewline == true { code.removeLast() }
            collector.addBlock(code, compact: false, at: node.position)
        case .item:
            items.append(OpenItem(position: node.position ?? collector.fallback))
        default:
            // Lists, quotes, emphasis: structure only. Raw HTML and rules carry no text.
            break
        }
    }

    mutating func exit(_ kind: MarkdownNodeKind) {
        depth -= 1
        switch kind {
        case .paragraph:
            guard let text = inline else { return }
            inline = nil
            if items.isEmpty {
                collector.addBlock(text.text, compact: false, at: inlinePosition)
                collector.addSentenceQuestions(in: text, at: inlinePosition ?? collector.fallback)
            } else {
                let last = items.count - 1
                // An item's first paragraph is "the item" and sits tight against the previous item.
                collector.addBlock(text.text, compact: items[last].paragraphs == 0, at: inlinePosition)
                items[last].text.append(text, separator: "\n\n")
                items[last].paragraphs += 1
            }
        case .heading:
            let text = MarkdownText.trimmed(inline?.text ?? "")
            inline = nil
            collector.startSection(heading: text, level: headingLevel, at: inlinePosition ?? collector.fallback)
        case .link, .image:
            guard let link = inlineContainers.popLast(), !link.isImage, let text = inline else { return }
            let label = text.suffix(fromUTF8Offset: link.start)
            if label == link.destination || "mailto:" + label == link.destination {
                // An autolink: its text is a URL, whose `?` and `.` are not punctuation.
                inline?.markOpaque(from: link.start)
            }
            collector.addLink(Link(destination: link.destination, text: label, position: link.position))
        case .item:
            guard let item = items.popLast() else { return }
            collector.addItem(item.text, at: item.position)
        default:
            break
        }
    }

    /// Closes the last section and returns everything collected.
    mutating func finish() -> Body {
        collector.finish()
    }
}
