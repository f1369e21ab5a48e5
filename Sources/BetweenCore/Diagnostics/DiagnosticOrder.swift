extension Diagnostic {
    /// The order of one file's problems: by line and column (a problem with the whole
    /// file first), errors before warnings at the same place, then by message, so every
    /// run lists them the same way.
    package static func isOrderedWithinFile(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        let left = lhs.position ?? SourcePosition(line: 0, column: 0)
        let right = rhs.position ?? SourcePosition(line: 0, column: 0)
        if left != right { return left < right }
        if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
        return lhs.message < rhs.message
    }

    /// `diagnostics` as `check` reports them: by path, then in each file's order.
    package static func inReportOrder(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.sorted { lhs, rhs in
            lhs.path != rhs.path ? lhs.path < rhs.path : isOrderedWithinFile(lhs, rhs)
        }
    }
}
