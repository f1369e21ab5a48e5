import BetweenCore
import Foundation

/// `between encrypt status`: is encryption set up on this machine, which notes are
/// encrypted in the last commit, and which private notes git holds in plain text
/// anywhere in its history (committed before set-up, or while the filter was missing).
///
/// It only reads. Rewriting history is the person's decision (`rewriteAdvice`).
public struct EncryptionStatus: Sendable {
    /// The vault's `encryption:` setting, when there is one.
    public var settings: EncryptionSettings?
    /// This machine's key file for the vault, when it has one.
    public var keyFile: String?
    /// A problem with the key file's permissions.
    public var keyWarning: String?
    /// Whether `.gitattributes` and this clone's `.git/config` run the filter.
    public var attributesPresent: Bool
    public var filtersConfigured: Bool
    /// Notes (relative to the vault) stored encrypted in the last commit.
    public var encryptedInLastCommit: [String]
    /// Private notes in plain text in any commit, stash or reflog entry: each path and the
    /// stored version's object id.
    public var plainPrivateInHistory: [(path: String, object: String)]

    /// What git already holds, read for the vault at `vaultRoot`.
    public static func read(vaultRoot: String) throws(Git.Failure) -> EncryptionStatus {
        let git = Git(directory: vaultRoot)
        _ = try git.topLevel()
        let vault = Vault(root: vaultRoot)
        let settings = vault.config.encryption
        let keys = try? KeyStore()
        var keyFile: String?, keyWarning: String?
        if let keys, let id = settings?.vaultID, keys.hasKey(for: id) {
            keyFile = keys.path(for: id)
            keyWarning = keys.permissionWarning(for: id)
        }
        let prefix = String(decoding: try git.check(["rev-parse", "--show-prefix"]), as: UTF8.self).trimmingASCIIWhitespace()
        var encrypted: [String] = []
        let head = try git.run(["ls-tree", "-r", "-z", "HEAD"])
        if head.status == 0 {
            var notes: [(path: String, object: String)] = []
            for record in GitIndex.records(head.stdout) {
                // "MODE blob OBJECT\tPATH"
                guard let tab = record.firstIndex(of: "\t") else { continue }
                let fields = record[..<tab].split(separator: " ")
                let path = String(record[record.index(after: tab)...])
                guard fields.count == 3, fields[1] == "blob", VaultScanner.isMarkdown(path) else { continue }
                notes.append((path, String(fields[2])))
            }
            let contents = try GitIndex(git: git).contents(of: notes.map(\.object), limit: VaultReader.sizeLimit)
            encrypted = notes.filter { note in
                guard case .bytes(let bytes)? = contents[note.object] else { return false }
                return EncryptedNote.isArmored(bytes)
            }.map(\.path).sorted()
        }
        return EncryptionStatus(
            settings: settings, keyFile: keyFile, keyWarning: keyWarning,
            attributesPresent: RepositoryFilters.attributesPresent(vaultRoot: vaultRoot),
            filtersConfigured: RepositoryFilters.isConfigured(git),
            encryptedInLastCommit: encrypted,
            plainPrivateInHistory: try plainPrivateInHistory(vault: vault, prefix: prefix, git: git))
    }

    /// Every stored version of a note in the vault (any commit, stash or reflog entry) that
    /// is plain text and private, read a batch at a time so memory stays bounded.
    static func plainPrivateInHistory(vault: Vault, prefix: String, git: Git) throws(Git.Failure) -> [(path: String, object: String)] {
        // `rev-list --objects` names each object once, with a path (from the top) it had.
        let listing = try git.check(["rev-list", "--objects", "--all", "--reflog"])
        var notes: [(path: String, object: String)] = []
        for line in String(decoding: listing, as: UTF8.self).split(separator: "\n") {
            guard let space = line.firstIndex(of: " ") else { continue }
            let path = String(line[line.index(after: space)...])
            guard path.hasPrefix(prefix), VaultScanner.isMarkdown(path) else { continue }
            notes.append((String(path.dropFirst(prefix.count)), String(line[..<space])))
        }
        let index = GitIndex(git: git)
        var found: [(path: String, object: String)] = []
        for start in stride(from: 0, to: notes.count, by: 256) {
            let batch = notes[start..<min(start + 256, notes.count)]
            let contents = try index.contents(of: batch.map(\.object), limit: VaultReader.sizeLimit)
            for note in batch {
                guard case .bytes(let bytes)? = contents[note.object], !EncryptedNote.isArmored(bytes),
                      NotePrivacy.isPrivate(bytes, path: note.path, in: vault) else { continue }
                found.append(note)
            }
        }
        return found.sorted { ($0.path, $0.object) < ($1.path, $1.object) }
    }

    /// The private notes (relative to the vault) the index holds in plain text.
    static func plainPrivateInIndex(vault: Vault, git: Git) throws(Git.Failure) -> [String] {
        let index = GitIndex(git: git)
        let files = try index.files().values.filter { $0.isRegular && VaultScanner.isMarkdown($0.path) }
        let contents = try index.contents(of: files.map(\.object), limit: VaultReader.sizeLimit)
        return files.filter { file in
            guard case .bytes(let bytes)? = contents[file.object] else { return false }
            return !EncryptedNote.isArmored(bytes) && NotePrivacy.isPrivate(bytes, path: file.path, in: vault)
        }.map(\.path).sorted()
    }

    /// The status as lines for a person, the rewrite advice included when it applies.
    public var report: String {
        var lines: [String] = []
        if let settings {
            lines.append("Encryption: on (vault id \(settings.vaultID ?? "missing: see docs/encryption.md")), to \(settings.recipients.count) public key\(settings.recipients.count == 1 ? "" : "s")")
        } else {
            lines.append("Encryption: off. A private note committed to git is plain text on any remote; `between encrypt setup` turns encryption on")
        }
        if settings != nil {
            lines.append(keyFile.map { "Key on this machine: \($0)" } ?? "Key on this machine: none, so private notes stay encrypted here (see `between encrypt key --help`)")
            if let keyWarning { lines.append("Warning: " + keyWarning) }
            let filters = attributesPresent && filtersConfigured ? "set up" : !attributesPresent ? "missing from .gitattributes" : "not set up in this copy"
            lines.append("git filters: \(filters)\(attributesPresent && filtersConfigured ? "" : "; run `between encrypt setup`")")
        }
        lines.append("Encrypted in the last commit: \(encryptedInLastCommit.count) note\(encryptedInLastCommit.count == 1 ? "" : "s")")
        lines += encryptedInLastCommit.map { "  " + $0 }
        if plainPrivateInHistory.isEmpty {
            lines.append("Private notes in plain text in git's history: none")
        } else {
            lines.append("Private notes in plain text in git's history (committed before encryption was set up, or while the filter was missing): \(plainPrivateInHistory.count)")
            lines += plainPrivateInHistory.map { "  \($0.path) (stored version \($0.object.prefix(10)))" }
            lines.append("Anyone who can read the repository, or a copy of it, can read these.")
            lines.append(Self.rewriteAdvice)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// How to rewrite history so it holds those notes only encrypted; printed, never run.
    public static let rewriteAdvice = """
        Between never rewrites history for you. To replace those plain-text versions with encrypted ones in every commit:
          1. Make a copy of the whole vault folder first (it includes .git).
          2. Check this machine has the key and the filters (`between encrypt status` says so above).
          3. Run, at the top of the repository (the first line applies the filter to commits older than .gitattributes):
               printf '*.md filter=between\\n*.markdown filter=between\\n' >> "$(git rev-parse --git-path info/attributes)"
               git filter-branch --tree-filter 'git ls-files -z -- "*.md" "*.markdown" | xargs -0 -r touch --' -- --branches --tags
             (each commit's notes pass through Between's filter again, so the private ones are stored encrypted).
          4. Drop the old history kept on this machine: `git stash clear` if you don't need your stashes, then
               git for-each-ref --format='delete %(refname)' refs/original | git update-ref --stdin
               git reflog expire --expire=now --all && git gc --prune=now
          5. Push with `git push --force --all`. Anything pushed before may have been copied already
             (other clones, forks, backups of the server): treat those notes as seen.
        docs/encryption.md explains each step.
        """
}
