import BetweenCore
import GRDB

/// One field of a `--sort` list.
public struct QuerySortKey: Sendable, Hashable {
    public var field: QueryField
    public var descending: Bool

    public init(field: QueryField, descending: Bool = false) {
        self.field = field
        self.descending = descending
    }
}

/// Reads `--sort` lists: `FIELD[,-FIELD…]`, `-` for descending (`+` is allowed for
/// ascending), names as in queries (quoted for front-matter keys that need it).
public enum QuerySortParser {
    private static let example = "e.g. --sort -distress,date"

    public static func parse(_ spec: String) throws(QuerySyntaxError) -> [QuerySortKey] {
        let tokens = try QueryLexer.tokens(spec)
        guard tokens[0].kind != .end else {
            throw QuerySyntaxError(message: "the sort list is empty", column: 1, hint: "name a field, \(example)")
        }
        var keys: [QuerySortKey] = []
        var index = 0
        while true {
            keys.append(try key(tokens, &index))
            switch tokens[index].kind {
            case .end:
                return keys
            case .comma:
                index += 1
            default:
                throw QuerySyntaxError(message: "expected ',' between sort fields, found '\(tokens[index].shown)'",
                                       column: tokens[index].column, hint: example)
            }
        }
    }

    /// `[-|+]name` or `[-|+]"name"` at `index`, leaving `index` just after it.
    private static func key(_ tokens: [QueryToken], _ index: inout Int) throws(QuerySyntaxError) -> QuerySortKey {
        var token = tokens[index]
        var descending = false
        if token.kind == .word, let sign = token.text.first, sign == "-" || sign == "+" {
            descending = sign == "-"
            if token.text.count == 1, tokens[index + 1].kind == .quoted { // -"a b"
                index += 1
                token = tokens[index]
            } else {
                token.text.removeFirst()
                token.column += 1
            }
        }
        guard token.kind == .quoted || (token.kind == .word && !token.text.isEmpty) else {
            let found = token.kind == .end || token.kind == .word ? "nothing" : "'\(token.shown)'"
            throw QuerySyntaxError(message: "expected a field name to sort by, found \(found)", column: token.column,
                                   hint: "separate fields with commas; '-' before a field sorts it descending, \(example)")
        }
        index += 1
        return QuerySortKey(field: QueryField(name: token.text, quoted: token.kind == .quoted, column: token.column),
                            descending: descending)
    }
}

extension QueryCompiler {
    /// The ORDER BY terms (no `ORDER BY` keyword) for a `--sort` list.
    public static func order(_ spec: String) throws(QuerySyntaxError) -> RecordFilter {
        order(try QuerySortParser.parse(spec))
    }

    /// Computed fields order by their column (`title` ignoring ASCII case, `date` by
    /// wall-clock time); a front-matter key orders by its first value, preferring the
    /// number, then the date, then the text (numbers sort before text). Records
    /// without a value come last in both directions.
    public static func order(_ keys: [QuerySortKey]) -> RecordFilter {
        var terms: [String] = []
        var values: [DatabaseValue] = []
        for key in keys {
            let direction = key.descending ? "DESC" : "ASC"
            if let computed = key.field.computed {
                terms.append("\(computed.sortSQL) \(direction) NULLS LAST")
            } else {
                let value = """
                    (SELECT COALESCE(f.num, f.date, f.text) FROM field f WHERE f.recordId = r.id AND f.key = ? \
                    AND COALESCE(f.num, f.date, f.text) IS NOT NULL ORDER BY f.rowid LIMIT 1)
                    """
                terms.append("\(value) \(direction) NULLS LAST")
                values.append(key.field.name.databaseValue)
            }
        }
        return SQLFragment(terms.joined(separator: ", "), values).filter
    }
}
