/// Turns known fields as written into the values Between reads, in the one place every
/// reader of an entry goes through (`EntryParser`): the index and so the query language
/// (`flags has triggered`), the digest's rules, `cope`, `trend` and the JSON output all
/// see an entry's fields after this.
///
/// - A list field (`flags`, `tags`, `skills`, `acted-on`) written as text with commas,
///   `flags: triggered, overwhelmed`, is the list of its parts, as if written in brackets.
///   People write lists that way, and reading it as one flag "triggered, overwhelmed"
///   would silently drop both. (An item that holds a comma needs brackets and quotes:
///   `tags: ["rain, cold"]`.)
/// - A number written as text where a number is expected, `distress: "60"`, is that
///   number. `FieldValidator` asks for the quotes to go, but the rating still counts:
///   a distress of 60 left out of the digest would be worse than one read kindly.
///
/// Validation runs on the fields as written (it needs to see the quotes); everything
/// after it, on these.
enum FieldNormalizer {
    /// `fields` with each known field of `type` read as its kind.
    static func normalized(_ fields: [FieldPair], for type: EntryType) -> [FieldPair] {
        fields.map { pair in
            guard let spec = FieldCatalog.spec(pair.key, for: type) else { return pair }
            var result = pair
            result.value = normalized(pair.value, as: spec.kind)
            return result
        }
    }

    static func normalized(_ value: FieldValue, as kind: FieldKind) -> FieldValue {
        switch (kind, value) {
        case (.textList, .string(let text)) where text.contains(","):
            return .list(listItems(text))
        case (.rating, .string(let text)), (.wholeNumber, .string(let text)):
            return number(writtenAsText: text) ?? value
        case (.ratingMap, .map(let pairs)):
            return .map(pairs.map { pair in
                var result = pair
                if case .string(let text) = pair.value, let number = number(writtenAsText: text) { result.value = number }
                return result
            })
        case (.measureItems, .list(let items)):
            return .list(items.map { item in
                if case .string(let text) = item, let number = number(writtenAsText: text) { number } else { item }
            })
        default:
            return value
        }
    }

    /// The parts of `a, b, c`, trimmed, empty ones left out (`triggered,` is one flag).
    static func listItems(_ text: String) -> [FieldValue] {
        text.split(separator: ",").map { String($0).trimmingASCIIWhitespace() }.filter { !$0.isEmpty }.map(FieldValue.string)
    }

    /// The number in `text` (`"60"`, `" 6.5 "`), read as YAML reads an unquoted one; nil
    /// for anything else, including numbers too large to hold (`1e400`).
    static func number(writtenAsText text: String) -> FieldValue? {
        switch YAMLScalarResolver.resolvePlain(text.trimmingASCIIWhitespace()) {
        case .int(let number): .int(number)
        case .double(let number) where number.isFinite: .double(number)
        default: nil
        }
    }
}
