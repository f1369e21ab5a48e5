import BetweenCore
internal import GRDB

/// A piece of SQL with the values bound to its `?` placeholders, in order.
struct SQLFragment: Sendable {
    var sql: String
    var values: [DatabaseValue]

    init(_ sql: String, _ values: [DatabaseValue] = []) {
        self.sql = sql
        self.values = values
    }

    /// Joins fragments with `separator` (` AND `, ` OR `), parenthesised.
    static func join(_ parts: [SQLFragment], with separator: String) -> SQLFragment {
        guard parts.count != 1 else { return parts[0] }
        return SQLFragment("(" + parts.map(\.sql).joined(separator: separator) + ")", parts.flatMap(\.values))
    }

    static func not(_ inner: SQLFragment) -> SQLFragment {
        SQLFragment("(NOT \(inner.sql))", inner.values)
    }

    /// The values, as GRDB binds them.
    var arguments: StatementArguments {
        StatementArguments(values)
    }
}

/// Patterns for `~`, as SQL `LIKE` patterns with `\` as the escape character.
enum LikePattern {
    /// `*` or `?` in the value make it a glob over the whole value; otherwise it is
    /// looked for anywhere. `%`, `_` and `\` always stand for themselves.
    static func pattern(for value: String) -> String {
        let isGlob = value.contains("*") || value.contains("?")
        var result = isGlob ? "" : "%"
        for character in value {
            switch character {
            case "*" where isGlob: result += "%"
            case "?" where isGlob: result += "_"
            case "%", "_", "\\": result += "\\" + String(character)
            default: result.append(character)
            }
        }
        return isGlob ? result : result + "%"
    }

    /// The SQL test of `expression` against a bound pattern.
    static let operatorSQL = "LIKE ? ESCAPE '\\'"
}
