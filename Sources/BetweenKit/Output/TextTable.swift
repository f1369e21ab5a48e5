/// A plain-text table with left-aligned columns, for terminal output.
public struct TextTable: Sendable {
    public var headers: [String]
    public var rows: [[String]]

    public init(headers: [String], rows: [[String]]) {
        self.headers = headers
        self.rows = rows
    }

    /// The table as lines; cells are cut to `maxCellWidth` with an ellipsis,
    /// line breaks in cells become spaces, and trailing spaces are trimmed.
    public func render(maxCellWidth: Int = 60) -> String {
        let cleaned = ([headers] + rows).map { row in
            row.map { cell -> String in
                let flat = String(cell.map { $0.isNewline || $0 == "\t" ? " " : $0 })
                return flat.count > maxCellWidth ? String(flat.prefix(maxCellWidth - 1)) + "…" : flat
            }
        }
        var widths = Array(repeating: 0, count: headers.count)
        for row in cleaned {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.count)
            }
        }
        return cleaned.map { row in
            var line = ""
            for (index, cell) in row.enumerated() where index < widths.count {
                line += index == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count + 2)
            }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }.joined(separator: "\n") + "\n"
    }
}
