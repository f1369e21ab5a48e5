import BetweenCore
import GRDB

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
        let name = MessageText.excerpt(field.name)
        let hint = suggestion.map { "; did you mean '\($0)'?\($0.lowercased() == field.name.lowercased() ? " (field names are case-sensitive)" : "")" } ?? ""
        return "'\(name)' is not a field in any note, so a comparison with it is never true\(hint)"
    }
}

extension QueryCompiler {
    /// The fields of a query no record has (such conditions match nothing), once each.
    public static func unknownFields(in expression: QueryExpression, db: Database) throws -> [UnknownQueryField] {
        try unknownFields(expression.fields, in: db)
    }

    /// The fields of a sort list no record has.
    public static func unknownFields(in keys: [QuerySortKey], db: Database) throws -> [UnknownQueryField] {
        try unknownFields(keys.map(\.field), in: db)
    }

    /// Of `fields`, those that are not computed and that no `field` row has, as the
    /// key itself or as the start of a nested key (`emotions` for `emotions.anxious`).
    public static func unknownFields(_ fields: [QueryField], in db: Database) throws -> [UnknownQueryField] {
        var seen: Set<String> = []
        var unknown: [QueryField] = []
        for field in fields where field.computed == nil && seen.insert(field.name).inserted {
            // Keys starting with "name." sort from "name." up to (not including) "name/".
            let known = try Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM field WHERE key = ? OR (key >= ? AND key < ?))
                """, arguments: [field.name, field.name + ".", field.name + "/"]) ?? false
            if !known { unknown.append(field) }
        }
        guard !unknown.isEmpty else { return [] }
        let candidates = try String.fetchAll(db, sql: "SELECT DISTINCT key FROM field") + ComputedField.names
        return unknown.map { UnknownQueryField(field: $0, suggestion: Suggestion.closest(to: $0.name, among: candidates)) }
    }
}
