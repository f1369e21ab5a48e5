/// What `between check` reports for a whole vault, read a batch of files at a time so
/// memory stays flat however many notes there are: of each file only its own problems
/// and what it says about homework ids are kept (`VaultReport`), not its entry.
public struct VaultCheck: Sendable {
    /// Every problem, sorted by path, then line and column.
    public var diagnostics: [Diagnostic]
    /// Files read, plus files and folders that could not be (settings problems aside).
    public var filesChecked: Int

    public init(_ vault: Vault) {
        let (files, scanDiagnostics) = vault.sources()
        let other = vault.configDiagnostics + scanDiagnostics
        var report = VaultReport(other)
        VaultReader(vault).forEachBatch(of: files, keeping: VaultReport.Note.init) { batch in
            for note in batch { report.add(note) }
        }
        diagnostics = report.diagnostics
        filesChecked = files.count + other.filter { $0.path != VaultConfig.fileName }.count
    }
}
