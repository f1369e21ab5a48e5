import BetweenCore
internal import Mustache

/// Fills an entry template (`templates/KIND.md.mustache`, built in or the vault's own).
///
/// Templates see `{{date}}` (`2026-11-20 19:30`), `{{day}}` (`2026-11-20`), `{{time}}`
/// (`19:30`, empty for a date without a time), `{{title}}`, `{{homework}}` (the assignment
/// practised), `{{id}}` (a new assignment's id), `{{type}}`, `{{instrument}}`,
/// `{{crisis-line}}` (from between.yml) and `{{private}}` (`true` when between.yml says
/// `private-by-default: true`, else `false`: a blank `private:` would make the entry
/// private with a warning, docs/format.md). `{{title}}` and `{{homework}}` are written so they
/// read back exactly in YAML front matter (quoted when needed); `{{text.title}}` and
/// `{{text.homework}}` are the same values as typed, for the body. Nothing is HTML-escaped,
/// and trailing spaces a blank value leaves on a line are removed.
public enum EntryTemplate {
    /// What a template is filled with; nil values render as nothing.
    public struct Values: Sendable, Hashable {
        public var date: EntryDate
        public var title: String?
        public var homework: String?
        public var id: String?
        public var crisisLine: String?
        /// Whether the new entry starts out private.
        public var isPrivate: Bool

        public init(date: EntryDate, title: String? = nil, homework: String? = nil, id: String? = nil, crisisLine: String? = nil,
                    isPrivate: Bool = false) {
            self.date = date
            self.title = title
            self.homework = homework
            self.id = id
            self.crisisLine = crisisLine
            self.isPrivate = isPrivate
        }
    }

    /// The text of a new `kind` entry.
    ///
    /// - Throws: `TemplateError` when the vault's template of that name can't be read or parsed.
    public static func render(_ kind: EntryKind, values: Values, store: TemplateStore) throws(TemplateError) -> String {
        var library = try TemplateLibrary.load(kind.templateName, from: store)
        guard let template = try store.template(named: kind.templateName) else { throw .notFound(name: kind.templateName) }
        // Plain text, not HTML: `'` in a title must stay `'`. The pragma is put in front of
        // the first line, so it adds no line and line numbers in errors stay the file's.
        let partial = TemplateLibrary.partialName(of: kind.templateName)
        do {
            library.register(try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + template.text), named: partial)
        } catch let error as MustacheTemplate.ParserError {
            throw TemplateError.syntax(error, in: template) // not expected: the same text parsed above
        } catch {
            throw .notFound(name: kind.templateName)
        }
        guard let output = library.render(data(kind, values), withTemplate: partial) else {
            throw .notFound(name: kind.templateName)
        }
        return tidy(output)
    }

    /// The front-matter form of a date: `2026-11-20 19:30` (no seconds, no zone), else as written in ISO form.
    public static func frontMatterText(_ date: EntryDate) -> String {
        guard let timeOfDay = date.timeOfDay else { return date.dayString }
        if date.second == nil, date.utcOffsetMinutes == nil { return date.dayString + " " + timeOfDay }
        return date.isoText
    }

    static func data(_ kind: EntryKind, _ values: Values) -> [String: Any] {
        var data: [String: Any] = [
            "date": frontMatterText(values.date),
            "day": values.date.dayString,
            "type": kind.type.rawValue,
            "private": values.isPrivate ? "true" : "false",
        ]
        if let timeOfDay = values.date.timeOfDay { data["time"] = timeOfDay }
        if let instrument = kind.instrument { data["instrument"] = instrument.rawValue }
        var text: [String: Any] = [:]
        if let title = values.title, !title.isEmpty {
            data["title"] = YAMLText.scalar(title)
            text["title"] = title
        }
        if let homework = values.homework, !homework.isEmpty {
            data["homework"] = YAMLText.scalar(homework)
            text["homework"] = homework
        }
        data["text"] = text
        if let id = values.id, !id.isEmpty { data["id"] = YAMLText.scalar(id) }
        if let line = values.crisisLine, !line.isEmpty { data["crisis-line"] = line }
        return data
    }

    /// Removes spaces and tabs at line ends (left by blank values) and ends the text with one newline.
    static func tidy(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var trimmed = Substring(line)
            while let last = trimmed.last, last == " " || last == "\t" { trimmed.removeLast() }
            return trimmed
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }
}
