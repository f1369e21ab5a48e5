import BetweenCore

/// RFC 4180 CSV: fields quoted when they hold a comma, quote or line break.
public enum CSV {
    /// One CSV document with a header row, lines ending in CRLF as the RFC says.
    public static func document(headers: [String], rows: [[String]]) -> String {
        ([headers] + rows).map(line).joined()
    }

    /// One record: its fields, separated by commas, and CRLF.
    public static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// A field, quoted when needed. A leading `=`, `+`, `-`, `@`, tab or carriage return
    /// is prefixed with `'` so a spreadsheet never runs a person's text as a formula
    /// (some strip a leading tab or CR and read what follows). Plain numbers (`-3`) stay.
    public static func field(_ value: String) -> String {
        var text = value
        // The first byte, not the first character: "\r\n" is one Character in Swift.
        if let first = text.utf8.first, formulaStarts.contains(first), Double(text) == nil {
            text = "'" + text
        }
        // Byte by byte: a quote or comma with a combining mark after it is still one to a reader.
        let special = text.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") }
        guard special || text.contains(where: \.isNewline) else { return text }
        return "\"" + text.replacingAll(UInt8(ascii: "\""), with: "\"\"") + "\""
    }

    /// `=`, `+`, `-`, `@`, tab and carriage return: the first bytes a spreadsheet may take for a formula.
    private static let formulaStarts: Set<UInt8> = [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D]
}
