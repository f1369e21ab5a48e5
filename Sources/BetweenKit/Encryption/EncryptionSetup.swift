import BetweenCore
import Glibc

/// `between encrypt setup` (and `between init --git --encrypt`): makes private notes go
/// into git encrypted, in a new vault or an existing one, on the first machine or a clone.
///
/// - No `encryption:` in `between.yml` yet: a new age key is made and kept outside the
///   vault (`KeyStore`), and its public key written to `between.yml` with a new vault id.
/// - `encryption:` there already (a clone): nothing in `between.yml` changes; the key is
///   this machine's if it has one, else the person is told how to import it.
/// - Either way: the `.gitattributes` lines and this clone's `.git/config` entries
///   (`RepositoryFilters`), the pre-commit hook (`PreCommitHook`), then any note still
///   encrypted in the working folder is decrypted when the key is here. Running it again
///   changes nothing.
public enum EncryptionSetup {
    /// What set-up did, as lines for a person.
    public struct Report: Sendable, Hashable {
        public var changed: [String] = []
        public var leftAlone: [String] = []
        /// What to do next, and warnings.
        public var advice: [String] = []
    }

    /// Why set-up stopped (what was done before is kept, and running it again goes on).
    public enum Failure: UserFacingError, Sendable, CustomStringConvertible {
        case git(Git.Failure)
        case age(Age.Failure)
        case keys(KeyStore.Failure)
        case settings(String)
        case files(String)

        public var description: String {
            switch self {
            case .git(.notARepository): "this vault is not in a git repository; run `between init --git` first (it adds a repository), then `between encrypt setup`"
            case .git(let failure): failure.description
            case .age(let failure): "private notes can't be encrypted: \(failure)"
            case .keys(let failure): failure.description
            case .settings(let message), .files(let message): message
            }
        }
    }

    /// Sets up encryption for the vault at `vaultRoot`; `executable` is this `between`, for git to run.
    public static func run(vaultRoot: String, executable: String?) throws(Failure) -> Report {
        var report = Report()
        let git = Git(directory: vaultRoot)
        do { _ = try git.topLevel() } catch { throw .git(error) }
        let age: Age
        do { age = try Age.locate() } catch { throw .age(error) }
        let keys: KeyStore
        do { keys = try KeyStore() } catch { throw .keys(error) }

        var vault = Vault(root: vaultRoot)
        if let problem = vault.configDiagnostics.first(where: { $0.severity == .error }) {
            throw .settings("between.yml has a problem, so encryption can't be added to it safely: \(problem.summary). Fix it (`between check` lists every problem), then run this again")
        }
        if let settings = vault.config.encryption {
            guard let id = settings.vaultID else {
                throw .settings("between.yml has `encryption:` but no usable vault-id; see docs/encryption.md")
            }
            report.leftAlone.append("Left between.yml alone: encryption is on already (vault id \(id))")
            if keys.hasKey(for: id) {
                report.leftAlone.append("This machine has the key: \(keys.path(for: id))")
                try checkKey(keys, id: id, recipients: settings.recipients, age: age, report: &report)
            } else {
                report.advice.append("This machine doesn't have the key for this vault, so private notes stay encrypted here (new ones are still encrypted before they go into git). To read them, copy the key from a machine that has it: `between encrypt key export > key.txt` there, then `between encrypt key import key.txt` here, and delete key.txt")
            }
        } else {
            let id = UInt64.random(in: 0...UInt64.max).zeroPadded(to: 16, radix: 16)
            let identity: [UInt8]
            let recipients: [String]
            do {
                identity = try age.generateIdentity()
                recipients = try age.recipients(ofIdentity: identity)
            } catch {
                throw .age(error)
            }
            guard let recipient = recipients.first else { throw .age(.failed("age-keygen made no key")) }
            let labelled = Array("# Between: the secret key of the vault \(id) (\(vaultRoot)).\n# Anyone with this key can read its private notes; without any copy of it, nobody can.\n".utf8) + identity
            do { _ = try keys.install(labelled, for: id) } catch { throw .keys(error) }
            report.changed.append("Made a key for this vault and kept it outside the vault, readable by you alone: \(keys.path(for: id))")
            try addSettings(id: id, recipient: recipient, vaultRoot: vaultRoot)
            report.changed.append("Added encryption to between.yml (vault id \(id), public key \(recipient))")
            report.advice.append("Keep a copy of the key somewhere safe (a password manager, or printed): `between encrypt key export`. If every copy is lost, nobody can read the encrypted notes, you included")
            vault = Vault(root: vaultRoot)
        }

        if try RepositoryFilters.writeAttributes(vaultRoot: vaultRoot) {
            report.changed.append("Added the filter lines to .gitattributes (commit it with between.yml)")
        } else {
            report.leftAlone.append("Left .gitattributes alone: it already sends notes through Between")
        }
        let command = RepositoryFilters.command(executable: executable)
        if try RepositoryFilters.writeConfiguration(git, command: command) {
            report.changed.append("Set up git's filters for this copy of the repository (.git/config, running `\(command) git-filter`)")
        } else {
            report.leftAlone.append("Left .git/config alone: git already runs Between's filters here")
        }
        // git copies neither config nor hooks with a clone: the hook that refuses a private
        // note in plain text comes with set-up too (a hook already there is left alone).
        do {
            let hook = try PreCommitHook.setUp(vaultRoot: vaultRoot, executable: executable)
            report.changed += hook.changed
            report.advice += hook.leftAlone.filter { $0.contains("add this line") }
        } catch {
            throw .git(error)
        }
        let cipher = VaultCipher(vault: vault, keys: keys)
        if cipher.canDecrypt {
            do {
                let decrypted = try EncryptedWorkingFiles.decrypt(try EncryptedWorkingFiles.find(in: vaultRoot, git: git), in: vaultRoot, git: git)
                if decrypted > 0 { report.changed.append("Decrypted \(decrypted) private note\(decrypted == 1 ? "" : "s") in the working folder") }
            } catch {
                report.advice.append("Some notes are still encrypted in the working folder (\(error)); run `between encrypt setup` again")
            }
        }
        if let plain = try? EncryptionStatus.plainPrivateInIndex(vault: vault, git: git), !plain.isEmpty {
            report.advice.append("\(plain.count) private note\(plain.count == 1 ? " is" : "s are") already in git as plain text, staged or committed (\(plain.prefix(3).joined(separator: ", "))\(plain.count > 3 ? ", …" : "")). To store them encrypted from now on: `git add --renormalize .` and commit. Their earlier versions stay in the history: `between encrypt status` says what to do")
        }
        return report
    }

    /// Warns when the key here is not among the recipients (notes encrypted from now on wouldn't open with it).
    private static func checkKey(_ keys: KeyStore, id: String, recipients: [String], age: Age, report: inout Report) throws(Failure) {
        if let warning = keys.permissionWarning(for: id) { report.advice.append("Warning: " + warning) }
        guard let identity = keys.identity(for: id), let own = try? age.recipients(ofIdentity: identity) else {
            report.advice.append("Warning: the key file \(keys.path(for: id)) can't be read as an age key; `between encrypt key --help` says how to import one")
            return
        }
        if Set(own).isDisjoint(with: recipients) {
            report.advice.append("Warning: the key on this machine is not one of the recipients in between.yml, so it can't read notes encrypted from now on. Add its public key (\(own[0])) under encryption.recipients")
        }
    }

    /// Appends the `encryption:` setting to `between.yml` (created when missing), then reads
    /// it back; if it doesn't read as written, the file is restored and set-up stops.
    private static func addSettings(id: String, recipient: String, vaultRoot: String) throws(Failure) {
        let path = vaultRoot + "/" + VaultConfig.fileName
        var existing: [UInt8] = []
        if case .success(let bytes) = FileSystem.read(path, limit: 1024 * 1024) { existing = bytes }
        let block = """
            # Private notes go into git encrypted to these public keys (between encrypt setup;
            # docs/encryption.md). vault-id names this vault's key file on each computer. To let
            # a second computer or a paper backup key read them, add its public key below.
            encryption:
              vault-id: \(id)
              recipients:
                - \(recipient)

            """
        let separator = existing.isEmpty ? "" : existing.last == 0x0A ? "\n" : "\n\n"
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .files("can't write between.yml: \(FileSystem.lastReason)") }
        let written = FileWriting.writeAll(Array((separator + block).utf8), to: descriptor)
        close(descriptor)
        let reread = Vault(root: vaultRoot).config.encryption
        guard written, reread?.vaultID == id, reread?.recipients == [recipient] else {
            let restore = open(path, O_WRONLY | O_TRUNC | O_NOFOLLOW | O_CLOEXEC)
            if restore >= 0 {
                FileWriting.writeAll(existing, to: restore)
                close(restore)
            }
            throw .settings("couldn't add the encryption setting to between.yml (it didn't read back as written; is the file's last document closed with `...`?). Add these lines to it yourself, then run this again:\n\(block)")
        }
    }
}
