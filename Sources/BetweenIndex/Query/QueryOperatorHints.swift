import BetweenCore

/// Messages for a missing or mistyped operator, with the right one suggested.
enum QueryOperatorHints {
    /// Operators from other languages and what Between writes instead.
    private static let corrections: [String: String] = [
        "==": "=", "===": "=", "=>": ">=", "=<": "<=", "<>": "!=", "=!": "!=", "!==": "!=",
        "=~": "~", "~=": "~", "~~": "~", ">>": ">", "<<": "<",
    ]

    /// An operator run that is not one of `= != < <= > >= ~`.
    static func unknown(_ token: QueryToken, field: String, value next: QueryToken) -> QuerySyntaxError {
        let message = "unknown operator '\(token.text)'"
        let example = next.kind == .word || next.kind == .quoted ? next.shown : "70"
        if let right = corrections[token.text] {
            return QuerySyntaxError(message: message, column: token.column,
                                    hint: "did you mean '\(right)'? write \(field) \(right) \(example)")
        }
        switch token.text {
        case "!":
            return QuerySyntaxError(message: message, column: token.column,
                                    hint: "write \(field) != \(example) to exclude a value, or 'not' before a condition")
        case "!~", "~!":
            return QuerySyntaxError(message: message, column: token.column,
                                    hint: "write not (\(field) ~ \(example))")
        default:
            return QuerySyntaxError(message: message, column: token.column,
                                    hint: "the operators are = != < <= > >= ~, plus in (…), has and exists")
        }
    }

    /// A field with no operator after it.
    static func missing(after field: QueryField, found token: QueryToken) -> QuerySyntaxError {
        let found = token.kind == .end ? "" : ", found '\(token.shown)'"
        var hint = "compare it with a value, e.g. \(field.name) = value, or test \(field.name) exists"
        if !field.quoted, EntryType(rawValue: field.name.lowercased()) != nil {
            hint = "to find records of that type, write type = \(field.name.lowercased())"
        } else if !field.quoted, field.computed == nil, token.kind == .word, token.text.lowercased() == "is" {
            hint = "write \(field.name) = value, or \(field.name) exists"
        }
        return QuerySyntaxError(message: "expected an operator after '\(field.name)'\(found)",
                                column: token.column, hint: hint)
    }

    /// An example for a missing value, suited to the operator.
    static func valueExample(after op: String) -> String {
        switch op {
        case "<", "<=", ">", ">=": "compare with a number or a date, e.g. distress >= 70"
        case "~": "give the text to look for, e.g. title ~ bus, or a pattern: title ~ \"bus*\""
        case "has": "name the item, e.g. flags has triggered"
        case "(", ",": "list values, e.g. type in (mood, reflection)"
        default: "e.g. type = mood, or quote text with spaces: title = \"bad day\""
        }
    }
}
