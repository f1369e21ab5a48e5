import BetweenCore
import BetweenIndex

/// How `between sql` prints rows.
public enum ResultSetFormat: String, Sendable, CaseIterable {
    case table, json, csv

    public func render(_ result: ReadOnlySQL.ResultSet) -> String {
        var text = ""
        let printer = Printer(self) { text += $0 }
        // Appending to a string can't fail.
        try? printer.begin(columns: result.columns)
        for row in result.rows { try? printer.add(row) }
        try? printer.finish()
        return text
    }

    /// Prints a result as its rows come, so a result of any length takes little
    /// memory: JSON and CSV a row at a time. A table holds its first `tableSample`
    /// rows (each cell already cut to 80 characters) to size its columns, then
    /// prints each later row as it comes; a later cell wider than its column widens
    /// that column from that row on. A result of up to `tableSample` rows prints
    /// exactly as a table sized by all of them.
    public final class Printer {
        /// Rows a table holds back to size its columns.
        public static let tableSample = 1_000
        private static let maxCellWidth = 80

        private let format: ResultSetFormat
        private let output: (String) throws -> Void
        private var columns: [String]?
        private var json = JSONValue.ArrayWriter(pretty: true)
        private var held: [[(text: String, width: Int)]] = []
        private var widths: [Int]?

        public init(_ format: ResultSetFormat, output: @escaping (String) throws -> Void) {
            self.format = format
            self.output = output
        }

        /// Starts the result with its column names (each result has one `begin`).
        public func begin(columns: [String]) throws {
            self.columns = columns
            switch format {
            case .table: held = [Self.cells(columns)]
            case .json: break
            case .csv: try output(CSV.line(columns))
            }
        }

        /// Prints (or, for the start of a table, holds) one row.
        public func add(_ row: [JSONValue]) throws {
            switch format {
            case .table:
                let cells = Self.cells(row.map(ResultSetFormat.cell))
                guard var widths else {
                    held.append(cells)
                    if held.count > Self.tableSample { try printHeld() }
                    return
                }
                for (index, cell) in cells.enumerated() where index < widths.count {
                    widths[index] = max(widths[index], cell.width)
                }
                self.widths = widths
                try output(TextTable.line(cells, widths: widths))
            case .json:
                try output(json.element(.object(Array(zip(columns ?? [], row)))))
            case .csv:
                try output(CSV.line(row.map(ResultSetFormat.cell)))
            }
        }

        /// Ends the result (with none begun: the output of a result with no columns).
        public func finish() throws {
            switch format {
            case .table: if widths == nil, !(columns ?? []).isEmpty { try printHeld() }
            case .json: try output(json.end() + "\n")
            case .csv: if columns == nil { try output(CSV.line([])) }
            }
        }

        /// Sizes the table's columns by the rows held, and prints them.
        private func printHeld() throws {
            var widths = Array(repeating: 0, count: columns?.count ?? 0)
            for row in held {
                for (index, cell) in row.enumerated() where index < widths.count {
                    widths[index] = max(widths[index], cell.width)
                }
            }
            self.widths = widths
            var text = ""
            for row in held { text += TextTable.line(row, widths: widths) }
            held = []
            try output(text)
        }

        private static func cells(_ texts: [String]) -> [(text: String, width: Int)] {
            texts.map { TextTable.cleaned($0, maxWidth: maxCellWidth) }
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
