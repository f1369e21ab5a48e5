import BetweenCore

/// Encrypting and decrypting one vault's notes: the public keys from its `between.yml`
/// (`encryption.recipients`), and this computer's secret key for it, when it has one.
public struct VaultCipher: Sendable {
    public let vault: Vault
    /// The public keys notes are encrypted to.
    public let recipients: [String]
    /// This computer's key file for the vault, when there is one.
    public let keyFile: String?
    /// A warning about the key file (permissions), to be shown once.
    public let keyWarning: String?
    /// The age tools, or why they can't be used.
    let tools: Result<Age, Age.Failure>

    /// Why a note couldn't be decrypted.
    public enum DecryptFailure: Error, Sendable, Equatable, CustomStringConvertible {
        /// This computer has no key for the vault (or the vault has no `vault-id`).
        case noKey
        case age(Age.Failure)

        public var description: String {
            switch self {
            case .noKey: EncryptedNote.message
            case .age(let failure): failure.description
            }
        }
    }

    /// Why a note couldn't be encrypted.
    public enum EncryptFailure: Error, Sendable, Equatable, CustomStringConvertible {
        case noRecipients
        case age(Age.Failure)

        public var description: String {
            switch self {
            case .noRecipients:
                "between.yml names no public key to encrypt private notes to (encryption.recipients); run `between encrypt setup`"
            case .age(let failure): failure.description
            }
        }
    }

    /// The cipher of `vault`, with the key from `keys` (none when the store can't be used).
    public init(vault: Vault, keys: KeyStore?) {
        self.init(vault: vault, settings: vault.config.encryption, keys: keys)
    }

    /// The cipher of `vault` with these settings (rather than its `between.yml`'s).
    public init(vault: Vault, settings: EncryptionSettings?, keys: KeyStore?) {
        self.vault = vault
        recipients = settings?.recipients ?? []
        if let keys, let id = settings?.vaultID, keys.hasKey(for: id) {
            keyFile = keys.path(for: id)
            keyWarning = keys.permissionWarning(for: id)
        } else {
            keyFile = nil
            keyWarning = nil
        }
        tools = Result { () throws(Age.Failure) in try Age.locate() }
    }

    /// Whether this computer can decrypt the vault's notes (it has a key and the age tools).
    public var canDecrypt: Bool {
        guard keyFile != nil, case .success = tools else { return false }
        return true
    }

    /// `plaintext`, ASCII-armored and encrypted to every recipient.
    public func encrypt(_ plaintext: [UInt8]) throws(EncryptFailure) -> [UInt8] {
        guard !recipients.isEmpty else { throw .noRecipients }
        do {
            return try tools.get().encrypt(plaintext, to: recipients)
        } catch {
            throw .age(error)
        }
    }

    /// The plaintext of an armored note.
    public func decrypt(_ ciphertext: [UInt8]) throws(DecryptFailure) -> [UInt8] {
        guard let keyFile else { throw .noKey }
        do {
            return try tools.get().decrypt(ciphertext, identityFile: keyFile)
        } catch {
            throw .age(error)
        }
    }
}
