import BetweenCore
internal import GRDB

/// The parse options (`private-by-default` from `between.yml`) the index's records were
/// parsed with, kept in `meta`. A record's privacy depends on them, not only on its
/// file: when they change, every file is parsed again, or a vault switched to
/// `private-by-default: true` would go on sharing records indexed as public.
enum ParseOptionsStamp {
    static let key = "parse-options"

    /// The options as stored: their every field, so one added later counts too.
    static func value(of options: EntryParser.Options) -> String {
        String(describing: options)
    }

    static func stored(in db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key])
    }

    static func store(_ value: String, in db: Database) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", arguments: [key, value])
    }
}
