/// What was found at a note's path, before it is read as text: its bytes, or why there
/// are none. From the disk (`init(atPath:limit:)`) or from git's index (`check --staged`).
public enum SourceContent: Sendable {
    case bytes([UInt8])
    /// Larger than the limit it was read with: not read.
    case tooLarge(size: Int64)
    /// A folder, pipe or device where a note was expected.
    case notRegularFile
    /// The system wouldn't open it: its reason, in its words, and what the person can do.
    case cannotOpen(reason: String, advice: String?)

    /// The file at `absolute`, refusing one of more than `limit` bytes unread.
    public init(atPath absolute: String, limit: Int = VaultReader.sizeLimit) {
        switch FileSystem.read(absolute, limit: limit) {
        case .success(let bytes): self = .bytes(bytes)
        case .failure(.tooLarge(let size)): self = .tooLarge(size: size)
        case .failure(.notRegular): self = .notRegularFile
        case .failure(.cannotOpen(let refusal)): self = .cannotOpen(reason: refusal.reason, advice: refusal.advice)
        }
    }
}

/// The one way Between turns notes into entries: which paths are notes (the scanner's
/// rules), the size limit, decoding, and parsing with the vault's settings. `VaultReport`
/// adds the checks that span files and the order `check` reports in.
///
/// Every reader of notes goes through it: the index refresh, `check`, `check --staged`
/// (with the staged text, decrypted when it can be), shell completion, `new`'s check of
/// the file it wrote, and the encryption filters' "is this note private?". So a note
/// reads the same, with the same problems, whichever of them reads it.
public struct VaultReader: Sendable {
    /// Notes larger than this are not read (10 MiB).
    public static let sizeLimit = 10 * 1024 * 1024
    /// Notes read and parsed at once by `forEachBatch`: every core busy, memory flat.
    public static let batchSize = 256

    /// How entries are parsed: the vault's `private-by-default`.
    public let options: EntryParser.Options
    private let scanner: VaultScanner

    /// A reader with the settings of `config` (the vault's `between.yml`, or the staged one).
    public init(root: String, config: VaultConfig) {
        options = EntryParser.Options(privateByDefault: config.privateByDefault)
        scanner = VaultScanner(root: root, exclude: config.exclude)
    }

    /// A reader with the vault's settings.
    public init(_ vault: Vault) {
        self.init(root: vault.root, config: vault.config)
    }

    /// Whether a path (relative to the vault, `/`-separated) is one of its notes: a Markdown
    /// name, no dot-folder or top `templates/` on the way, not excluded. The scanner's own
    /// rules, for paths that come from elsewhere (git's index).
    public func isSource(_ path: String) -> Bool {
        scanner.reads(path)
    }

    /// The entry for the note at `path` (relative to the vault) with this content, or the
    /// one diagnostic saying why it can't be read: too large, not a file, not opened, not
    /// UTF-8 text, still encrypted.
    public func entry(at path: String, _ content: SourceContent) -> Result<Entry, Diagnostic> {
        switch content {
        case .bytes(let bytes) where bytes.count > Self.sizeLimit:
            return .failure(Self.tooLarge(Int64(bytes.count), path: path))
        case .bytes(let bytes):
            return SourceDecoder.decode(bytes, path: path).map { text in
                EntryParser.parse(path: path, text: text, options: options)
            }
        case .tooLarge(let size):
            return .failure(Self.tooLarge(size, path: path))
        case .notRegularFile:
            return .failure(.warning("this is not a regular file; skipped", in: path))
        case .cannotOpen(let reason, let advice):
            return .failure(.error("can't read this file (\(reason))" + (advice.map { "; " + $0 } ?? ""), in: path))
        }
    }

    /// Reads and parses one file of the vault. Files read at once on other threads share
    /// `InFlightBudget.files`, so memory stays bounded however many cores read.
    public func read(_ file: SourceFile) -> Result<Entry, Diagnostic> {
        InFlightBudget.files.withPermit(for: Int(clamping: file.size)) {
            entry(at: file.path, SourceContent(atPath: file.absolutePath))
        }
    }

    /// Reads `files` `batchSize` at a time, each batch in parallel, keeping of each note
    /// only what `keep` makes of it (on the reading thread, so whole entries never pile
    /// up), and hands each batch to `body` in the files' order: memory stays flat however
    /// many notes there are, and however large.
    public func forEachBatch<Kept: Sendable>(of files: [SourceFile], keeping keep: @Sendable (Result<Entry, Diagnostic>) -> Kept,
                                             _ body: ([Kept]) throws -> Void) rethrows {
        for start in stride(from: 0, to: files.count, by: Self.batchSize) {
            let batch = Array(files[start..<min(start + Self.batchSize, files.count)])
            try body(batch.parallelMap { keep(read($0)) })
        }
    }

    private static func tooLarge(_ size: Int64, path: String) -> Diagnostic {
        .error("this file is \(size / (1024 * 1024)) MB; Between reads notes up to 10 MB, so it is skipped. Split it into smaller files, or exclude it in between.yml",
               in: path)
    }
}
