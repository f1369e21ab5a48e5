/// RFC 4180 CSV: fields quoted when they hold a comma, quote or line break.
public enum CSV {
    /// One CSV document with a header row, lines ending in CRLF as the RFC says.
    public static func document(headers: [String], rows: [[String]]) -> String {
        ([headers] + rows).map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }

    /// A field, quoted when needed. A leading `=`, `+`, `-` or `@` is prefixed with
    /// `'` so a spreadsheet never runs a person's text as a formula.
    public static func field(_ value: String) -> String {
        var text = value
        if let first = text.first, "=+-@".contains(first), Double(text) == nil {
            text = "'" + text
        }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingAll("\"", with: "\"\"") + "\""
    }
}

extension String {
    /// Replaces every occurrence of `target`, without Foundation.
    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
