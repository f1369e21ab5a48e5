import BetweenCore
internal import GRDB

extension RecordQuery {
    /// The condition on `record r`, with its bound values.
    var sql: SQLFragment {
        switch self {
        case .all: SQLFragment("1")
        case .none: SQLFragment("0")
        case .path(let path): SQLFragment("r.path = ?", [path.databaseValue])
        case .type(let type): SQLFragment("r.type = ?", [type.rawValue.databaseValue])
        case .excludingTypes(let types):
            SQLFragment("r.type NOT IN (\(types.map { _ in "?" }.joined(separator: ", ")))", types.map(\.rawValue.databaseValue))
        case .days(let first, let last): SQLFragment("r.day BETWEEN ? AND ?", [first.dayString.databaseValue, last.dayString.databaseValue])
        case .before(let day): SQLFragment("r.day < ?", [day.dayString.databaseValue])
        case .through(let day): SQLFragment("r.day <= ?", [day.dayString.databaseValue])
        case .practising(let id): SQLFragment("(r.homework = ? AND r.type != ?)", [id.databaseValue, EntryType.homework.rawValue.databaseValue])
        case .fieldText(let key, let value):
            SQLFragment("EXISTS (SELECT 1 FROM field f WHERE f.recordId = r.id AND f.key = ? AND f.text = ?)",
                        [key.databaseValue, value.lowercased().databaseValue])
        // The one place the privacy rule is SQL: `private` is written from `Entry.isPrivate`.
        case .visible(let audience): audience.includesPrivate ? SQLFragment("1") : SQLFragment("r.private = 0")
        case .matching(let query): query.sql
        case .and(let parts): parts.isEmpty ? SQLFragment("1") : SQLFragment.join(parts.map(\.sql), with: " AND ")
        }
    }
}

extension RecordOrder {
    /// The ORDER BY terms (no `ORDER BY`, and without the path every order ends with),
    /// with their bound values; empty for `.path`.
    var sql: SQLFragment {
        switch self {
        case .path: SQLFragment("")
        case .date: SQLFragment("r.sort_key")
        case .newestFirst: SQLFragment("r.sort_key DESC")
        case .sorted(let keys): Self.terms(keys)
        }
    }

    /// Computed fields order by their column (`title` ignoring ASCII case, `date` by
    /// wall-clock time); a front-matter key orders by its first value, preferring the
    /// number, then the date, then the text (numbers sort before text). Records
    /// without a value come last in both directions.
    private static func terms(_ keys: [QuerySortKey]) -> SQLFragment {
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
        return SQLFragment(terms.joined(separator: ", "), values)
    }
}
