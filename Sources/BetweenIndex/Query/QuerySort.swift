import BetweenCore

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
