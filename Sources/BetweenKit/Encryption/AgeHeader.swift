import BetweenCore
import Foundation

/// What the header of an armored age file tells without a key: how many recipients it
/// was encrypted to. (X25519 stanzas don't say which public key each one is for.)
///
/// The filter uses it to notice a change of recipients: a stored note encrypted to a
/// different number of keys than `between.yml` lists is encrypted afresh.
enum AgeHeader {
    /// The number of recipient stanzas (`-> X25519 …`, `-> ssh-ed25519 …`, `-> ssh-rsa …`),
    /// or nil when `armored` is not a readable armored age file.
    static func recipientCount(_ armored: [UInt8]) -> Int? {
        let text = String(decoding: armored, as: UTF8.self)
        var lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let start = lines.firstIndex(of: EncryptedNote.armorHeader) else { return nil }
        lines.removeFirst(start + 1)
        // The header is at the start of the binary file; a few lines of base64 hold it
        // for any reasonable number of recipients.
        var encoded = ""
        for line in lines.prefix(256) {
            if line.hasPrefix("-----END") { break }
            encoded += line
        }
        encoded = String(encoded.prefix(encoded.count - encoded.count % 4))
        guard let decoded = Data(base64Encoded: encoded) else { return nil }
        let header = String(decoding: decoded.prefix { $0 < 0x80 }, as: UTF8.self)
        guard header.hasPrefix("age-encryption.org/v1\n") else { return nil }
        var count = 0
        for line in header.split(separator: "\n") {
            if line.hasPrefix("---") { return count }
            if line.hasPrefix("-> X25519 ") || line.hasPrefix("-> ssh-ed25519 ") || line.hasPrefix("-> ssh-rsa ") { count += 1 }
        }
        return nil
    }
}
