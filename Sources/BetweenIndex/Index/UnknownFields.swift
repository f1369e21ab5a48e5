import BetweenCore
internal import GRDB

extension Index {
    /// Of `fields` (a query's, or a sort list's), those no record has, once each, with the
    /// field likely meant: a condition on one matches nothing.
    public func unknownFields(_ fields: [QueryField]) throws -> [UnknownQueryField] {
        try database.read { try UnknownFields.find(fields, in: $0) }
    }
}

/// Looking up the fields a query names among the keys the index holds.
enum UnknownFields {
    /// Of `fields`, those that are not computed and that no `field` row has, as the key
    /// itself or as the start of a nested key (`emotions` for `emotions.anxious`).
    static func find(_ fields: [QueryField], in db: Database) throws -> [UnknownQueryField] {
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
