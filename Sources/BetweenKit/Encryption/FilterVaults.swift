import BetweenCore

/// The vaults a git filter meets, each opened once: git names files by their path from
/// the top of the repository, and a repository may hold the vault in a folder below.
final class FilterVaults {
    /// One vault, with what the filter needs of it.
    final class Entry {
        let vault: Vault
        /// The vault's folder from the top of the repository: "" or "notes/".
        let prefix: String
        /// The `encryption:` setting of `between.yml` in the last commit (nil: none, or no commit).
        let committedSettings: EncryptionSettings?
        let cipher: VaultCipher

        init(vault: Vault, prefix: String, git: Git, keys: KeyStore?) {
            self.vault = vault
            self.prefix = prefix
            var committed: EncryptionSettings?
            if let output = try? git.run(["cat-file", "blob", "HEAD:" + prefix + VaultConfig.fileName]), output.status == 0 {
                committed = VaultConfig.parse(String(decoding: output.stdout, as: UTF8.self)).0.encryption
            }
            committedSettings = committed
            // A between.yml without usable recipients (damaged, or an older one checked out while
            // history is rewritten) falls back on the last commit's: a private note is then still
            // encrypted, to the keys the vault uses now, rather than refused or stored plain.
            var settings = vault.config.encryption
            if settings?.recipients.isEmpty ?? true, let committed, !committed.recipients.isEmpty {
                settings = committed
            }
            cipher = VaultCipher(vault: vault, settings: settings, keys: keys)
        }

        /// Whether the recipients differ from those in the last commit's `between.yml`:
        /// then notes already stored were encrypted to other keys, and each is encrypted
        /// afresh on its next commit.
        var recipientsChangedSinceLastCommit: Bool {
            guard let committedSettings else { return false }
            return Set(committedSettings.recipients) != Set(cipher.recipients)
        }

        /// `path` (from the top of the repository) relative to the vault.
        func relative(_ path: String) -> String {
            path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
        }
    }

    let top: String
    let git: Git
    let keys: KeyStore?
    private var byFolder: [String: Entry] = [:]

    init(top: String) {
        self.top = top
        git = Git(directory: top)
        keys = try? KeyStore()
    }

    /// The vault holding `path` (relative to the top): the nearest folder above it with
    /// a `between.yml`, else the top of the repository.
    func vault(holding path: String) -> Entry {
        var folders = path.split(separator: "/", omittingEmptySubsequences: true).dropLast().map(String.init)
        while true {
            let prefix = folders.isEmpty ? "" : folders.joined(separator: "/") + "/"
            if let known = byFolder[prefix] { return known }
            let root = prefix.isEmpty ? top : top + "/" + String(prefix.dropLast())
            if folders.isEmpty || FileSystem.status(root + "/" + VaultConfig.fileName, follow: true) != nil {
                let entry = Entry(vault: Vault(root: root), prefix: prefix, git: git, keys: keys)
                byFolder[prefix] = entry
                return entry
            }
            folders.removeLast()
        }
    }
}
