import BetweenCore

/// Turns a `QueryExpression` into a `CompiledQuery`: relative dates resolved against the
/// context, ready for the index, which turns it into SQL over `record r` whose every
/// value and front-matter key is a bound argument (`QuerySQL.swift`).
///
/// Semantics (the test suite checks them against a reference evaluator):
/// - A value compares in its kind. A number compares with numeric values (front-matter
///   numbers, text that reads as a number, and `words`, `private`); a date compares with
///   date values, by day when it has no time (`date <= 2026-11-20` includes 19:30 that
///   day) and by wall-clock time when it has one (a zone in it is ignored); anything
///   else, and any quoted value, compares as case-insensitive text. A computed field
///   without the value's kind (`title = 5`) compares with the value's text as written.
/// - Relative dates are days (`today`, `-7d`); `last-session` is the session's date as
///   written. `day` ignores a time in the value; `week` compares a date by its ISO week.
/// - A front-matter field may hold several values (one per list item): a comparison
///   matches when any value does, so `has` is `=` (`flags has triggered`).
/// - `~` looks for the text anywhere, ignoring case; with `*` or `?` it is a glob over
///   the whole value (`title ~ "bus*"`). It always compares text.
/// - `in (a, b)` is `= a or = b`. `exists` is true when the key is present, even empty.
/// - `f != v` means "f exists and no value of f equals v"; `not X` is plain negation,
///   so `not f = v` also matches records without `f`.
/// - A field compared with another (`suds-peak > suds-after`, `QueryValue.Kind.field`)
///   compares their numbers: it matches when some number of the one and some number of
///   the other in the same record pass; `f != g` when both have a number and no two are
///   equal. A record without a number in either never matches.
/// - A record without the field never matches a comparison; a field no record has
///   (see `unknownFields`) matches nothing.
/// - Case: front-matter text is compared fully lowercased; the computed `path`,
///   `title` and `text` fold ASCII letters only (SQLite's `lower`).
public struct QueryCompiler: Sendable {
    public var context: QueryContext

    public init(context: QueryContext) {
        self.context = context
    }

    /// Parses and compiles `query`.
    public func compile(_ query: String) throws(QuerySyntaxError) -> CompiledQuery {
        try compile(QueryParser.parse(query))
    }

    /// Compiles a parsed query; fails only for `last-session` when there is no session yet
    /// (at its first use, left to right).
    public func compile(_ expression: QueryExpression) throws(QuerySyntaxError) -> CompiledQuery {
        CompiledQuery(expression: try resolved(expression))
    }

    /// `expression` with every relative date replaced by its date. A chain of `and` or
    /// `or` is walked in a loop, not by recursion: a query may be thousands of conditions long.
    private func resolved(_ expression: QueryExpression) throws(QuerySyntaxError) -> QueryExpression {
        switch expression {
        case .condition(let condition):
            return .condition(try resolved(condition))
        case .not(let inner):
            return .not(try resolved(inner))
        case .and, .or:
            var operands: [QueryExpression] = []
            for operand in QueryExpression.chain(expression) { operands.append(try resolved(operand)) }
            let join: (QueryExpression, QueryExpression) -> QueryExpression = if case .and = expression { QueryExpression.and } else { QueryExpression.or }
            return operands.dropFirst().reduce(operands[0], join)
        }
    }

    private func resolved(_ condition: QueryCondition) throws(QuerySyntaxError) -> QueryCondition {
        var resolved = condition
        switch condition.test {
        case .compare(let op, let value): resolved.test = .compare(op, try self.resolved(value))
        case .has(let value): resolved.test = .has(try self.resolved(value))
        case .isIn(let values):
            var list: [QueryValue] = []
            for value in values { list.append(try self.resolved(value)) }
            resolved.test = .isIn(list)
        case .exists: break
        }
        return resolved
    }

    private func resolved(_ value: QueryValue) throws(QuerySyntaxError) -> QueryValue {
        guard case .relative(let relative) = value.kind else { return value }
        return QueryValue(written: value.written, kind: .date(try context.resolve(relative, column: value.column)), column: value.column)
    }
}
