/// What `between check` reports for a whole vault, read a batch of files at a time so
/// memory stays flat however many notes there are: of each file only its own problems
/// and what it says about homework ids (`VaultChecks.HomeworkReference`) are kept, not
/// its entry. The diagnostics are sorted by path, then place (`Diagnostic.inReportOrder`).
public struct VaultCheck: Sendable {
    /// Every problem, sorted by path, then line and column.
    public var diagnostics: [Diagnostic]
    /// Files read, plus files and folders that could not be (settings problems aside).
    public var filesChecked: Int

    public init(_ vault: Vault) {
        let (files, scanDiagnostics) = vault.sources()
        let other = vault.configDiagnostics + scanDiagnostics
        var found = other
        var references: [VaultChecks.HomeworkReference] = []
        for start in stride(from: 0, to: files.count, by: Self.batchSize) {
            let batch = Array(files[start..<min(start + Self.batchSize, files.count)])
            let results = batch.parallelMap { file -> Result<(diagnostics: [Diagnostic], reference: VaultChecks.HomeworkReference?), Diagnostic> in
                vault.read(file).map { ($0.diagnostics, VaultChecks.HomeworkReference($0)) }
            }
            for result in results {
                switch result {
                case .success(let kept):
                    found += kept.diagnostics
                    if let reference = kept.reference { references.append(reference) }
                case .failure(let diagnostic):
                    found.append(diagnostic)
                }
            }
        }
        found += VaultChecks.diagnostics(for: references)
        diagnostics = Diagnostic.inReportOrder(found)
        filesChecked = files.count + other.filter { $0.path != VaultConfig.fileName }.count
    }

    private static let batchSize = 256
}
