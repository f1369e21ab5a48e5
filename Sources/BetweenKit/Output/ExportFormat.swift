import BetweenCore
import BetweenIndex

/// How `between export` writes records for spreadsheets and other tools.
///
/// JSON and JSONL are the same record objects as `list`. CSV has the fixed columns
/// `path,type,date,title,private`, then one column per front-matter key (nested keys
/// dotted, e.g. `emotions.anxious`) in alphabetical order — a stable order whatever
/// order files wrote them in; list values are joined with "; ".
public enum ExportFormat: String, Sendable, CaseIterable {
    case json, jsonl, csv

    /// The CSV columns after the fixed ones: every front-matter key (dotted), sorted.
    static func columns(_ keys: Set<String>) -> [String] {
        keys.subtracting(["type", "date", "title", "private"]).sorted()
    }

    static func header(_ columns: [String]) -> String {
        CSV.line(["path", "type", "date", "title", "private"] + columns)
    }

    static func row(_ entry: Entry, _ columns: [String]) -> String {
        let values = flatten(entry.fields)
        return CSV.line([entry.path, entry.type.rawValue, entry.date?.isoText ?? "", entry.title, entry.isPrivate ? "true" : "false"]
                        + columns.map { values[$0] ?? "" })
    }

    /// Front matter as dotted keys → text as written.
    static func flatten(_ fields: [FieldPair]) -> [String: String] {
        var result: [String: String] = [:]
        var pending: [(String, FieldValue)] = fields.map { ($0.key, $0.value) }
        while let (key, value) = pending.popLast() {
            switch value {
            case .map(let pairs):
                pending += pairs.map { ("\(key).\($0.key)", $0.value) }
            case .list(let items):
                result[key] = items.map { EntryText.inline($0) }.joined(separator: "; ")
            case .date(let date):
                result[key] = date.isoText
            default:
                result[key] = EntryText.inline(value)
            }
        }
        return result
    }
}

extension ExportFormat {
    /// The records of `index` matching `query` in this format, handed to `output` a record
    /// at a time (CSV reads the records twice: first for its columns), so an export of
    /// every note never holds them all.
    public func write(from index: Index, matching query: RecordQuery = .all, to output: (String) throws -> Void) throws {
        switch self {
        case .json: try RecordFormat.json.write(from: index, matching: query, to: output)
        case .jsonl: try RecordFormat.jsonl.write(from: index, matching: query, to: output)
        case .csv:
            var keys = Set<String>()
            try index.forEachEntry(matching: query) { keys.formUnion(Self.flatten($0.fields).keys) }
            let columns = Self.columns(keys)
            try output(Self.header(columns))
            try index.forEachEntry(matching: query) { try output(Self.row($0, columns)) }
        }
    }
}
