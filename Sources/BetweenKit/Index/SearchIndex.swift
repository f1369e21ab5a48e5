import GRDB

/// One full-text search hit.
public struct SearchHit: Sendable, Hashable {
    public var path: String
    public var title: String
    public var type: String
    public var date: String?
    public var isPrivate: Bool
    /// A short excerpt with the matched words between `highlightStart` and `highlightEnd`.
    public var snippet: String

    /// Markers around matched words in `snippet` (private-use characters, replaced when printing).
    public static let highlightStart = "\u{E000}"
    public static let highlightEnd = "\u{E001}"
}

extension Index {
    /// Full-text search (FTS5, ranked by BM25) over titles and bodies.
    ///
    /// The search table is filled on first use, which also installs triggers that
    /// keep it in step with every later refresh; so a cold index doesn't pay for it.
    /// Each word must appear (any order); words are quoted, so punctuation in them
    /// is not FTS syntax.
    public func search(_ words: [String], limit: Int = 20) throws -> [SearchHit] {
        let terms = words.flatMap { $0.split(whereSeparator: \.isWhitespace) }
            .map { "\"" + String($0).replacingAll("\"", with: "\"\"") + "\"" }
        guard !terms.isEmpty else { return [] }
        try ensureSearchTable()
        return try database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT r.path, r.title, r.type, r.date, r.private,
                       snippet(search, 1, ?, ?, '…', 16) AS snippet
                FROM search JOIN record r ON r.id = search.rowid
                WHERE search MATCH ?
                ORDER BY bm25(search, 5.0, 1.0), r.path
                LIMIT ?
                """, arguments: [SearchHit.highlightStart, SearchHit.highlightEnd, terms.joined(separator: " "), limit]).map { row in
                SearchHit(path: row["path"], title: row["title"], type: row["type"], date: row["date"],
                          isPrivate: row["private"], snippet: row["snippet"] ?? "")
            }
        }
    }

    /// Fills the full-text table if it is still empty, and installs the triggers that keep it in step.
    func ensureSearchTable() throws {
        try fillOnFirstUse(.search) { db in
            try db.execute(sql: """
                INSERT INTO search(search) VALUES ('rebuild');
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
                """)
        }
    }
}
