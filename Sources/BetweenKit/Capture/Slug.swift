import Foundation

/// Turns a title into a file name part that is safe anywhere: `Bus: 3 stops / Sat!` → `bus-3-stops-sat`.
///
/// Letters and digits are kept (accents folded away where there is an ASCII letter,
/// other scripts kept as they are), everything else becomes a single `-`. The result
/// never holds `/`, `.`, `..`, spaces, control characters or anything a file system
/// refuses, never starts or ends with `-`, and is at most `maximumLength` characters.
public enum Slug {
    /// The longest slug made; long titles are cut at a word boundary when there is one.
    public static let maximumLength = 60

    /// The slug of `text`, or nil when nothing usable is left (`"///"`, `".."`, emoji only).
    public static func make(_ text: String) -> String? {
        let folded = text.folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil).lowercased()
        var slug = ""
        var pendingDash = false
        for character in folded {
            if isKept(character) {
                if pendingDash, !slug.isEmpty { slug.append("-") }
                pendingDash = false
                slug.append(character)
            } else {
                pendingDash = true
            }
        }
        if slug.count > maximumLength {
            let cut = String(slug.prefix(maximumLength))
            // Prefer ending at a word boundary, unless that throws most of it away.
            if let dash = cut.lastIndex(of: "-"), cut.distance(from: cut.startIndex, to: dash) >= maximumLength / 2 {
                slug = String(cut[..<dash])
            } else {
                slug = cut
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug.isEmpty ? nil : slug
    }

    /// ASCII letters and digits, and letters and digits of other scripts; never a
    /// separator, dot, space, control or format character, or symbol.
    private static func isKept(_ character: Character) -> Bool {
        if character.isASCII { return character.isLetter || character.isNumber }
        guard character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first else { return false }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .otherLetter, .modifierLetter, .decimalNumber:
            return true
        default:
            return false
        }
    }
}
