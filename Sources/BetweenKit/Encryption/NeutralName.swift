import BetweenCore

/// A file name for a new private note that says nothing about it, used by `between new`
/// when the vault encrypts private notes: encryption hides a note's contents from a git
/// remote, but not its path, and `sessions/2026-11-20.md` or `journal/…-phq9.md` would
/// tell anyone what it is and when.
///
/// The name is `private/YEAR/` and twelve random letters and digits (the year keeps the
/// folder browsable; commit dates show as much). Nothing in Between depends on where a
/// note lives or what it is called: its type, date and homework id are in its front matter.
enum NeutralName {
    /// The folder for a note written in `year`.
    static func folder(year: Int) -> String {
        "private/\(year)"
    }

    /// A new random stem, e.g. `k3x9q2m7w4pa`.
    static func stem() -> String {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyz23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<12).map { _ in alphabet[Int(generator.next(upperBound: UInt32(alphabet.count)))] })
    }

    /// Whether `text`, a new entry about to be written in `vault`, must get a neutral name:
    /// the vault encrypts private notes and this one is private.
    static func isWanted(for text: String, path: String, in vault: Vault) -> Bool {
        vault.config.encryption != nil && NotePrivacy.isPrivate(Array(text.utf8), path: path, in: vault)
    }
}
