import BetweenCore

/// A query whose relative dates (`today`, `-7d`, `last-session`) are resolved: ready to
/// run. Made by `QueryCompiler.compile`; the index turns it into SQL (`QuerySQL.swift`).
public struct CompiledQuery: Sendable, Hashable {
    /// The parsed expression with every relative date replaced by the date it stands
    /// for, as written (`written` kept).
    let expression: QueryExpression
}
