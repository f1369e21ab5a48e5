// The one file in Between that talks to libcmark (docs/conventions.md#c-in-one-place-per-library).
// Every cmark pointer is created, used and freed inside a single function call;
// what comes out is plain Swift values, so no node can outlive its document.
internal import CCmark
import Glibc

/// Parsing and rendering through Debian's libcmark 0.30 (plain CommonMark).
package enum CommonMark {
    /// The version of the libcmark this process runs with (e.g. `0.30.2`). It is a
    /// shared system library, so an upgrade can change how notes parse without Between
    /// being rebuilt: the index records it (Index/Fingerprint.swift).
    package static let libraryVersion = String(cString: cmark_version_string())

    /// Parses a Markdown body into a flat list of enter/exit events.
    ///
    /// - Parameter lineOffset: lines of the file before the body (the front matter),
    ///   added to every line so positions are file positions.
    static func events(_ markdown: String, lineOffset: Int = 0) -> [MarkdownEvent] {
        var events: [MarkdownEvent] = []
        walk(markdown, lineOffset: lineOffset) { events.append($0) }
        return events
    }

    /// Parses a Markdown body and hands each enter/exit event to `visit`, in document
    /// order, as cmark's iterator reaches it: nothing but the event (plain Swift values)
    /// reaches `visit`, and no list of every node is ever held (a note of 500,000
    /// nodes needed 40 MB more for one).
    ///
    /// - Parameter lineOffset: lines of the file before the body (the front matter),
    ///   added to every line so positions are file positions.
    static func walk(_ markdown: String, lineOffset: Int = 0, visit: (MarkdownEvent) -> Void) {
        parse(markdown, lineOffset: lineOffset, visit: visit)
        // cmark's tree for a long body is some hundred thousand small blocks, freed by now;
        // glibc keeps such memory in the thread's own arena, so each thread that ever
        // parsed a long body would hold on to the peak of one. Hand the pages back.
        if markdown.utf8.count >= trimAfterBytes { malloc_trim(0) }
    }

    /// Bodies this long (bytes) or longer are followed by `malloc_trim`.
    private static let trimAfterBytes = 64 * 1024

    private static func parse(_ markdown: String, lineOffset: Int, visit: (MarkdownEvent) -> Void) {
        var source = prepared(markdown)
        var columns = MarkdownColumnMap(source)

        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return }
        defer { cmark_parser_free(parser) }
        source.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                if let base = chars.baseAddress, chars.count > 0 {
                    cmark_parser_feed(parser, base, chars.count)
                }
            }
        }
        guard let document = cmark_parser_finish(parser) else { return }
        defer { cmark_node_free(document) }
        guard let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }

        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let kind = kind(of: cmark_node_get_type(node))
            if event == CMARK_EVENT_ENTER {
                visit(.enter(copy(node, kind: kind, lineOffset: lineOffset, columns: &columns)))
            } else if event == CMARK_EVENT_EXIT {
                visit(.exit(kind))
            }
        }
    }

    /// cmark replaces NUL with U+FFFD and skips a leading byte-order mark while it
    /// reads; doing both first keeps our column map byte-for-byte equal to cmark's lines.
    private static func prepared(_ markdown: String) -> String {
        var text = markdown
        if text.utf8.starts(with: [0xEF, 0xBB, 0xBF]) {
            text.unicodeScalars.removeFirst()
        }
        if MarkdownText.contains(0, in: text) {
            text = String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\0" ? "\u{FFFD}" : $0 }))
        }
        return text
    }

    /// Copies what Between uses out of one node; strings are copied, never borrowed.
    private static func copy(_ node: OpaquePointer, kind: MarkdownNodeKind, lineOffset: Int,
                             columns: inout MarkdownColumnMap) -> MarkdownNode {
        var info = MarkdownNode(kind: kind)
        switch kind {
        case .heading:
            info.headingLevel = UInt8(clamping: cmark_node_get_heading_level(node))
        case .list:
            info.listType = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST ? .ordered : .bullet
        case .text, .code, .codeBlock, .htmlBlock, .htmlInline:
            info.literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
        case .link, .image:
            info.destination = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
        default:
            break
        }
        let wantsPosition: Bool
        switch kind {
        case .text, .softBreak, .lineBreak, .code, .htmlInline, .customInline, .emphasis, .strong:
            wantsPosition = false
        default:
            wantsPosition = true
        }
        let line = Int(cmark_node_get_start_line(node))
        if wantsPosition, line > 0 {
            let byteColumn = max(1, Int(cmark_node_get_start_column(node)))
            let column = columns.scalarColumn(line: line, byteColumn: byteColumn)
            info.position = SourcePosition(line: line + lineOffset, column: column)
        }
        return info
    }

    private static func kind(of type: cmark_node_type) -> MarkdownNodeKind {
        switch type {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST: return .list
        case CMARK_NODE_ITEM: return .item
        case CMARK_NODE_CODE_BLOCK: return .codeBlock
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_TEXT: return .text
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code
        case CMARK_NODE_HTML_INLINE: return .htmlInline
        case CMARK_NODE_CUSTOM_INLINE: return .customInline
        case CMARK_NODE_EMPH: return .emphasis
        case CMARK_NODE_STRONG: return .strong
        case CMARK_NODE_LINK: return .link
        case CMARK_NODE_IMAGE: return .image
        // Custom blocks never come out of the parser; anything unknown is treated as one
        // (a container Between ignores) so a future cmark can't break the walk.
        default: return .customBlock
        }
    }
}
