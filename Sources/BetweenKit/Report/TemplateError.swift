import BetweenCore
internal import Mustache

/// Why a template can't be used, in words that say where and how to fix it.
public enum TemplateError: UserFacingError, Sendable, Hashable, CustomStringConvertible {
    /// No template of that name, in the vault or built in.
    case notFound(name: String)
    /// The vault's file exists but can't be read as text.
    case unreadable(path: String, reason: String)
    /// The template's text isn't valid Mustache.
    case syntax(Syntax)

    /// A Mustache syntax error, at a 1-based line and column of the template.
    public struct Syntax: Sendable, Hashable {
        /// The template's file name.
        public var name: String
        /// The vault's file or the built-in one.
        public var origin: TemplateStore.Origin
        /// 1-based line of the template where parsing stopped.
        public var line: Int
        /// 1-based column (in characters) on that line.
        public var column: Int
        /// The text of that line.
        public var sourceLine: String
        /// What is wrong, in plain words.
        public var message: String

        /// `templates/digest.md.mustache:12:5: error: …` (or `built-in digest.md.mustache:…`).
        public var summary: String {
            "\(origin.location(of: name)):\(line):\(column): error: \(message)"
        }
    }

    /// Compiler-style text: `path:line:column: error: message`, the line with a caret, and what to do.
    public var description: String {
        switch self {
        case .notFound(let name):
            "there is no template called \(name); `between templates` lists them"
        case .unreadable(let path, let reason):
            "\(path): error: can't read this template: \(reason)"
        case .syntax(let syntax):
            syntaxDescription(syntax)
        }
    }

    private func syntaxDescription(_ syntax: Syntax) -> String {
        let hint = switch syntax.origin {
        case .vault: "This is your vault's own template. Fix it, or delete it to use the built-in one again."
        case .builtIn: "This is a built-in template, so this is a bug in Between; a template of the same name in your vault's templates/ folder replaces it."
        }
        let renderer = DiagnosticRenderer { _, _ in syntax.sourceLine }
        let diagnostic = Diagnostic.error(syntax.message, in: syntax.origin.location(of: syntax.name),
                                          at: SourcePosition(line: syntax.line, column: syntax.column))
        return renderer.render(diagnostic) + hint
    }

    /// Wraps swift-mustache's parser error with the template it came from.
    static func syntax(_ error: MustacheTemplate.ParserError, in template: TemplateStore.Template) -> TemplateError {
        .syntax(Syntax(name: template.name, origin: template.origin, line: error.context.lineNumber,
                       column: error.context.columnNumber, sourceLine: error.context.line,
                       message: message(for: error.error)))
    }

    /// swift-mustache's error cases, said plainly.
    static func message(for error: Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "this template can't be read (\(error))" }
        return switch error {
        case .sectionCloseNameIncorrect:
            "this closing tag doesn't match the section that is open here: {{/name}} must repeat the name of the {{#name}} or {{^name}} it closes"
        case .unfinishedName:
            "this tag isn't finished: a name (letters, digits, '.', '-', '_') and then }} were expected"
        case .expectedSectionEnd:
            "a section is never closed: every {{#name}} or {{^name}} needs a matching {{/name}}"
        case .invalidSetDelimiter:
            "this set-delimiter tag is malformed; it should look like {{=<% %>=}}"
        case .transformAppliedToInheritanceSection:
            "a transform like name(…) can't be used on a {{$block}} or {{<parent}} tag"
        case .illegalTokenInsideInheritSection:
            "only {{$block}} overrides may appear inside a {{<parent}} … {{/parent}} tag"
        case .textInsideInheritSection:
            "text can't appear inside a {{<parent}} … {{/parent}} tag, only {{$block}} overrides"
        case .invalidConfigVariableSyntax:
            "this pragma is malformed; it should look like {{% CONTENT_TYPE: MARKDOWN}}"
        case .unrecognisedConfigVariable:
            "unknown pragma or content type; Between knows {{% CONTENT_TYPE: MARKDOWN}}, {{% CONTENT_TYPE: HTML}} and {{% CONTENT_TYPE: TEXT}}"
        }
    }
}
