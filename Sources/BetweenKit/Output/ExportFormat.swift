/// How `between export` writes records for spreadsheets and other tools.
public enum ExportFormat: String, Sendable, CaseIterable {
    case json, jsonl, csv

    /// JSON and JSONL are the same record objects as `list`. CSV has the fixed columns
    /// `path,type,date,title,private`, then one column per front-matter key (nested
    /// keys dotted, e.g. `emotions.anxious`) in alphabetical order — a stable order
    /// whatever order files wrote them in; list values are joined with "; ".
    public func render(_ entries: [Entry]) -> String {
        switch self {
        case .json: return RecordFormat.json.render(entries)
        case .jsonl: return RecordFormat.jsonl.render(entries)
        case .csv:
            let flattened = entries.map { Self.flatten($0.fields) }
            let keys = Set(flattened.flatMap(\.keys)).subtracting(["type", "date", "title", "private"]).sorted()
            let rows = zip(entries, flattened).map { entry, values in
                [entry.path, entry.type.rawValue, entry.date?.isoText ?? "", entry.title, entry.isPrivate ? "true" : "false"]
                    + keys.map { values[$0] ?? "" }
            }
            return CSV.document(headers: ["path", "type", "date", "title", "private"] + keys, rows: rows)
        }
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
