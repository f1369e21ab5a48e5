/// How serious a diagnostic is: errors make `between check` exit 1, warnings do not.
public enum Severity: String, Sendable, Codable, Comparable {
    case warning
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .warning && rhs == .error
    }
}

/// A 1-based line and column in a source file (columns count Unicode scalars).
public struct SourcePosition: Sendable, Hashable, Codable, Comparable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// The start of a file: used when a problem concerns the whole file.
    public static let fileStart = SourcePosition(line: 1, column: 1)

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// One problem found in a vault, pointing at the file (and line and column when known).
///
/// `position` is nil when the problem concerns the file as a whole and no line
/// makes sense (a binary file, one too large to read).
public struct Diagnostic: Error, Sendable, Hashable, Codable {
    /// The path relative to the vault root, `/`-separated.
    public var path: String
    public var position: SourcePosition?
    public var severity: Severity
    /// Plain English: what is wrong and, where possible, how to fix it.
    public var message: String

    public init(path: String, position: SourcePosition?, severity: Severity, message: String) {
        self.path = path
        self.position = position
        self.severity = severity
        self.message = message
    }

    public static func error(_ message: String, in path: String, at position: SourcePosition? = nil) -> Diagnostic {
        Diagnostic(path: path, position: position, severity: .error, message: message)
    }

    public static func warning(_ message: String, in path: String, at position: SourcePosition? = nil) -> Diagnostic {
        Diagnostic(path: path, position: position, severity: .warning, message: message)
    }

    /// The same problem, said of the file at `path`: the front-matter readers know the text,
    /// not which file it came from.
    package func located(in path: String) -> Diagnostic {
        var located = self
        located.path = path
        return located
    }

    /// `path:line:column`; a problem with the whole file points at its start (`:1:1`), so
    /// every line has the form editors and the `$gcc` problem matcher recognise. The path is
    /// safe to print (`TerminalText.path`).
    public var location: String {
        let shown = position ?? .fileStart
        return "\(TerminalText.path(path)):\(shown.line):\(shown.column)"
    }

    /// `path:line:column: severity: message`, the form editors and terminals jump to,
    /// with the path and message safe to print (`TerminalText`).
    public var summary: String {
        "\(location): \(severity.rawValue): \(TerminalText.line(message))"
    }
}
