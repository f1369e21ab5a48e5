import BetweenCore

/// What `between git-filter` does for git: `clean` (working file → repository),
/// `smudge` (repository → working file) and `textconv` (a stored note shown by `git diff`).
///
/// - clean encrypts a note only when it is private (`NotePrivacy`); every other note
///   passes through byte for byte. An unchanged private note gets back the ciphertext
///   already stored (`StableCiphertext`), so `touch`, checkout, stash or rebase never
///   make it look modified.
/// - smudge decrypts with this computer's key; without one (or with a damaged file) it
///   leaves the ciphertext as it is, says so, and never fails: a checkout must not stop,
///   and nothing may be lost.
///
/// Paths are as git gives them: from the top of the repository, where git runs filters.
public final class GitFilter {
    private let vaults: FilterVaults
    /// Where messages for the person go (stderr, which git shows).
    private let say: (String) -> Void
    private var said: Set<String> = []
    /// Notes left encrypted by smudge because this computer has no key, by vault folder.
    private var leftEncrypted: [String: Int] = [:]

    /// Why a note could not be cleaned; git stops (the filter is `required`), nothing is stored.
    public struct CleanFailure: UserFacingError, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// A filter for the repository whose work tree starts at `top`.
    public init(top: String, say: @escaping (String) -> Void) {
        vaults = FilterVaults(top: top)
        self.say = say
    }

    /// The repository form of a working file.
    public func clean(_ content: [UInt8], path: String) throws(CleanFailure) -> [UInt8] {
        // Already encrypted (a note this computer couldn't decrypt): stored as it is.
        if EncryptedNote.isArmored(content) { return content }
        let entry = vaults.vault(holding: path)
        guard let reason = NotePrivacy.judge(content, path: entry.relative(path), in: entry.vault) else { return content }
        if reason == .unreadableSettings {
            sayOnce("between: warning: \(entry.prefix)between.yml has errors, so every note is treated as private and encrypted until they are fixed; run `between check` to see them")
        }
        warnAboutKey(entry)
        if let stored = StableCiphertext.stored(for: path, plaintext: content, in: entry, git: vaults.git) {
            return stored
        }
        do {
            return try entry.cipher.encrypt(content)
        } catch {
            throw CleanFailure(description: "can't encrypt the private note \(path), so git can't store it: \(error)")
        }
    }

    /// The working form of a stored note.
    public func smudge(_ content: [UInt8], path: String) -> [UInt8] {
        decrypted(content, path: path, forDiff: false)
    }

    /// A stored note as text for `git diff` and `git log -p`.
    public func textconv(_ content: [UInt8], path: String) -> [UInt8] {
        decrypted(content, path: path, forDiff: true)
    }

    /// Passes a message to the person (on stderr, which git shows).
    public func report(_ message: String) {
        say(message)
    }

    /// Says once per vault how many notes were left encrypted; call when git is done.
    public func finish() {
        for (prefix, count) in leftEncrypted.sorted(by: { $0.key < $1.key }) {
            let notes = count == 1 ? "1 private note stays" : "\(count) private notes stay"
            say("between: warning: \(notes) encrypted in \(prefix.isEmpty ? "this vault" : prefix): this machine doesn't have the key for it. To read them here, see `between encrypt key --help`")
        }
        leftEncrypted = [:]
    }

    private func decrypted(_ content: [UInt8], path: String, forDiff: Bool) -> [UInt8] {
        guard EncryptedNote.isArmored(content) else { return content }
        let entry = vaults.vault(holding: path)
        warnAboutKey(entry)
        do {
            return try entry.cipher.decrypt(content)
        } catch .noKey {
            if !forDiff { leftEncrypted[entry.prefix, default: 0] += 1 }
        } catch {
            say("between: warning: \(path) stays encrypted: \(error). Nothing was changed in the repository; see docs/encryption.md")
        }
        return content
    }

    private func warnAboutKey(_ entry: FilterVaults.Entry) {
        if let warning = entry.cipher.keyWarning { sayOnce("between: warning: " + warning) }
    }

    private func sayOnce(_ message: String) {
        if said.insert(message).inserted { say(message) }
    }
}
