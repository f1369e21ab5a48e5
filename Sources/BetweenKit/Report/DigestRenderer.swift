internal import Mustache

/// The formats a digest can be written in.
public enum DigestFormat: String, Sendable, CaseIterable {
    /// Markdown, from the `digest.md.mustache` template.
    case md
    /// One self-contained HTML page, from `digest.html.mustache`.
    case html
    /// The model itself (what the templates see), without a template.
    case json

    /// The template that renders this format; nil for JSON.
    public var templateName: String? {
        switch self {
        case .md: "digest.md.mustache"
        case .html: "digest.html.mustache"
        case .json: nil
        }
    }
}

/// Writes a `Digest` as Markdown, HTML or JSON.
///
/// Templates see `DigestJSON.encode(digest)` (docs/digest.md lists every key). Values
/// are always data, never template text, so `{{ title }}` typed in a note prints as it
/// was typed; the template's content type escapes each value for its format.
public enum DigestRenderer {
    /// The digest in `format`, using the store's template for that format.
    ///
    /// - Throws: `TemplateError` when the template (or a partial it uses) is missing,
    ///   unreadable, or not valid Mustache; the error names the file, line and column.
    public static func render(_ digest: Digest, format: DigestFormat, store: TemplateStore) throws(TemplateError) -> String {
        let json = DigestJSON.encode(digest)
        guard let name = format.templateName else { return json.serialized(pretty: true) + "\n" }
        return try render(MustacheData.value(json), templateNamed: name, store: store)
    }

    /// Renders any data with a template of the store, its partials looked up in the same store.
    static func render(_ data: Any, templateNamed name: String, store: TemplateStore) throws(TemplateError) -> String {
        let library = try TemplateLibrary.load(name, from: store)
        guard let output = library.render(data, withTemplate: TemplateLibrary.partialName(of: name)) else {
            throw .notFound(name: name)
        }
        return output
    }
}
