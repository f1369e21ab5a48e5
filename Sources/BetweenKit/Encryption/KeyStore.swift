import BetweenCore
import Foundation
import Glibc

/// Where this computer keeps the secret keys of its vaults: one age key file per vault,
/// `$XDG_CONFIG_HOME/between/keys/<vault id>.txt` (`~/.config` when the variable is unset),
/// outside every vault and every repository, readable by its owner alone (0600).
public struct KeyStore: Sendable {
    /// The `keys` folder.
    public let folder: String

    /// Why the store can't be used.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case noHome
        case cannotWrite(path: String, reason: String)
        /// A different key is already installed for this vault.
        case differentKeyInstalled(path: String)

        public var description: String {
            switch self {
            case .noHome:
                "neither XDG_CONFIG_HOME nor HOME is set to a folder, so there is nowhere to keep the key; set HOME"
            case .cannotWrite(let path, let reason):
                "can't write the key file \(path): \(reason)"
            case .differentKeyInstalled(let path):
                "this machine already has a different key for this vault in \(path); it is left as it is. If you really mean to replace it, keep a copy of it first (`between encrypt key export`), then remove the file and try again"
            }
        }
    }

    /// The store named by the environment: `$XDG_CONFIG_HOME/between/keys`, else `$HOME/.config/between/keys`.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) throws(Failure) {
        if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") {
            folder = config + "/between/keys"
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            folder = (home == "/" ? "" : home) + "/.config/between/keys"
        } else {
            throw .noHome
        }
    }

    /// The key file of a vault (it may not exist).
    public func path(for vaultID: String) -> String {
        precondition(EncryptionSettings.isValidVaultID(vaultID), "vault ids are checked when between.yml is read")
        return folder + "/" + vaultID + ".txt"
    }

    /// Whether this machine has a key file for the vault.
    public func hasKey(for vaultID: String) -> Bool {
        FileSystem.status(path(for: vaultID), follow: true)?.kind == .file
    }

    /// The key file's text, or nil when there is none (or it can't be read).
    public func identity(for vaultID: String) -> [UInt8]? {
        guard case .success(let bytes) = FileSystem.read(path(for: vaultID), limit: 64 * 1024) else { return nil }
        return bytes
    }

    /// A warning when others than the owner may read or change the key file, else nil.
    public func permissionWarning(for vaultID: String) -> String? {
        let path = path(for: vaultID)
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let mode = info.st_mode & 0o777
        guard mode & 0o077 != 0 || info.st_uid != getuid() else { return nil }
        let shown = String(mode, radix: 8)
        return "the key file \(path) can be read by other people on this computer (its permissions are \(shown)); anyone who can read it can read your private notes. Fix it with: chmod 600 '\(path)'"
    }

    /// What `install` did.
    public enum Installed: Sendable, Equatable {
        case created
        /// The same key was there already.
        case alreadyThere
    }

    /// Writes a key file for the vault, created exclusively with mode 0600.
    /// An existing file is never replaced: the same key is fine, a different one is refused.
    public func install(_ identity: [UInt8], for vaultID: String) throws(Failure) -> Installed {
        let path = path(for: vaultID)
        try makeFolders()
        let outcome: ExclusiveFile.Outcome
        do {
            outcome = try ExclusiveFile.create(vaultID + ".txt", in: folder, bytes: identity, mode: 0o600)
        } catch .cannotCreate(_, let reason) {
            throw .cannotWrite(path: path, reason: reason)
        } catch {
            throw .cannotWrite(path: path, reason: error.description)
        }
        guard outcome == .taken else { return .created }
        guard let existing = self.identity(for: vaultID) else { throw .cannotWrite(path: path, reason: "a file is there already and can't be read") }
        if Self.secretLines(existing) == Self.secretLines(identity) { return .alreadyThere }
        throw .differentKeyInstalled(path: path)
    }

    /// The `AGE-SECRET-KEY-…` lines of a key file, the part that matters when comparing two.
    static func secretLines(_ identity: [UInt8]) -> [String] {
        String(decoding: identity, as: UTF8.self).split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.hasPrefix("AGE-SECRET-KEY-") }
    }

    /// Creates the folders on the way, each new one for its owner alone (as XDG asks).
    private func makeFolders() throws(Failure) {
        guard FileSystem.createFolders(folder, mode: 0o700) else {
            throw .cannotWrite(path: folder, reason: FileSystem.lastReason)
        }
        guard FileSystem.status(folder, follow: true)?.kind == .directory else {
            throw .cannotWrite(path: folder, reason: "it is not a folder")
        }
    }
}
