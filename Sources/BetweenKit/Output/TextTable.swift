import BetweenCore

/// A plain-text table with left-aligned columns, for terminal output.
public struct TextTable: Sendable {
    public var headers: [String]
    public var rows: [[String]]

    public init(headers: [String], rows: [[String]]) {
        self.headers = headers
        self.rows = rows
    }

    /// The table as lines; cells are cut to `maxCellWidth` with an ellipsis, line
    /// breaks in cells become spaces and other control characters U+FFFD
    /// (`TerminalText.line`), and trailing spaces are trimmed.
    public func render(maxCellWidth: Int = 60) -> String {
        let cleaned = ([headers] + rows).map { row in row.map { Self.cleaned($0, maxWidth: maxCellWidth) } }
        var widths = Array(repeating: 0, count: headers.count)
        for row in cleaned {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.width)
            }
        }
        var output = ""
        for row in cleaned {
            output += Self.line(row, widths: widths)
        }
        return output
    }

    /// One row of cells (from `cleaned`) as a line, each cell padded to its column's width.
    static func line(_ row: [(text: String, width: Int)], widths: [Int]) -> String {
        var line = ""
        for (index, cell) in row.enumerated() where index < widths.count {
            line += cell.text
            if index < row.count - 1 { line += String(repeating: " ", count: max(widths[index] - cell.width, 0) + 2) }
        }
        while line.utf8.last == UInt8(ascii: " ") { line.removeLast() }
        return line + "\n"
    }

    /// A cell on one line, cut to `maxWidth` characters, with its width in characters.
    static func cleaned(_ cell: String, maxWidth: Int) -> (text: String, width: Int) {
        // Most cells (dates, types, paths, titles) are printable ASCII: a character a byte,
        // no line break or tab, so neither a copy nor a walk over characters is needed.
        if cell.utf8.allSatisfy({ (0x20...0x7E).contains($0) }) && cell.utf8.count <= maxWidth {
            return (cell, cell.utf8.count)
        }
        let flat = TerminalText.line(cell)
        let width = flat.count
        return width > maxWidth ? (String(flat.prefix(maxWidth - 1)) + "…", maxWidth) : (flat, width)
    }
}
