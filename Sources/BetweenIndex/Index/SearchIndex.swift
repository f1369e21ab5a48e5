import BetweenCore
internal import GRDB

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
        let split = words.flatMap { $0.split(whereSeparator: \.isWhitespace) }.map(String.init)
        let terms = split.map { "\"" + $0.replacingAll(UInt8(ascii: "\""), with: "\"\"") + "\"" }
        guard !terms.isEmpty else { return [] }
        try ensureSearchTable()
        let match = terms.joined(separator: " ")
        return try database.read { db in
            // Ranked first, excerpts after, for the shown hits only (one seek each).
            // FTS5's snippet() takes time in the square of a note's matches (10 s for
            // one note holding a word 50,000 times), so a note over `snippetLimit`
            // bytes gets its excerpt from `SearchExcerpt` instead.
            let ranked = try Int64.fetchAll(db, sql: """
                SELECT search.rowid FROM search JOIN record r ON r.id = search.rowid
                WHERE search MATCH ? ORDER BY bm25(search, 5.0, 1.0), r.path LIMIT ?
                """, arguments: [match, limit])
            return try ranked.compactMap { id in
                try Row.fetchOne(db, sql: """
                    SELECT r.path, r.title, r.type, r.date, r.private,
                           CASE WHEN r.size <= \(Self.snippetLimit) THEN snippet(search, 1, ?, ?, '…', 16) END,
                           CASE WHEN r.size > \(Self.snippetLimit) THEN r.body END
                    FROM search JOIN record r ON r.id = search.rowid
                    WHERE search MATCH ? AND search.rowid = ?
                    """, arguments: [SearchHit.highlightStart, SearchHit.highlightEnd, match, id]).map { row in
                    let snippet: String? = row[5]
                    return SearchHit(path: row[0], title: row[1], type: row[2], date: row[3], isPrivate: row[4],
                                     snippet: snippet ?? SearchExcerpt.of(row[6] ?? "", words: split))
                }
            }
        }
    }

    /// Notes larger than this (in bytes, as files) get their excerpt from `SearchExcerpt`.
    static let snippetLimit = 32 * 1024

    /// Fills the full-text table if it is still empty, and installs the triggers that keep it in step.
    func ensureSearchTable() throws {
        try fillOnFirstUse(.search) { db in
            try db.execute(sql: "INSERT INTO search(search) VALUES ('rebuild')")
            try db.execute(sql: IndexSchema.searchTriggers)
        }
    }
}
