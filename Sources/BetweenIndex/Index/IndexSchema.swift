import BetweenCore
internal import GRDB

/// The index's tables (see docs/index.md for users of `between sql`).
///
/// Fields live in an entity–attribute–value table typed by value (`num`, `text`,
/// `date` columns, each indexed with `key`), rather than JSON columns: a query such
/// as `distress >= 70` or `emotions.anxious > 50` becomes one indexed range scan
/// on `(key, num)`, whatever key the person invents, with no expression index to
/// create per key. Nested maps are flattened to dotted keys and every list item
/// gets its own row, so `flags has triggered` is an indexed equality.
enum IndexSchema {
    /// Bumped whenever the tables change. Part of the index's fingerprint, with a hash of
    /// the code that fills them, so a change to what is stored needs no bump to be seen.
    static let version = 9

    /// The application id SQLite stores in the file header: tells our index from a
    /// foreign SQLite database put in its place.
    static let applicationID: Int32 = 0x4254_5731 // "BTW1"

    /// Creates the tables and indexes in `db`, an empty database. An index of another
    /// version is never migrated: it is a cache, so it is built afresh (`IndexFingerprint`).
    static func create(in db: Database) throws {
        try db.create(table: "record") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("path", .text).notNull().unique()
            t.column("type", .text).notNull().indexed()
            t.column("title", .text).notNull()
            t.column("date", .text)            // as written, ISO form
            t.column("sort_key", .text)        // wall-clock YYYY-MM-DDTHH:MM:SS
            t.column("day", .text).indexed()   // YYYY-MM-DD, the writer's day
            t.column("week", .text)            // ISO week of that day, YYYY-Www
            t.column("private", .boolean).notNull()
            t.column("has_front_matter", .boolean).notNull()
            t.column("words", .integer).notNull()
            t.column("homework", .text).indexed() // own id for assignments, practised id for others
            t.column("homework_line", .integer)    // where that id was written, for cross-file diagnostics
            t.column("homework_column", .integer)
            t.column("size", .integer).notNull()
            t.column("mtime", .integer).notNull()
            t.column("hash", .text).notNull()
            t.column("entry", .blob).notNull() // the whole Entry, for commands that need typed records
            t.column("body", .text).notNull()  // plain text, for full-text search
        }
        try db.create(table: "field") { t in
            t.belongsTo("record", onDelete: .cascade).notNull()
            t.column("key", .text).notNull()   // dotted for nested maps: emotions.anxious
            t.column("num", .double)
            t.column("text", .text)            // lowercased text form, for = ~ in has
            t.column("date", .text)            // sort key when the value is a date
        }
        // Half the rows have no number and nine in ten no date: those indexes hold
        // only the rows that have one (any comparison of `num` or `date` implies it),
        // which makes them cheaper to build and to keep. Every row has a key, so a
        // test of the key alone (`exists`) uses the text index.
        try db.create(index: "field_key_num", on: "field", columns: ["key", "num"], condition: Column("num") != nil)
        try db.create(index: "field_key_text", on: "field", columns: ["key", "text"])
        try db.create(index: "field_key_date", on: "field", columns: ["key", "date"], condition: Column("date") != nil)
        for (table, columns) in [
            ("section", ["heading TEXT NOT NULL", "level INTEGER NOT NULL", "line INTEGER NOT NULL", "text TEXT NOT NULL"]),
            ("question", ["text TEXT NOT NULL", "section TEXT NOT NULL", "line INTEGER NOT NULL"]),
            ("task", ["text TEXT NOT NULL", "done BOOLEAN NOT NULL", "line INTEGER NOT NULL"]),
            ("link", ["destination TEXT NOT NULL", "text TEXT NOT NULL", "line INTEGER NOT NULL"]),
            // scope 'file': found in the file alone; 'vault': needs other files (unknown or duplicate homework ids).
            ("diagnostic", ["scope TEXT NOT NULL", "line INTEGER", "column INTEGER", "severity TEXT NOT NULL", "message TEXT NOT NULL"]),
        ] {
            try db.execute(sql: """
                CREATE TABLE \(table) (recordId INTEGER NOT NULL REFERENCES record(id) ON DELETE CASCADE, \
                \(columns.joined(separator: ", ")))
                """)
            try db.execute(sql: "CREATE INDEX \(table)_record ON \(table)(recordId)")
        }
        // Problems with files that could not be read at all (no record).
        try db.create(table: "skipped") { t in
            t.column("path", .text).notNull().primaryKey()
            t.column("size", .integer).notNull()
            t.column("mtime", .integer).notNull()
            t.column("severity", .text).notNull()
            t.column("message", .text).notNull()
            t.column("line", .integer)
            t.column("column", .integer)
        }
        // Full-text search over titles and bodies (external content: the record
        // table). Filled on the first `search`, which also installs the triggers
        // that keep it in step from then on: a cold index doesn't pay for it.
        try db.execute(sql: """
            CREATE VIRTUAL TABLE search USING fts5(title, body, content='record', content_rowid='id', \
            tokenize='unicode61 remove_diacritics 2')
            """)
        try db.create(table: "meta") { t in
            t.column("key", .text).notNull().primaryKey()
            t.column("value", .text).notNull()
        }
        // Every refresh reads every file's stamp; this covering index holds just
        // those columns, so a warm refresh reads ~1 MB instead of every record.
        try db.create(index: "record_stamp", on: "record", columns: ["path", "size", "mtime", "hash"])
    }

    /// The triggers that keep the full-text table in step with `record`, installed
    /// when the first `search` fills it (`ensureSearchTable`).
    static let searchTriggers = """
        CREATE TRIGGER record_search_insert AFTER INSERT ON record BEGIN
            INSERT INTO search(rowid, title, body) VALUES (new.id, new.title, new.body);
        END;
        CREATE TRIGGER record_search_delete AFTER DELETE ON record BEGIN
            INSERT INTO search(search, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
        END;
        CREATE TRIGGER record_search_update AFTER UPDATE OF title, body ON record BEGIN
            INSERT INTO search(search, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
            INSERT INTO search(rowid, title, body) VALUES (new.id, new.title, new.body);
        END;
        """
}
