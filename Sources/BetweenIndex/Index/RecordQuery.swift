import BetweenCore

/// Which records to read: the only way code outside the index asks for them. Only the
/// index turns a query into SQL (`RecordQuerySQL.swift`), with every value bound.
public indirect enum RecordQuery: Sendable {
    /// Every record.
    case all
    /// No record.
    case none
    /// The record of the note at this path (relative to the vault).
    case path(String)
    case type(EntryType)
    case excludingTypes([EntryType])
    /// Records whose day is from the first through the last day given.
    case days(from: EntryDate, through: EntryDate)
    /// Records dated before this day.
    case before(EntryDate)
    /// Records dated on or before this day.
    case through(EntryDate)
    /// Entries that practise the assignment with this id (not the assignment itself).
    case practising(String)
    /// Records with the front-matter field `key` holding `value` (any case), as one of its values.
    case fieldText(String, equals: String)
    /// Records `audience` may see (`Audience`): the privacy rule, the only place it is SQL.
    case visible(to: Audience)
    /// Records matching an expression of the query language.
    case matching(CompiledQuery)
    /// Records matching every one of these.
    case and([RecordQuery])

    /// Records matching both.
    public static func && (lhs: RecordQuery, rhs: RecordQuery) -> RecordQuery {
        switch (lhs, rhs) {
        case (.and(let left), .and(let right)): .and(left + right)
        case (.and(let left), _): .and(left + [rhs])
        case (_, .and(let right)): .and([lhs] + right)
        default: .and([lhs, rhs])
        }
    }
}

/// In which order records come: always ending with the path, so ties are in one order.
public enum RecordOrder: Sendable {
    /// By path.
    case path
    /// Oldest first, by wall-clock time (undated last).
    case date
    /// Newest first.
    case newestFirst
    /// By these fields, as `--sort` names them (`QuerySortParser`).
    case sorted([QuerySortKey])
}
