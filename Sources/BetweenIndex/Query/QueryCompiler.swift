import BetweenCore
import GRDB

/// Turns a `QueryExpression` into a `RecordFilter`: SQL over `record r` whose every
/// value and front-matter key is a bound argument.
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
    public func filter(_ query: String) throws(QuerySyntaxError) -> RecordFilter {
        try filter(for: QueryParser.parse(query))
    }

    /// Compiles a parsed query; fails only for `last-session` when there is no session yet.
    public func filter(for expression: QueryExpression) throws(QuerySyntaxError) -> RecordFilter {
        try fragment(expression).filter
    }

    private func fragment(_ expression: QueryExpression) throws(QuerySyntaxError) -> SQLFragment {
        switch expression {
        case .condition(let condition): try self.condition(condition)
        case .not(let inner): SQLFragment.not(try fragment(inner))
        case .and: SQLFragment.join(try Self.chain(expression).map(fragment), with: " AND ")
        case .or: SQLFragment.join(try Self.chain(expression).map(fragment), with: " OR ")
        }
    }

    /// The operands of a chain like `a and b and c` (parsed as `(a and b) and c`), in
    /// order, so the SQL has one bracket per chain, not one per `and`: SQLite's parser
    /// refuses expressions nested more than about a hundred brackets deep.
    private static func chain(_ expression: QueryExpression) -> [QueryExpression] {
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

    private func condition(_ condition: QueryCondition) throws(QuerySyntaxError) -> SQLFragment {
        let target = Target(condition.field)
        switch condition.test {
        case .exists:
            return target.exists
        case .compare(.notEqual, let value) where value.kind == .field:
            return SQLFragment.join([target.bothHaveNumbers(value.written), SQLFragment.not(target.compare(.equal, field: value.written))],
                                    with: " AND ")
        case .compare(let op, let value) where value.kind == .field:
            return target.compare(op, field: value.written)
        case .compare(.notEqual, let value):
            let equal = target.compare(.equal, try resolve(value))
            return SQLFragment.join([target.exists, SQLFragment.not(equal)], with: " AND ")
        case .compare(let op, let value):
            return target.compare(op, try resolve(value))
        case .has(let value):
            return target.compare(.equal, try resolve(value))
        case .isIn(let values):
            var resolved: [ResolvedValue] = []
            for value in values { resolved.append(try resolve(value)) }
            return target.anyEqual(resolved)
        }
    }

    private func resolve(_ value: QueryValue) throws(QuerySyntaxError) -> ResolvedValue {
        switch value.kind {
        case .text: ResolvedValue(written: value.written, kind: .text)
        case .number(let number): ResolvedValue(written: value.written, kind: .number(number))
        case .date(let date): ResolvedValue(written: value.written, kind: .date(date))
        // Compared field to field before this; elsewhere (a hand-made query) the name is text.
        case .field: ResolvedValue(written: value.written, kind: .text)
        case .relative(let relative):
            ResolvedValue(written: value.written, kind: .date(try context.resolve(relative, column: value.column)))
        }
    }
}

/// A value with relative dates made absolute.
struct ResolvedValue {
    enum Kind { case text, number(Double), date(EntryDate) }
    var written: String
    var kind: Kind
}

/// What a field name compiles to: a computed column or rows of `field f` for a key.
private enum Target {
    case computed(ComputedField)
    case key(String)

    init(_ field: QueryField) {
        self = field.computed.map(Target.computed) ?? .key(field.name)
    }

    var exists: SQLFragment {
        switch self {
        case .computed(let field): SQLFragment("(\(field.existsSQL))")
        case .key(let key): Self.rows(key, nil)
        }
    }

    func compare(_ op: QueryOperator, _ value: ResolvedValue) -> SQLFragment {
        switch self {
        case .computed(let field): Self.computed(field, op, value)
        case .key(let key): Self.rows(key, Self.rowTest(op, value))
        }
    }

    func anyEqual(_ values: [ResolvedValue]) -> SQLFragment {
        switch self {
        case .computed(let field): SQLFragment.join(values.map { Self.computed(field, .equal, $0) }, with: " OR ")
        case .key(let key): Self.rows(key, SQLFragment.join(values.map { Self.rowTest(.equal, $0) }, with: " OR "))
        }
    }

    /// Records where a number of this field and one of the field `other` pass `op`. A
    /// computed field has no rows to pair, and `~` compares text: both take the name as text.
    func compare(_ op: QueryOperator, field other: String) -> SQLFragment {
        guard case .key(let key) = self, op != .contains else { return compare(op, ResolvedValue(written: other, kind: .text)) }
        return SQLFragment("r.id IN (SELECT f.recordId FROM field f JOIN field g ON g.recordId = f.recordId "
                           + "WHERE f.key = ? AND g.key = ? AND f.num \(op.rawValue) g.num)", [key.databaseValue, other.databaseValue])
    }

    /// Records where this field and the field `other` both have a number.
    func bothHaveNumbers(_ other: String) -> SQLFragment {
        guard case .key(let key) = self else { return exists }
        return SQLFragment("r.id IN (SELECT f.recordId FROM field f JOIN field g ON g.recordId = f.recordId "
                           + "WHERE f.key = ? AND g.key = ? AND f.num IS NOT NULL AND g.num IS NOT NULL)",
                           [key.databaseValue, other.databaseValue])
    }

    /// Records with a row for `key` passing `test` (an indexed lookup on `(key, …)`).
    private static func rows(_ key: String, _ test: SQLFragment?) -> SQLFragment {
        var sql = "r.id IN (SELECT f.recordId FROM field f WHERE f.key = ?"
        var values = [key.databaseValue]
        if let test {
            sql += " AND \(test.sql)"
            values += test.values
        }
        return SQLFragment(sql + ")", values)
    }

    /// A test of one `field` row against a value.
    private static func rowTest(_ op: QueryOperator, _ value: ResolvedValue) -> SQLFragment {
        if op == .contains {
            return SQLFragment("f.text \(LikePattern.operatorSQL)", [LikePattern.pattern(for: value.written.lowercased()).databaseValue])
        }
        switch value.kind {
        case .number(let number):
            return SQLFragment("f.num \(op.rawValue) ?", [number.databaseValue])
        case .date(let date) where date.hasTime:
            return SQLFragment("f.date \(op.rawValue) ?", [date.sortKey.databaseValue])
        case .date(let date):
            return SQLFragment("substr(f.date, 1, 10) \(op.rawValue) ?", [date.dayString.databaseValue])
        case .text:
            return SQLFragment("f.text \(op.rawValue) ?", [value.written.lowercased().databaseValue])
        }
    }

    /// A test of a computed column; each side is checked for NULL so `not` stays two-valued.
    private static func computed(_ field: ComputedField, _ op: QueryOperator, _ value: ResolvedValue) -> SQLFragment {
        /// `rest` is the operator and its one placeholder: `>= ?`, `LIKE ? ESCAPE '\'`.
        func test(_ column: String, _ rest: String, _ bound: DatabaseValue) -> SQLFragment {
            SQLFragment("(\(column) IS NOT NULL AND \(column) \(rest))", [bound])
        }
        if op == .contains {
            let lowered = value.written.lowercased()
            return test(field.textSQL(comparingWith: lowered), LikePattern.operatorSQL, LikePattern.pattern(for: lowered).databaseValue)
        }
        switch value.kind {
        case .number(let number):
            if let column = field.numberSQL { return test(column, op.rawValue + " ?", number.databaseValue) }
        case .date(let date):
            if let (column, bound) = field.dateOperand(date) { return test(column, op.rawValue + " ?", bound.databaseValue) }
        case .text:
            break
        }
        let lowered = value.written.lowercased()
        return test(field.textSQL(comparingWith: lowered), op.rawValue + " ?", lowered.databaseValue)
    }
}
