import BetweenCore
internal import Mustache

/// How `{{name}}` escapes a value for the format a template writes, chosen by the
/// template's first line: `{{% CONTENT_TYPE: MARKDOWN}}` or `{{% CONTENT_TYPE: HTML}}`.
///
/// Everything a person wrote reaches a template as a value, never as template text,
/// so escaping here is what keeps their words showing as words.
enum TemplateContentTypes {
    /// Registers both types with swift-mustache, once, before any template is parsed
    /// (the pragma is resolved while parsing).
    static let registered: Void = {
        MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
        // Replaces the library's HTML escaping with a stricter one (it also keeps
        // control characters out, so the page stays well-formed XML).
        MustacheContentTypes.register(HTMLTextContentType(), named: "HTML")
    }()
}

/// Markdown: user text shows as text in any renderer.
struct MarkdownContentType: MustacheContentType {
    func escapeText(_ text: String) -> String { MarkdownEscaping.escape(text) }
}

/// HTML (and XHTML): `& < > " '` become references.
struct HTMLTextContentType: MustacheContentType {
    func escapeText(_ text: String) -> String { HTMLEscaping.escape(text) }
}

/// Escapes text for the body of an HTML or XHTML element or a quoted attribute.
enum HTMLEscaping {
    static func escape(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            case _ where ControlCharacters.isForbidden(scalar): output.unicodeScalars.append(TerminalText.replacement)
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}

/// Characters that have no place in a report: `TerminalText`'s control characters
/// (shown as U+FFFD, as on a terminal), except the tab, line feed and carriage return of
/// the text's layout. They are invalid in XML, and on a terminal they could move the
/// cursor or change colours (ESC sequences) or reorder the text (bidi controls).
enum ControlCharacters {
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        scalar != "\t" && scalar != "\n" && scalar != "\r" && TerminalText.isControl(scalar)
    }
}
