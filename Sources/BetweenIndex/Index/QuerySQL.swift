import BetweenCore
internal import GRDB

/// The SQL of a compiled query: a condition on `record r` whose every value and
/// front-matter key is a bound argument. The semantics are `QueryCompiler`'s (its doc
/// comment); the test suite checks them against a reference evaluator.
extension CompiledQuery {
    /// The condition, with its bound values.
    var sql: SQLFragment {
        Self.fragment(expression)
    }

    private static func fragment(_ expression: QueryExpression) -> SQLFragment {
        switch expression {
        case .condition(let condition): self.condition(condition)
        case .not(let inner): SQLFragment.not(fragment(inner))
        case .and: SQLFragment.join(QueryExpression.chain(expression).map(fragment), with: " AND ")
        case .or: SQLFragment.join(QueryExpression.chain(expression).map(fragment), with: " OR ")
        }
    }

    private static func condition(_ condition: QueryCondition) -> SQLFragment {
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
            let equal = target.compare(.equal, resolve(value))
            return SQLFragment.join([target.exists, SQLFragment.not(equal)], with: " AND ")
        case .compare(let op, let value):
            return target.compare(op, resolve(value))
        case .has(let value):
            return target.compare(.equal, resolve(value))
        case .isIn(let values):
            return target.anyEqual(values.map(resolve))
        }
    }

    private static func resolve(_ value: QueryValue) -> ResolvedValue {
        switch value.kind {
        case .text: ResolvedValue(written: value.written, kind: .text)
        case .number(let number): ResolvedValue(written: value.written, kind: .number(number))
        case .date(let date): ResolvedValue(written: value.written, kind: .date(date))
        // Compared field to field before this; elsewhere (a hand-made query) the name is text.
        case .field: ResolvedValue(written: value.written, kind: .text)
        // Never in a compiled query: `QueryCompiler.compile` made every one a date.
        case .relative: ResolvedValue(written: value.written, kind: .text)
        }
    }
}

/// A value as a condition compares with it.
private struct ResolvedValue {
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
