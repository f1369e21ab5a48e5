/// The `encryption:` setting of `between.yml`, written by `between encrypt setup`:
///
/// ```yaml
/// encryption:
///   vault-id: 3f9c1e7a5b2d4086
///   recipients:
///     - age1…   # this computer
/// ```
///
/// `vault-id` names the key file on each computer (the same in every clone);
/// `recipients` are the public keys private notes are encrypted to.
public struct EncryptionSettings: Sendable, Hashable {
    /// Names this vault's key file; nil when missing or unusable as a file name.
    public var vaultID: String?
    /// Public keys (`age1…`, or `ssh-ed25519 …` / `ssh-rsa …`), in written order; only the well-formed ones.
    public var recipients: [String]

    public init(vaultID: String?, recipients: [String]) {
        self.vaultID = vaultID
        self.recipients = recipients
    }

    /// Whether `id` can name a key file: lower-case letters, digits and `-`, at most 64.
    public static func isValidVaultID(_ id: String) -> Bool {
        guard let first = id.utf8.first, id.utf8.count <= 64, first != UInt8(ascii: "-") else { return false }
        return id.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == UInt8(ascii: "-") }
    }

    /// Whether `text` looks like a recipient age accepts: an `age1…` key (lower-case
    /// bech32) or an SSH public key line. age itself has the last word when encrypting.
    public static func isWellFormedRecipient(_ text: String) -> Bool {
        if text.hasPrefix("ssh-ed25519 ") || text.hasPrefix("ssh-rsa ") {
            return !text.contains("\n") && text.utf8.count < 16 * 1024
        }
        guard text.hasPrefix("age1"), text.utf8.count >= 10, text.utf8.count <= 1024 else { return false }
        return text.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) }
    }

    /// Reads the setting's value. Any `encryption:` that is there turns encryption on,
    /// even a damaged one, so a typo can never let private notes into git as plain text.
    static func parse(_ value: FieldValue, pair: FieldPair, path: String) -> (EncryptionSettings, [Diagnostic]) {
        var settings = EncryptionSettings(vaultID: nil, recipients: [])
        var diagnostics: [Diagnostic] = []
        let hint = "run `between encrypt setup` to write it, or see docs/encryption.md"
        guard case .map(let pairs) = value else {
            diagnostics.append(.error("encryption should be a set of named values (vault-id and recipients), but it is \(value.kindDescription); \(hint)",
                                      in: path, at: pair.valuePosition ?? pair.keyPosition))
            return (settings, diagnostics)
        }
        for inner in pairs {
            let position = inner.valuePosition ?? inner.keyPosition ?? pair.keyPosition
            switch (inner.key, inner.value) {
            case ("vault-id", .string(let id)) where isValidVaultID(id):
                settings.vaultID = id
            case ("vault-id", _):
                diagnostics.append(.error("encryption.vault-id should be lower-case letters, digits and '-' (it names this vault's key file); \(hint)",
                                          in: path, at: position))
            case ("recipients", .list(let items)):
                for item in items {
                    if let text = item.text, isWellFormedRecipient(text) {
                        settings.recipients.append(text)
                    } else {
                        let shown = item.text.map { "'\($0.prefix(40))'" } ?? item.kindDescription
                        diagnostics.append(.error("encryption.recipients has \(shown), which is not a public key (they look like age1…); it is left out",
                                                  in: path, at: position))
                    }
                }
            case ("recipients", .string(let text)) where isWellFormedRecipient(text):
                settings.recipients = [text]
            case ("recipients", _):
                diagnostics.append(.error("encryption.recipients should be a list of public keys (age1…); \(hint)", in: path, at: position))
            default:
                diagnostics.append(.warning("unknown encryption setting '\(inner.key)'; known ones are vault-id and recipients",
                                            in: path, at: inner.keyPosition ?? position))
            }
        }
        if settings.vaultID == nil, !pairs.contains(where: { $0.key == "vault-id" }) {
            diagnostics.append(.error("encryption has no vault-id; \(hint)", in: path, at: pair.keyPosition))
        }
        if settings.recipients.isEmpty, !pairs.contains(where: { $0.key == "recipients" }) {
            diagnostics.append(.error("encryption has no recipients, so private notes can't be encrypted; \(hint)", in: path, at: pair.keyPosition))
        }
        return (settings, diagnostics)
    }
}
