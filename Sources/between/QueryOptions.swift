import BetweenCore
import BetweenIndex
import ArgumentParser
import BetweenKit

/// Compiling a query expression against the index, with errors printed as the
/// expression, a caret under the column, and a hint.
enum QueryRunner {
    /// `includePrivate`: whether a private session note may be the `last-session` (not in
    /// `export` without `--include-private`). Without `strict`, a field no note has is a
    /// warning on stderr (unless `quiet`), with the field likely meant.
    static func filter(_ expression: String, in index: Index, strict: Bool, includePrivate: Bool = true,
                       quiet: Bool = false) throws -> RecordFilter {
        let today = LocalClock(timezone: index.vault.config.timezone).today()
        do {
            let parsed = try QueryParser.parse(expression)
            let lastSession = try index.read { try QueryContext.lastSession(before: today, includePrivate: includePrivate, in: $0) }
            let filter = try QueryCompiler(context: QueryContext(today: today, lastSession: lastSession)).filter(for: parsed)
            if strict || !quiet {
                let unknown = try index.read { try QueryCompiler.unknownFields(in: parsed, db: $0) }
                if strict, let first = unknown.first { throw first.error }
                for field in unknown { Terminal.printWarning(field.warning) }
            }
            return filter
        } catch let error as QuerySyntaxError {
            Terminal.writeError(error.render(query: expression, color: Terminal.stderrWantsColor))
            throw ExitCode(2)
        }
    }

    static func order(_ spec: String?, expression: String) throws -> RecordFilter? {
        guard let spec else { return nil }
        do {
            return try QueryCompiler.order(spec)
        } catch {
            Terminal.writeError(error.render(query: spec))
            throw ExitCode(2)
        }
    }
}
