import ArgumentParser
import BetweenCore
import BetweenIndex
import BetweenKit

/// Compiling a query expression against the index; a problem with it is a
/// `QueryProblem` (printed as the expression, a caret under the column, and a hint).
enum QueryRunner {
    /// `audience`: who the records are for; a private session note is `last-session` only
    /// when private entries reach them (not in `export` without `--include-private`).
    /// Without `strict`, a field no note has is a warning on stderr (unless `quiet`), with
    /// the field likely meant.
    static func query(_ expression: String, in index: Index, strict: Bool, audience: Audience = .owner,
                      quiet: Bool = false) throws -> RecordQuery {
        let today = LocalClock(timezone: index.vault.config.timezone).today()
        do {
            let parsed = try QueryParser.parse(expression)
            let lastSession = try index.lastSession(before: today, visibleTo: audience)
            let compiled = try QueryCompiler(context: QueryContext(today: today, lastSession: lastSession)).compile(parsed)
            if strict || !quiet {
                let unknown = try index.unknownFields(parsed.fields)
                if strict, let first = unknown.first { throw first.error }
                for field in unknown { Terminal.printWarning(field.warning) }
            }
            return .matching(compiled)
        } catch let error as QuerySyntaxError {
            throw QueryProblem(error: error, text: expression)
        }
    }

    /// The order of `--sort` (by path when there is none). A sort field no note has
    /// orders nothing: a warning on stderr (unless `quiet`), or with `strict` an error
    /// with a caret under it in the sort list, as for the expression's fields.
    static func order(_ spec: String?, in index: Index, strict: Bool = false, quiet: Bool = false) throws -> RecordOrder {
        guard let spec else { return .path }
        do {
            let keys = try QuerySortParser.parse(spec)
            if strict || !quiet {
                let unknown = try index.unknownFields(keys.map(\.field))
                if strict, let first = unknown.first { throw first.error }
                for field in unknown { Terminal.printWarning(field.sortWarning) }
            }
            return .sorted(keys)
        } catch let error as QuerySyntaxError {
            throw QueryProblem(error: error, text: spec)
        }
    }
}
