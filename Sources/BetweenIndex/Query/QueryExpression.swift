import BetweenCore

/// A parsed query: conditions joined by `and`, `or`, `not` (see `QueryParser`).
public indirect enum QueryExpression: Sendable, Hashable {
    case condition(QueryCondition)
    case not(QueryExpression)
    case and(QueryExpression, QueryExpression)
    case or(QueryExpression, QueryExpression)

    /// The operands of a chain like `a and b and c` (parsed as `(a and b) and c`), in
    /// order: walked in a loop, since a query may be thousands of conditions long, and the
    /// SQL gets one bracket per chain, not one per `and` (SQLite's parser refuses
    /// expressions nested more than about a hundred brackets deep).
    static func chain(_ expression: QueryExpression) -> [QueryExpression] {
        var operands: [QueryExpression] = []
        var pending = [expression]
        while let next = pending.popLast() {
            switch (expression, next) {
            case (.and, .and(let left, let right)), (.or, .or(let left, let right)):
                pending += [right, left]
            default:
                operands.append(next)
            }
        }
        return operands
    }

    /// Every field the query names, in written order (a field compared with another,
    /// then that one), for unknown-field reports.
    public var fields: [QueryField] {
        switch self {
        case .condition(let condition):
            if case .compare(_, let value) = condition.test, value.kind == .field {
                [condition.field, QueryField(name: value.written, column: value.column)]
            } else {
                [condition.field]
            }
        case .not(let inner): inner.fields
        case .and(let left, let right), .or(let left, let right): left.fields + right.fields
        }
    }
}

/// One test of one field: `distress >= 70`, `type in (mood, reflection)`, `flags has triggered`, `mood exists`.
public struct QueryCondition: Sendable, Hashable {
    public var field: QueryField
    public var test: QueryTest

    public init(field: QueryField, test: QueryTest) {
        self.field = field
        self.test = test
    }
}

/// What a condition checks.
public enum QueryTest: Sendable, Hashable {
    case compare(QueryOperator, QueryValue)
    /// Equal to any of the values.
    case isIn([QueryValue])
    /// Some item of the (list) field equals the value; on a single value, the same as `=`.
    case has(QueryValue)
    /// The field is present, even with an empty value.
    case exists
}

/// The comparison operators.
public enum QueryOperator: String, Sendable, Hashable, CaseIterable {
    case equal = "="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    /// Contains (case-insensitive); with `*` or `?` in the value, a glob over the whole value.
    case contains = "~"
}

/// A field as named in a query.
///
/// A bare name that is one of `ComputedField`'s names means the computed field;
/// any other name, and any quoted name (`"date"`, `"a b"`), is a front-matter key,
/// matched exactly (keys are case-sensitive; nested keys are dotted).
public struct QueryField: Sendable, Hashable {
    public var name: String
    /// Written in quotes: always a front-matter key, never a computed field.
    public var quoted: Bool
    /// Where the name starts in the query text (1-based).
    public var column: Int

    public init(name: String, quoted: Bool = false, column: Int = 1) {
        self.name = name
        self.quoted = quoted
        self.column = column
    }

    /// The computed field this name means, if any.
    public var computed: ComputedField? {
        quoted ? nil : ComputedField(rawValue: name)
    }
}

/// A value as written in a query, with the kind it was read as.
public struct QueryValue: Sendable, Hashable {
    /// How a value compares (see `QueryCompiler` for the rules).
    public enum Kind: Sendable, Hashable {
        /// Compared as lowercased text. Quoted values are always text.
        case text
        /// `70`, `-3`, `6.5`: compared numerically.
        case number(Double)
        /// `2026-11-20` compares by day; `2026-11-20T19:30` by wall-clock time.
        case date(EntryDate)
        /// `today`, `-7d`, `last-session`: a date once the context is known.
        case relative(RelativeDay)
        /// The bare name of a field that holds a number (`suds-after`, `emotions-after.anxious`),
        /// compared with one that does too: the two fields' numbers are compared
        /// (`suds-peak > suds-after`). The name is `written`.
        case field
    }

    /// The text as written (without quotes, escapes resolved): what `~` and text comparisons use.
    public var written: String
    public var kind: Kind
    /// Where the value starts in the query text (1-based).
    public var column: Int

    public init(written: String, kind: Kind, column: Int = 1) {
        self.written = written
        self.kind = kind
        self.column = column
    }

    /// Reads a bare (unquoted) word: a relative date, a number, a date, or else text.
    /// A word shaped like a date (`NNNN-NN-NN…`) must be a real one.
    static func bare(_ word: String, column: Int) throws(QuerySyntaxError) -> QueryValue {
        if let relative = RelativeDay.parse(word, signRequired: true) {
            return QueryValue(written: word, kind: .relative(relative), column: column)
        }
        if isNumber(word), let number = Double(word) {
            return QueryValue(written: word, kind: .number(number), column: column)
        }
        if DateParser.looksLikeDate(word) {
            do {
                return QueryValue(written: word, kind: .date(try DateParser.parse(word)), column: column)
            } catch {
                throw QuerySyntaxError(
                    message: error.description, column: column,
                    hint: "write dates as YYYY-MM-DD, optionally with a time: 2026-11-20T19:30; quote the value to compare it as text")
            }
        }
        return QueryValue(written: word, kind: .text, column: column)
    }

    /// `[+-]digits[.digits]`: what counts as a number literal.
    static func isNumber(_ word: String) -> Bool {
        var rest = Substring(word)
        if let sign = rest.first, sign == "-" || sign == "+" { rest = rest.dropFirst() }
        let parts = rest.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isQueryDigit) }
    }
}
