import BetweenCore

/// Keeping an unchanged private note's stored ciphertext.
///
/// age encrypts with fresh randomness every time, so encrypting the same note twice
/// gives different bytes, and git would see a change after every `touch`, checkout,
/// stash or rebase. So before encrypting, the clean filter looks at what is stored for
/// the path, in the index, then in the last commit: when that is ciphertext whose
/// plaintext is exactly the note, to the same number of recipients as `between.yml`
/// lists and with the recipients unchanged since the last commit, those stored bytes
/// are returned unchanged. Only a real edit (or new recipients) encrypts afresh.
enum StableCiphertext {
    /// The stored ciphertext of `path` whose plaintext is `plaintext`, if there is one.
    static func stored(for path: String, plaintext: [UInt8], in entry: FilterVaults.Entry, git: Git) -> [UInt8]? {
        let cipher = entry.cipher
        guard cipher.canDecrypt, !entry.recipientsChangedSinceLastCommit else { return nil }
        // `:0:path` is the index's copy (stage 0, spelled out so no path reads as a stage number).
        var tried: [UInt8]?
        for name in [":0:" + path, "HEAD:" + path] {
            guard let output = try? git.run(["cat-file", "blob", name]), output.status == 0 else { continue }
            let stored = [UInt8](output.stdout)
            guard stored != tried else { continue } // the index holds what the last commit holds
            tried = stored
            guard EncryptedNote.isArmored(stored), AgeHeader.recipientCount(stored) == cipher.recipients.count,
                  let earlier = try? cipher.decrypt(stored), earlier == plaintext else { continue }
            return stored
        }
        return nil
    }
}
