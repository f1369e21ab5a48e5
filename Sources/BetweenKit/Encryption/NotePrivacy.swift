import BetweenCore

/// Whether a note is private, for encryption: the one place the encryption code asks.
///
/// It does not judge privacy itself: the note is parsed as the indexer parses it, with
/// the vault's settings, and `Entry.isPrivate` answers, so every rule of the privacy
/// model (`private-by-default`, and each case where Between can't be sure a note is
/// public) applies to git exactly as to digests and exports. Where that can't be done,
/// the answer is private: a `between.yml` with errors, a note too large or not text.
public enum NotePrivacy {
    /// Why a note is private when its own front matter doesn't say so, for messages; nil otherwise.
    public enum Reason: Sendable, Equatable {
        case frontMatter
        case unreadableSettings
        case notReadableAsNote
    }

    /// Whether the note with these bytes, at `path` in `vault`, is private (and why).
    public static func judge(_ bytes: [UInt8], path: String, in vault: Vault) -> Reason? {
        judge(bytes, path: path, reader: VaultReader(vault), settingsProblems: vault.configDiagnostics)
    }

    /// The same, with the vault's settings given: `reader` reads with a `between.yml`
    /// whose problems are `settingsProblems` (any error makes every note private).
    public static func judge(_ bytes: [UInt8], path: String, reader: VaultReader, settingsProblems: [Diagnostic]) -> Reason? {
        if settingsProblems.contains(where: { $0.severity == .error }) { return .unreadableSettings }
        guard case .success(let entry) = reader.entry(at: path, .bytes(bytes)) else { return .notReadableAsNote }
        return entry.isPrivate ? .frontMatter : nil
    }

    /// Whether the note is private.
    public static func isPrivate(_ bytes: [UInt8], path: String, in vault: Vault) -> Bool {
        judge(bytes, path: path, in: vault) != nil
    }
}
