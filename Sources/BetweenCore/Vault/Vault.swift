/// A folder of notes: its root, its settings, and the records read from it.
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

    /// Options for parsing entries, from the settings.
    public var parseOptions: EntryParser.Options {
        EntryParser.Options(privateByDefault: config.privateByDefault)
    }

    /// The Markdown files of the vault, sorted by path, and problems met finding them.
    public func sources() -> (files: [SourceFile], diagnostics: [Diagnostic]) {
        VaultScanner(root: root, exclude: config.exclude).scan()
    }

    /// Reads and parses one file; a file that can't be read as text gives a diagnostic instead.
    /// Files read at once on other threads share `InFlightBudget.files`.
    public func read(_ file: SourceFile) -> Result<Entry, Diagnostic> {
        InFlightBudget.files.withPermit(for: Int(clamping: file.size)) {
            readBytes(file).flatMap { parse($0, of: file) }
        }
    }

    /// A file's bytes, or why it can't be read (too large, not a regular file, no permission).
    public func readBytes(_ file: SourceFile) -> Result<[UInt8], Diagnostic> {
        switch FileSystem.read(file.absolutePath, limit: SourceDecoder.sizeLimit) {
        case .failure(.tooLarge(let size)):
            let megabytes = size / (1024 * 1024)
            return .failure(.error("this file is \(megabytes) MB; Between reads notes up to 10 MB, so it is skipped. Split it into smaller files, or exclude it in between.yml",
                                   in: file.path))
        case .failure(.notRegular):
            return .failure(.warning("this is not a regular file; skipped", in: file.path))
        case .failure(.cannotOpen(let refusal)):
            return .failure(.error("can't read this file (\(refusal.reason))" + (refusal.advice.map { "; " + $0 } ?? ""), in: file.path))
        case .success(let bytes):
            return .success(bytes)
        }
    }

    /// Decodes and parses a file's bytes into an entry (or a diagnostic when they aren't UTF-8 text).
    public func parse(_ bytes: [UInt8], of file: SourceFile) -> Result<Entry, Diagnostic> {
        SourceDecoder.decode(bytes, path: file.path).map { text in
            EntryParser.parse(path: file.path, text: text, options: parseOptions)
        }
    }
}
