import BetweenCore

/// `between encrypt key export` and `key import`: moving a vault's secret key to another
/// machine (or to paper), the only way a second device can read the encrypted notes
/// short of adding its own key as a recipient.
public enum KeyTransfer {
    /// Said on stderr with every export.
    public static let exportWarning = """
        between: WARNING: this is the secret key to your private notes.
          Anyone who has it (and a copy of the repository) can read them. If every copy of it is
          lost, nobody can read the encrypted notes ever again, you included.
          Keep it somewhere safe: a password manager, or printed on paper in a safe place.
          Never commit it, email it, or paste it into a chat.
        """

    /// Why a key can't be exported or imported.
    public enum Failure: UserFacingError, Sendable, CustomStringConvertible {
        case notSetUp
        case noKey(path: String)
        case notAKey(String)
        case notThisVault(recipients: [String])
        case age(Age.Failure)
        case keys(KeyStore.Failure)

        public var description: String {
            switch self {
            case .notSetUp:
                "this vault doesn't encrypt private notes yet (no `encryption:` in between.yml); run `between encrypt setup`"
            case .noKey(let path):
                "this machine has no key for this vault (\(path) isn't there). Import it from a machine that has it: `between encrypt key export` there, `between encrypt key import FILE` here"
            case .notAKey(let detail):
                "that is not an age secret key (\(detail)); a key file has a line starting AGE-SECRET-KEY-1"
            case .notThisVault(let recipients):
                "that key is not one of this vault's keys: its public key (\(recipients.joined(separator: ", "))) is not in between.yml's encryption.recipients, so it couldn't read the notes. Check you took the key of this vault"
            case .age(let failure): failure.description
            case .keys(let failure): failure.description
            }
        }
    }

    /// The key file of the vault at `vaultRoot`, as it is.
    public static func export(vaultRoot: String) throws(Failure) -> [UInt8] {
        let (id, keys) = try setting(vaultRoot)
        guard let identity = keys.identity(for: id) else { throw .noKey(path: keys.path(for: id)) }
        return identity
    }

    /// What import did, as lines for a person.
    public struct Imported: Sendable {
        public var lines: [String] = []
    }

    /// Installs `identity` (a key file's text) as this machine's key for the vault, then
    /// decrypts the notes still encrypted in the working folder when git's filter is set up.
    public static func importKey(_ identity: [UInt8], vaultRoot: String) throws(Failure) -> Imported {
        let (id, keys) = try setting(vaultRoot)
        let age: Age
        do { age = try Age.locate() } catch { throw .age(error) }
        let own: [String]
        do {
            own = try age.recipients(ofIdentity: identity)
        } catch {
            if case .damaged(let detail) = error { throw .notAKey(detail) }
            throw .age(error)
        }
        let recipients = Vault(root: vaultRoot).config.encryption?.recipients ?? []
        guard !Set(own).isDisjoint(with: recipients) else { throw .notThisVault(recipients: own) }
        var imported = Imported()
        do {
            switch try keys.install(identity, for: id) {
            case .created: imported.lines.append("Installed the key for this vault: \(keys.path(for: id)) (readable by you alone)")
            case .alreadyThere: imported.lines.append("This machine has this key already: \(keys.path(for: id))")
            }
        } catch {
            throw .keys(error)
        }
        let git = Git(directory: vaultRoot)
        guard RepositoryFilters.isConfigured(git) else {
            imported.lines.append("Next: run `between encrypt setup` so git decrypts private notes here")
            return imported
        }
        if let paths = try? EncryptedWorkingFiles.find(in: vaultRoot, git: git), !paths.isEmpty {
            do {
                let count = try EncryptedWorkingFiles.decrypt(paths, in: vaultRoot, git: git)
                imported.lines.append("Decrypted \(count) private note\(count == 1 ? "" : "s") in the working folder")
            } catch {
                imported.lines.append("Some notes are still encrypted in the working folder (\(error)); run `between encrypt setup` to try again")
            }
        }
        return imported
    }

    private static func setting(_ vaultRoot: String) throws(Failure) -> (String, KeyStore) {
        guard let id = Vault(root: vaultRoot).config.encryption?.vaultID else { throw .notSetUp }
        do {
            return (id, try KeyStore())
        } catch {
            throw .keys(error)
        }
    }
}
