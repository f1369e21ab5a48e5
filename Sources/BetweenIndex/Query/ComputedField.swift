import BetweenCore

/// Fields every record has, read from `record` columns rather than front matter (their
/// SQL is in the index, `ComputedFieldSQL.swift`).
///
/// A bare computed name hides a front-matter key of the same name; quote it (`"date"`)
/// to reach the key.
public enum ComputedField: String, Sendable, Hashable, CaseIterable {
    /// Path relative to the vault root.
    case path
    /// The `title` field, else the first level-1 heading, else the file name.
    case title
    /// The record type (`note` for a file without a known `type:`).
    case type
    /// The entry's (valid) date: compares by day with a date, by wall-clock time with a date-time.
    case date
    /// The entry's day, `YYYY-MM-DD`: a time in the compared value is ignored.
    case day
    /// The ISO week of the entry's day, `YYYY-Www`; a date compared with it stands for its week.
    case week
    /// Words in the body.
    case words
    /// `true` or `false` (also 1 or 0).
    case isPrivate = "private"
    /// Title and body text, for `text ~ bus`.
    case text

    /// The names, for messages and suggestions.
    public static var names: [String] { allCases.map(\.rawValue) }
}
