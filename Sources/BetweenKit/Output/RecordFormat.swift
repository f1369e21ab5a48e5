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
    /// Only the paths, one per line (for `xargs`, editors).
    case paths

    /// The records in this format. Table and CSV show the main columns; JSON shows everything.
    public func render(_ entries: [Entry]) -> String {
        switch self {
        case .table:
            guard !entries.isEmpty else { return "" }
            return TextTable(headers: ["DATE", "TYPE", "TITLE", "PATH"], rows: entries.map { entry in
                [entry.date?.isoText.replacingAll("T", with: " ") ?? "-", entry.type.rawValue,
                 entry.title + (entry.isPrivate ? " (private)" : ""), entry.path]
            }).render()
        case .json:
            return JSONValue.array(entries.map(EntryJSON.record)).serialized(pretty: true) + "\n"
        case .jsonl:
            return entries.map { EntryJSON.record($0).serialized() + "\n" }.joined()
        case .csv:
            return CSV.document(headers: ["path", "type", "date", "title", "private", "errors", "warnings"], rows: entries.map { entry in
                let errors = entry.diagnostics.filter { $0.severity == .error }.count
                return [entry.path, entry.type.rawValue, entry.date?.isoText ?? "", entry.title,
                        entry.isPrivate ? "true" : "false", String(errors), String(entry.diagnostics.count - errors)]
            })
        case .paths:
            return entries.map { $0.path + "\n" }.joined()
        }
    }
}

extension Index {
    /// The records matching `filter` rendered in `format`; `paths` reads only the paths.
    public func render(_ format: RecordFormat, matching filter: RecordFilter = .all, order: RecordFilter? = nil,
                       limit: Int? = nil) throws -> String {
        if format == .paths {
            return try paths(matching: filter, order: order, limit: limit).map { $0 + "\n" }.joined()
        }
        return format.render(try entries(matching: filter, order: order, limit: limit))
    }
}
