import BetweenCore

/// The SQL of each computed field, over the `record` table (aliased `r`): the whole list
/// of SQL a field name can produce. Any other name is a front-matter key and only ever
/// reaches SQL as a bound value.
extension ComputedField {
    /// The lowercased text form compared with `value` (already lowercased by Swift).
    ///
    /// Text is folded with `swiftLowercaseString`, GRDB's function for Swift's
    /// `lowercased()`, the same folding as `field.text` and the query's own values;
    /// SQLite's `lower()` folds ASCII letters only, so `title ~ ärger` would miss
    /// "Ärger". But lowercasing every body in Swift costs a few hundred milliseconds on
    /// ten years of notes, and an ASCII-only value can only match ASCII letters, which
    /// `lower()` folds just the same; so such a value takes the fast built-in.
    func textSQL(comparingWith value: String) -> String {
        let fold = value.utf8.allSatisfy { $0 < 0x80 } ? "lower" : "swiftLowercaseString"
        return switch self {
        case .path: "\(fold)(r.path)"
        case .title: "\(fold)(r.title)"
        case .type: "r.type"
        case .date: "lower(r.date)"
        case .day: "r.day"
        case .week: "lower(r.week)"
        case .words: "CAST(r.words AS TEXT)"
        case .isPrivate: "(CASE WHEN r.private THEN 'true' ELSE 'false' END)"
        case .text: "\(fold)(r.title || ' ' || r.body)"
        }
    }

    /// The numeric form, for fields that have one.
    var numberSQL: String? {
        switch self {
        case .words: "r.words"
        case .isPrivate: "r.private"
        default: nil
        }
    }

    /// True when the record has this field (only dated records have a date, day and week).
    var existsSQL: String {
        switch self {
        case .date: "r.sort_key IS NOT NULL"
        case .day: "r.day IS NOT NULL"
        case .week: "r.week IS NOT NULL"
        default: "1"
        }
    }

    /// What `--sort` orders by.
    var sortSQL: String {
        switch self {
        case .path: "r.path"
        case .title: "lower(r.title)"
        case .type: "r.type"
        case .date: "r.sort_key"
        case .day: "r.day"
        case .week: "r.week"
        case .words: "r.words"
        case .isPrivate: "r.private"
        case .text: "lower(r.title || ' ' || r.body)"
        }
    }

    /// The column and bound value a date compares with, for the date-like fields.
    func dateOperand(_ date: EntryDate) -> (sql: String, value: String)? {
        switch self {
        case .date: date.hasTime ? ("r.sort_key", date.sortKey) : ("r.day", date.dayString)
        case .day: ("r.day", date.dayString)
        case .week: ("r.week", date.isoWeek)
        default: nil
        }
    }
}
