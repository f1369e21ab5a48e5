/// How `between sql` prints rows.
public enum ResultSetFormat: String, Sendable, CaseIterable {
    case table, json, csv

    public func render(_ result: ReadOnlySQL.ResultSet) -> String {
        switch self {
        case .table:
            guard !result.columns.isEmpty else { return "" }
            return TextTable(headers: result.columns, rows: result.rows.map { $0.map(Self.cell) }).render(maxCellWidth: 80)
        case .json:
            return JSONValue.array(result.rows.map { row in
                .object(Array(zip(result.columns, row)))
            }).serialized(pretty: true) + "\n"
        case .csv:
            return CSV.document(headers: result.columns, rows: result.rows.map { $0.map(Self.cell) })
        }
    }

    private static func cell(_ value: JSONValue) -> String {
        switch value {
        case .null: ""
        case .string(let text): text
        default: value.serialized()
        }
    }
}
