import BetweenCore

/// Prints diagnostics like a compiler: `path:line:column: error: message`, then
/// the source line and a caret under the column, so a person can see the spot.
/// Text from the vault (the path, values quoted in the message, the source line) is
/// shown as `TerminalText` says: a file name or a line can't forge a diagnostic of its own.
public struct DiagnosticRenderer {
    /// Returns the text of a line (1-based) of a file, or nil.
    public typealias LineSource = (_ path: String, _ line: Int) -> String?

    private let lines: LineSource
    private let color: Bool

    /// How much of a source line is shown under a diagnostic (Unicode scalars).
    public static let shownScalars = 200

    public init(color: Bool = false, lines: @escaping LineSource) {
        self.color = color
        self.lines = lines
    }

    /// One diagnostic, ending with a newline.
    public func render(_ diagnostic: Diagnostic) -> String {
        let location = diagnostic.location
        let label = diagnostic.severity.rawValue
        let styledLabel = color ? (diagnostic.severity == .error ? "\u{1B}[1;31m\(label)\u{1B}[0m" : "\u{1B}[1;33m\(label)\u{1B}[0m") : label
        var output = "\(location): \(styledLabel): \(TerminalText.line(diagnostic.message))\n"
        if let position = diagnostic.position, let line = lines(diagnostic.path, position.line) {
            // One scalar for one (`TerminalText.line`), so the caret's column still fits.
            let shown = TerminalText.line(String(line.unicodeScalars.prefix(Self.shownScalars)))
            guard !shown.trimmingASCIIWhitespace().isEmpty else { return output }
            output += "    \(shown)\n"
            let caretColumn = min(max(position.column - 1, 0), shown.count)
            output += "    " + String(repeating: " ", count: caretColumn) + "^\n"
        }
        return output
    }

    /// "2 errors and 1 warning in 3 files (85 files checked)".
    public static func summary(_ diagnostics: [Diagnostic], filesChecked: Int) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        let files = Set(diagnostics.map(\.path)).count
        if diagnostics.isEmpty { return "No problems found in \(filesChecked) file\(filesChecked == 1 ? "" : "s")." }
        return "\(count(errors, "error")) and \(count(warnings, "warning")) in \(count(files, "file")) (\(filesChecked) checked)."
    }

    private static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}
