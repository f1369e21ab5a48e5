import BetweenCore

/// Reads query text into a `QueryExpression`.
///
/// Grammar (keywords ignore case; `not` binds tighter than `and`, `and` than `or`):
/// ```
/// query     = or-expr END
/// or-expr   = and-expr { "or" and-expr }
/// and-expr  = unary { "and" unary }
/// unary     = "not" unary | "(" or-expr ")" | condition
/// condition = field ( operator value | "in" "(" value { "," value } ")" | "has" value | "exists" )
/// operator  = "=" | "!=" | "<" | "<=" | ">" | ">=" | "~"
/// field     = bare-word | quoted-string
/// value     = bare-word | quoted-string
/// ```
/// A bare value is read as a relative date (`today`, `yesterday`, `tomorrow`,
/// `last-session`, `-7d`, `+3d`, `-2w`), a number (`70`, `-3`, `6.5`), a date
/// (`2026-11-20`, `2026-11-20T19:30`), or else text; quoted values (`"x y"`,
/// `'x y'`, with backslash escapes) are always text. After a comparison operator
/// other than `~`, the bare name of a field that holds a number, compared with a field
/// that does too (`suds-peak > suds-after`), is that field (`QueryValue.Kind.field`). `and`, `or` and `not` must be
/// quoted to be used as a field name or value.
public enum QueryParser {
    /// Brackets and `not`s nested deeper than this are refused: the parser and the
    /// compiler recurse once per level, and a query of 10,000 '(' must not crash.
    public static let maximumDepth = 32
    /// More conditions than this are refused: SQLite limits how deep an expression
    /// may be, and no one asks a question of their notes with hundreds of conditions.
    public static let maximumConditions = 200

    /// Parses `text` or throws the first problem with its column and a hint.
    public static func parse(_ text: String) throws(QuerySyntaxError) -> QueryExpression {
        var parser = Parser(tokens: try QueryLexer.tokens(text))
        return try parser.query()
    }
}

/// Recursive descent over the tokens; `index` only moves forward.
private struct Parser {
    let tokens: [QueryToken]
    var index = 0
    /// How many `not`s and brackets enclose the current token.
    var depth = 0
    var conditions = 0

    init(tokens: [QueryToken]) {
        self.tokens = tokens
    }

    private var current: QueryToken { tokens[index] }
    private var previous: QueryToken? { index > 0 ? tokens[index - 1] : nil }
    private mutating func advance() { if index < tokens.count - 1 { index += 1 } }

    mutating func query() throws(QuerySyntaxError) -> QueryExpression {
        if current.kind == .end {
            throw QuerySyntaxError(message: "the query is empty", column: 1,
                                   hint: "write a condition, e.g. type = thought-record and distress >= 70")
        }
        let expression = try orExpression()
        switch current.kind {
        case .end:
            return expression
        case .close:
            throw QuerySyntaxError(message: "this ')' has no '(' before it", column: current.column,
                                   hint: "remove it, or add the '(' that starts the group")
        default:
            throw junk()
        }
    }

    private func junk() -> QuerySyntaxError {
        var hint = "join conditions with 'and' or 'or', e.g. type = mood and distress >= 70"
        if let previous, previous.kind == .word, DateParser.looksLikeDate(previous.text), current.kind == .word,
           current.text.contains(":"), current.text.first?.isQueryDigit == true {
            hint = "write a date and time as one word: \(previous.text)T\(current.text)"
        }
        return QuerySyntaxError(message: "unexpected '\(current.shown)' after a complete condition", column: current.column, hint: hint)
    }

    private mutating func orExpression() throws(QuerySyntaxError) -> QueryExpression {
        var result = try andExpression()
        while current.isKeyword("or") {
            advance()
            result = .or(result, try andExpression())
        }
        return result
    }

    private mutating func andExpression() throws(QuerySyntaxError) -> QueryExpression {
        var result = try unary()
        while current.isKeyword("and") {
            advance()
            result = .and(result, try unary())
        }
        return result
    }

    private mutating func unary() throws(QuerySyntaxError) -> QueryExpression {
        guard depth < QueryParser.maximumDepth else {
            throw QuerySyntaxError(message: "the query is nested more than \(QueryParser.maximumDepth) levels deep (brackets and 'not')",
                                   column: current.column, hint: "remove brackets or 'not's that aren't needed")
        }
        depth += 1
        defer { depth -= 1 }
        if current.isKeyword("not") {
            advance()
            return .not(try unary())
        }
        guard current.kind == .open else {
            conditions += 1
            guard conditions <= QueryParser.maximumConditions else {
                throw QuerySyntaxError(message: "the query has more than \(QueryParser.maximumConditions) conditions",
                                       column: current.column, hint: "split it into several queries")
            }
            return .condition(try condition())
        }
        let open = current
        advance()
        let inner = try orExpression()
        switch current.kind {
        case .close:
            advance()
            return inner
        case .end:
            throw QuerySyntaxError(message: "this '(' is never closed", column: open.column,
                                   hint: "add ')' where the group ends")
        default:
            throw junk()
        }
    }

    private mutating func condition() throws(QuerySyntaxError) -> QueryCondition {
        let field = try fieldName()
        let token = current
        if token.kind == .symbol {
            guard let op = QueryOperator(rawValue: token.text) else {
                throw QueryOperatorHints.unknown(token, field: field.name, value: tokens[index + 1])
            }
            advance()
            let valueToken = current
            var value = try value(after: token)
            // `suds-peak > suds-after`: two number fields are compared with each other, not
            // with the text "suds-after" (quote it for that).
            if op != .contains, valueToken.kind == .word, value.kind == .text, field.computed == nil,
               FieldCatalog.holdsNumber(field.name), FieldCatalog.holdsNumber(value.written) {
                value.kind = .field
            }
            return QueryCondition(field: field, test: .compare(op, value))
        }
        if token.isKeyword("in") {
            advance()
            return QueryCondition(field: field, test: .isIn(try list(after: token)))
        }
        if token.isKeyword("has") {
            advance()
            return QueryCondition(field: field, test: .has(try value(after: token)))
        }
        if token.isKeyword("exists") {
            advance()
            return QueryCondition(field: field, test: .exists)
        }
        throw QueryOperatorHints.missing(after: field, found: token)
    }

    private mutating func fieldName() throws(QuerySyntaxError) -> QueryField {
        let token = current
        switch token.kind {
        case .quoted:
            advance()
            return QueryField(name: token.text, quoted: true, column: token.column)
        case .word where !token.isReservedWord:
            if QueryValue.isNumber(token.text) || DateParser.looksLikeDate(token.text) || RelativeDay.parse(token.text, signRequired: true) != nil {
                throw QuerySyntaxError(
                    message: "expected a field name, found the value '\(token.text)'", column: token.column,
                    hint: "put the field first, e.g. distress >= 70 or date >= 2026-11-01")
            }
            advance()
            return QueryField(name: token.text, column: token.column)
        case .end:
            let after = previous.map { " after '\($0.shown)'" } ?? ""
            throw QuerySyntaxError(message: "expected a condition\(after)", column: token.column,
                                   hint: "e.g. distress >= 70, flags has triggered, or mood exists")
        default:
            throw QuerySyntaxError(message: "expected a field name, found '\(token.shown)'", column: token.column,
                                   hint: "a condition starts with a field, e.g. type = mood; quote a field name that is a keyword: \"not\"")
        }
    }

    private mutating func value(after op: QueryToken) throws(QuerySyntaxError) -> QueryValue {
        let token = current
        switch token.kind {
        case .quoted:
            advance()
            return QueryValue(written: token.text, kind: .text, column: token.column)
        case .word where !token.isReservedWord:
            advance()
            return try QueryValue.bare(token.text, column: token.column)
        default:
            let quoteHint = token.isReservedWord ? "; quote it to compare with the word itself: \"\(token.text)\"" : ""
            throw QuerySyntaxError(message: "expected a value after '\(op.text)'", column: token.column,
                                   hint: QueryOperatorHints.valueExample(after: op.text.lowercased()) + quoteHint)
        }
    }

    private mutating func list(after keyword: QueryToken) throws(QuerySyntaxError) -> [QueryValue] {
        guard current.kind == .open else {
            throw QuerySyntaxError(message: "expected '(' after 'in'", column: current.column,
                                   hint: "list the values in parentheses, e.g. type in (mood, reflection)")
        }
        let open = current
        advance()
        if current.kind == .close {
            throw QuerySyntaxError(message: "the list after 'in' is empty", column: open.column,
                                   hint: "put at least one value in it, e.g. type in (mood, reflection)")
        }
        var values = [try value(after: open)]
        while true {
            switch current.kind {
            case .close:
                advance()
                return values
            case .comma:
                let comma = current
                advance()
                values.append(try value(after: comma))
            case .end:
                throw QuerySyntaxError(message: "this '(' is never closed", column: open.column,
                                       hint: "end the list with ')', e.g. type in (mood, reflection)")
            default:
                throw QuerySyntaxError(message: "expected ',' or ')' in the list, found '\(current.shown)'", column: current.column,
                                       hint: "separate the values with commas and quote values with spaces: type in (mood, \"thought-record\")")
            }
        }
    }
}
