import BetweenCore

/// A field a query names that is neither computed nor a key of any record.
public struct UnknownQueryField: Sendable, Hashable {
    public var field: QueryField
    /// The closest known field name, when one is close enough to be a likely typo.
    public var suggestion: String?

    /// The problem as an error at the field's column, for `--strict`.
    public var error: QuerySyntaxError {
        let hint = suggestion.map { "did you mean '\($0)'? (field names are case-sensitive)" }
            ?? "fields are front-matter keys (nested ones dotted: emotions.anxious) or one of \(ComputedField.names.joined(separator: ", "))"
        return QuerySyntaxError(message: "no record has a field '\(field.name)'", column: field.column, hint: hint)
    }

    /// The problem as a warning, for a query run without `--strict`: it still runs, but a
    /// condition on this field is never true, and a person should hear why nothing matched.
    public var warning: String {
        "'\(MessageText.excerpt(field.name))' is not a field in any note, so a comparison with it is never true\(warningHint)"
    }

    /// The problem as a warning for a `--sort` field: the records keep their order by path.
    public var sortWarning: String {
        "'\(MessageText.excerpt(field.name))' is not a field in any note, so sorting by it changes nothing\(warningHint)"
    }

    private var warningHint: String {
        suggestion.map { "; did you mean '\($0)'?\($0.lowercased() == field.name.lowercased() ? " (field names are case-sensitive)" : "")" } ?? ""
    }
}
