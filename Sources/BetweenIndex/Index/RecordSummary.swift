import BetweenCore

/// What the table and CSV forms of `list` and `query` show of a record. Each piece is
/// a column of the index's `record` table (or a count of its `diagnostic` rows), so
/// `Index.summaries` reads them without decoding whole records.
public struct RecordSummary: Sendable, Equatable {
    public var path: String
    public var type: String
    public var title: String
    /// The date as written, ISO form (`EntryDate.isoText`); nil without one.
    public var date: String?
    public var isPrivate: Bool
    public var errors: Int
    public var warnings: Int

    init(path: String, type: String, title: String, date: String?, isPrivate: Bool, errors: Int, warnings: Int) {
        self.path = path
        self.type = type
        self.title = title
        self.date = date
        self.isPrivate = isPrivate
        self.errors = errors
        self.warnings = warnings
    }
}
