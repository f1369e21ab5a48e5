/// A note that is an age-encrypted file (ASCII armor), as git leaves a private note on a
/// machine without the vault's key.
///
/// This is all the reading pipeline knows about encryption: such a file is recognised
/// before it is decoded, gets one diagnostic, and is left out of everything, as a private
/// note whose contents can't be seen. Decrypting is the git filter's business, not reading's.
public enum EncryptedNote {
    /// The first line of every ASCII-armored age file.
    public static let armorHeader = "-----BEGIN AGE ENCRYPTED FILE-----"

    /// What Between says about such a note (the one diagnostic it gets).
    public static let message = "encrypted private note; this machine doesn't have the key for this vault: see `between encrypt key --help`"

    /// Whether `bytes` are an armored age file: its header after at most a little
    /// leading white space (which age itself skips).
    public static func isArmored(_ bytes: some Collection<UInt8>) -> Bool {
        var rest = bytes[...]
        var skipped = 0
        while let first = rest.first, first == 0x20 || (0x09...0x0D).contains(first), skipped < 1024 {
            rest = rest.dropFirst()
            skipped += 1
        }
        return rest.starts(with: armorHeaderBytes)
    }

    /// The diagnostic for the encrypted note at `path`: a warning, since nothing is wrong
    /// with the note; it is just not readable here.
    public static func diagnostic(_ path: String) -> Diagnostic {
        .warning(message, in: path, at: .fileStart)
    }

    private static let armorHeaderBytes = Array(armorHeader.utf8)
}
