import BetweenCore
import BetweenIndex

/// How `list`, `query` and `export` print records.
public enum RecordFormat: String, Sendable, CaseIterable {
    /// Aligned columns for reading in a terminal.
    case table
    /// One JSON array of record objects.
    case json
    /// One record object per line.
    case jsonl
    /// Comma-separated values with a header row.
    case csv
    /// Only the paths, one per line (for `xargs`, editors); a path holding a control
    /// character (a line break, ESC…) is quoted, as in diagnostics (`TerminalText.path`).
    case paths

    /// Aligned columns: date (with a space before the time), type, title (marked when
    /// private), path; control characters shown as in `TerminalText`.
    static func table(_ records: [RecordSummary]) -> String {
        guard !records.isEmpty else { return "" }
        return TextTable(headers: ["DATE", "TYPE", "TITLE", "PATH"], rows: records.map { record in
            [record.date?.replacingAll(UInt8(ascii: "T"), with: " ") ?? "-", record.type,
             record.title + (record.isPrivate ? " (private)" : ""), TerminalText.path(record.path)]
        }).render()
    }

    static func csv(_ records: [RecordSummary]) -> String {
        CSV.document(headers: ["path", "type", "date", "title", "private", "errors", "warnings"], rows: records.map { record in
            [record.path, record.type, record.date ?? "", record.title,
             record.isPrivate ? "true" : "false", String(record.errors), String(record.warnings)]
        })
    }
}

extension RecordFormat {
    /// The records of `index` matching `query` in this format, handed to `output` in
    /// pieces: JSON a record at a time, so printing every record never holds them all.
    /// Only JSON decodes whole records; a table or CSV reads the columns it shows, paths
    /// only the paths.
    public func write(from index: Index, matching query: RecordQuery = .all, order: RecordOrder = .path,
                      limit: Int? = nil, to output: (String) throws -> Void) throws {
        switch self {
        case .paths:
            try output(try index.paths(matching: query, order: order, limit: limit).map { TerminalText.path($0) + "\n" }.joined())
        case .table:
            try output(Self.table(try index.summaries(matching: query, order: order, limit: limit)))
        case .csv:
            try output(Self.csv(try index.summaries(matching: query, order: order, limit: limit)))
        case .json:
            var array = JSONValue.ArrayWriter(pretty: true)
            try index.forEachEntry(matching: query, order: order, limit: limit) { try output(array.element(EntryJSON.record($0))) }
            try output(array.end() + "\n")
        case .jsonl:
            try index.forEachEntry(matching: query, order: order, limit: limit) { try output(EntryJSON.record($0).serialized() + "\n") }
        }
    }
}
