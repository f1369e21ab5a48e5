internal import Mustache

/// Parses a template and the partials it uses into a swift-mustache library.
///
/// Only the template asked for and the partials it names (`{{> name}}`, `{{< name}}`,
/// recursively) are read and parsed, so a broken `digest.html.mustache` in the vault
/// never stops the Markdown digest. A partial `{{> footer}}` is the file `footer.mustache`.
enum TemplateLibrary {
    static let fileExtension = ".mustache"

    static func load(_ name: String, from store: TemplateStore) throws(TemplateError) -> MustacheLibrary {
        _ = TemplateContentTypes.registered
        var library = MustacheLibrary()
        var pending = [name]
        var seen: Set<String> = []
        while let next = pending.popLast() {
            guard seen.insert(next).inserted else { continue }
            guard let template = try store.template(named: next) else {
                // A missing partial renders as nothing (Mustache's rule); a missing main template is an error.
                if next == name { throw .notFound(name: name) }
                continue
            }
            do {
                library.register(try MustacheTemplate(string: template.text), named: partialName(of: next))
            } catch let error as MustacheTemplate.ParserError {
                throw TemplateError.syntax(error, in: template)
            } catch {
                throw .syntax(.init(name: next, origin: template.origin, line: 1, column: 1, sourceLine: "",
                                    message: TemplateError.message(for: error)))
            }
            pending += partials(in: template.text).map { $0 + fileExtension }
        }
        return library
    }

    /// The name a template has inside Mustache: its file name without `.mustache`.
    static func partialName(of fileName: String) -> String {
        fileName.hasSuffix(fileExtension) ? String(fileName.dropLast(fileExtension.count)) : fileName
    }

    /// Names of the partials and parents a template refers to, as written (`{{> name}}`, `{{<name}}`).
    /// Templates that change their delimiters are not followed; their partials render as nothing.
    static func partials(in text: String) -> [String] {
        var names: [String] = []
        var rest = text[...]
        while let open = rest.range(of: "{{") {
            rest = rest[open.upperBound...]
            guard let marker = rest.first, marker == ">" || marker == "<" else { continue }
            let afterMarker = rest.dropFirst().drop { $0 == " " || $0 == "\t" }
            let name = afterMarker.prefix { !$0.isWhitespace && $0 != "}" }
            if !name.isEmpty, !name.hasPrefix("*") { names.append(String(name)) }
        }
        return names
    }
}
