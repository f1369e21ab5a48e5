import BetweenCore

/// The lines of text that entry templates put into a new note's body, so that what
/// came from a template is never shown as the person's own words: never quoted in a
/// digest, never a step of a safety plan in `between cope`.
///
/// Built from the templates themselves (`templates/KIND.md.mustache`, the vault's own
/// when it has them): each is filled in, with and without the vault's `crisis-line`, and
/// read exactly as a note is read, so a line of a note matches when it is a template's
/// line left as it was. Prompts in HTML comments never reach a note's text at all; what
/// remains is boilerplate such as the PHQ-9's note about question 9, the safety plan's
/// closing line and the crisis line it fills in.
public struct TemplateText: Sendable, Hashable {
    private var lines: Set<String>

    /// The text of the store's entry templates (a template that can't be read or filled
    /// in falls back to the built-in one).
    public init(store: TemplateStore, crisisLine: String?) {
        var lines: Set<String> = []
        let builtIn = TemplateStore(vaultRoot: nil)
        for kind in EntryKind.all {
            for line in [crisisLine, nil] {
                let values = EntryTemplate.Values(date: EntryDate(year: 2000, month: 1, day: 1), crisisLine: line)
                guard let text = (try? EntryTemplate.render(kind, values: values, store: store))
                    ?? (try? EntryTemplate.render(kind, values: values, store: builtIn)) else { continue }
                let body = BodyParser.parse(FrontMatterParser.parse(text).body, lineOffset: 0)
                for section in body.sections {
                    lines.formUnion(Self.lines(of: section.text))
                }
            }
        }
        self.lines = lines
    }

    /// The built-in templates' text.
    public static func builtIn(crisisLine: String?) -> TemplateText {
        TemplateText(store: TemplateStore(vaultRoot: nil), crisisLine: crisisLine)
    }

    /// Whether a line of a note (as `lines(of:)` gives it) came from a template.
    public func contains(_ line: String) -> Bool {
        lines.contains(line)
    }

    /// The non-empty lines of a section's text, trimmed.
    static func lines(of text: String) -> [String] {
        text.split(separator: "\n").map { String($0).trimmingASCIIWhitespace() }.filter { !$0.isEmpty }
    }
}
