/// A folder of notes: its root, its settings, and its notes (`VaultReader` reads them).
///
/// Reading never modifies a file. One bad file never stops the others: it gets
/// diagnostics and everything else is read as usual.
public struct Vault: Sendable {
    /// Absolute path of the root folder.
    public let root: String
    public let config: VaultConfig
    /// Problems in `between.yml`.
    public let configDiagnostics: [Diagnostic]

    /// Opens the vault at `root`, reading `between.yml` when there is one.
    public init(root: String) {
        self.root = root
        (config, configDiagnostics) = VaultConfig.load(root: root)
    }

    /// Whether `between.yml` was read without errors. When it wasn't, Between can't be
    /// sure which entries are private (or which files are notes), so the sharing
    /// commands (`digest`, `export`) refuse; the look-up commands go on with a warning.
    public var canShare: Bool {
        !configDiagnostics.contains { $0.severity == .error }
    }

    /// The Markdown files of the vault, sorted by path, and problems met finding them.
    public func sources() -> (files: [SourceFile], diagnostics: [Diagnostic]) {
        VaultScanner(root: root, exclude: config.exclude).scan()
    }
}
