@testable import BetweenCore
@testable import BetweenIndex
@testable import BetweenKit

// Records rendered from entries held in memory: the oracles the index's streaming
// writers (`RecordFormat.write`, `ExportFormat.write`, which read a record at a time) are compared with.

extension RecordFormat {
    /// The records in this format. Table and CSV show the main columns (`RecordSummary`);
    /// JSON shows everything.
    func render(_ entries: [Entry]) -> String {
        switch self {
        case .table:
            return Self.table(entries.map(RecordSummary.init))
        case .csv:
            return Self.csv(entries.map(RecordSummary.init))
        case .json:
            return JSONValue.array(entries.map(EntryJSON.record)).serialized(pretty: true) + "\n"
        case .jsonl:
            return entries.map { EntryJSON.record($0).serialized() + "\n" }.joined()
        case .paths:
            return entries.map { TerminalText.path($0.path) + "\n" }.joined()
        }
    }
}

extension ExportFormat {
    /// The records in this format, all at once.
    func render(_ entries: [Entry]) -> String {
        switch self {
        case .json: return RecordFormat.json.render(entries)
        case .jsonl: return RecordFormat.jsonl.render(entries)
        case .csv:
            let columns = Self.columns(Set(entries.flatMap { Self.flatten($0.fields).keys }))
            return ([Self.header(columns)] + entries.map { Self.row($0, columns) }).joined()
        }
    }
}

extension RecordSummary {
    /// What the table and CSV show of an entry held in memory.
    init(_ entry: Entry) {
        let errors = entry.diagnostics.count { $0.severity == .error }
        self.init(path: entry.path, type: entry.type.rawValue, title: entry.title, date: entry.date?.isoText,
                  isPrivate: entry.isPrivate, errors: errors, warnings: entry.diagnostics.count - errors)
    }
}

extension Index {
    /// What `RecordFormat.write(from:matching:order:limit:to:)` hands over, as one string.
    func render(_ format: RecordFormat, matching query: RecordQuery = .all, order: RecordOrder = .path,
                limit: Int? = nil) throws -> String {
        var text = ""
        try format.write(from: self, matching: query, order: order, limit: limit) { text += $0 }
        return text
    }
}
