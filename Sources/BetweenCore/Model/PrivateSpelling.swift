import Foundation

/// The spellings of `private` that Between treats as `private` (docs/format.md, "Private entries").
///
/// A key meant as `private` but written a little differently must not leave a note
/// public. A key counts when it becomes `private` after, in this order: Unicode
/// compatibility normalisation (NFKC: full-width and styled letters become plain
/// ones); removing invisible characters (Unicode's format and default-ignorable
/// characters: zero-width spaces and joiners, soft hyphens, direction marks) and
/// accents; replacing the Cyrillic and Greek letters that look like Latin ones
/// (`lookAlikes`); lower case; trimming spaces; and allowing one slip of the keyboard
/// (a letter missing, added, changed, or two swapped: `privte`, `privat`, `pirvate`).
enum PrivateSpelling {
    /// How a key that counts as `private` differs from it; the most surprising first.
    enum Difference: Int, Comparable {
        case invisible, lookAlike, otherForm, accents, letterCase, spaces, typo

        static func < (lhs: Difference, rhs: Difference) -> Bool { lhs.rawValue < rhs.rawValue }

        /// Why the key is not exactly `private`, for a message.
        var reason: String {
            switch self {
            case .invisible: "it has an invisible character in it"
            case .lookAlike: "it has a letter from another alphabet that looks like a Latin one"
            case .otherForm: "it is written in full-width or styled letters"
            case .accents: "it has an accent mark"
            case .letterCase: "it has capital letters, and keys are case-sensitive"
            case .spaces: "it has spaces around it"
            case .typo: "it looks like a typing slip"
            }
        }
    }

    /// How `key` differs from `private`: nil when it isn't a spelling of it (or is exactly `private`).
    static func difference(_ key: String) -> Difference? {
        guard key != "private" else { return nil }
        // Every note has plain keys (`distress`, `homework`): rule them out without a copy.
        if key.utf8.allSatisfy({ $0 < 0x80 }), !mightBeASCIISpelling(key.utf8) { return nil }
        let (word, changes) = fold(key)
        if word == "private" { return changes.min() }
        return isSlip(word) ? .typo : nil
    }

    /// Where `text` (a file's text from `line`, `column`) first mentions `private`: a
    /// word that folds to `private`, a slip of it, or a longer word built on it
    /// (`privately`, `isPrivate`). Nil when it doesn't.
    static func firstMention(in text: String, line firstLine: Int, column firstColumn: Int) -> SourcePosition? {
        var line = firstLine
        var column = firstColumn
        var word = String.UnicodeScalarView()
        var wordStart = SourcePosition(line: line, column: column)
        func mentions() -> Bool {
            guard word.count >= 5 else { return false }
            let folded = fold(String(word)).word
            return folded.contains("privat") || isSlip(folded)
        }
        for scalar in text.unicodeScalars {
            if isWordScalar(scalar) {
                if word.isEmpty { wordStart = SourcePosition(line: line, column: column) }
                word.append(scalar)
            } else if !word.isEmpty {
                if mentions() { return wordStart }
                word = String.UnicodeScalarView()
            }
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return mentions() ? wordStart : nil
    }

    /// `key` as it would be shown in a message: invisible and look-alike characters as
    /// `<U+200B>`, so the person can see what makes it differ; cut to `MessageText.limit`.
    static func shown(_ key: String) -> String {
        var result = ""
        for scalar in key.unicodeScalars.prefix(MessageText.limit) {
            if isInvisible(scalar) || lookAlikes[scalar] != nil || scalar.properties.generalCategory == .control {
                result += "<U+" + scalar.value.zeroPadded(to: 4, radix: 16, uppercase: true) + ">"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return key.unicodeScalars.count > MessageText.limit ? result + "…" : result
    }

    /// `text` as the comparison sees it: compatibility forms, invisible characters, accents
    /// and look-alike letters folded away, lower case, spaces trimmed. The settings file's
    /// `private-by-default` check uses it too, so both rules see the same spellings.
    static func folded(_ text: String) -> String {
        fold(text).word
    }

    // MARK: - Folding

    private static func fold(_ text: String) -> (word: String, changes: [Difference]) {
        var changes: [Difference] = []
        var plain = String.UnicodeScalarView()
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            plain = text.unicodeScalars
        } else {
            let compatible = text.precomposedStringWithCompatibilityMapping
            // A no-break space becoming a space is a matter of spaces, not of letters.
            let letters = { (form: String) in form.unicodeScalars.filter { !$0.properties.isWhitespace } }
            if !letters(compatible).elementsEqual(letters(text.precomposedStringWithCanonicalMapping)) { changes.append(.otherForm) }
            for scalar in compatible.decomposedStringWithCanonicalMapping.unicodeScalars {
                if isInvisible(scalar) {
                    changes.append(.invisible)
                } else if [.nonspacingMark, .enclosingMark].contains(scalar.properties.generalCategory) {
                    changes.append(.accents)
                } else if let latin = lookAlikes[scalar] {
                    changes.append(.lookAlike)
                    plain.append(latin)
                } else {
                    plain.append(scalar)
                }
            }
        }
        let lower = String(plain).lowercased()
        if lower != String(plain) { changes.append(.letterCase) }
        let scalars = lower.unicodeScalars
        let start = scalars.firstIndex { !$0.properties.isWhitespace } ?? scalars.endIndex
        let end = scalars.lastIndex { !$0.properties.isWhitespace }.map(scalars.index(after:)) ?? start
        if start != scalars.startIndex || end != scalars.endIndex { changes.append(.spaces) }
        return (String(scalars[start..<end]), changes)
    }

    /// One slip changes `private` either after `pri` or before `ate` (they don't overlap),
    /// so a plain-ASCII spelling of it starts with the one or ends with the other.
    private static func mightBeASCIISpelling(_ key: String.UTF8View) -> Bool {
        let isBlank = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        guard (6...12).contains(key.count), let first = key.firstIndex(where: { !isBlank($0) }),
              let last = key.lastIndex(where: { !isBlank($0) }) else { return false }
        let word = key[first...last]
        let lower = { (byte: UInt8) in byte | 0x20 } // ASCII letters to lower case; a filter only
        return word.prefix(3).lazy.map(lower).elementsEqual("pri".utf8) || word.suffix(3).lazy.map(lower).elementsEqual("ate".utf8)
    }

    private static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .format || scalar.properties.isDefaultIgnorableCodePoint
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .format:
            true
        default:
            isInvisible(scalar)
        }
    }

    /// Whether `word` is one slip away from `private`: one letter missing, added or
    /// changed, or two neighbours swapped (optimal string alignment distance 1).
    private static func isSlip(_ word: String) -> Bool {
        let target = Array("private".unicodeScalars)
        let letters = Array(word.unicodeScalars)
        guard abs(letters.count - target.count) <= 1 else { return false }
        var (i, j) = (0, 0)
        while i < letters.count, j < target.count, letters[i] == target[j] { i += 1; j += 1 }
        let (left, right) = (letters[i...], target[j...])
        if left.count == right.count {
            if left.dropFirst().elementsEqual(right.dropFirst()) { return true } // changed
            return left.count >= 2 && left.first == right.dropFirst().first && right.first == left.dropFirst().first
                && left.dropFirst(2).elementsEqual(right.dropFirst(2)) // swapped
        }
        return left.count > right.count ? left.dropFirst().elementsEqual(right) : right.dropFirst().elementsEqual(left)
    }

    /// Cyrillic and Greek letters that look like Latin ones, and two Latin letters
    /// without a dot or with another shape (ı, ɑ): the usual suspects in a key that
    /// looks right but isn't. Capitals map to lower case.
    static let lookAlikes: [Unicode.Scalar: Unicode.Scalar] = {
        let pairs: [(String, String)] = [
            // Cyrillic
            ("аАВеЕіІјЈкКМНоОрРсСТуҮхХѕЅԁԛԚԝԜӏӀһ", "aabeeiijjkkmhoopp" + "cctyyxxssdqqwwllh"),
            // Greek
            ("αΑΒεΕΖΗιΙκΚΜΝνοΟρΡτΤυΥχΧ", "aabeezhiikkmnvooppttuyxx"),
            // Latin
            ("ıɑ", "ia"),
        ]
        var table: [Unicode.Scalar: Unicode.Scalar] = [:]
        for (from, to) in pairs {
            precondition(from.unicodeScalars.count == to.unicodeScalars.count, "look-alike table out of step")
            for (source, latin) in zip(from.unicodeScalars, to.unicodeScalars) { table[source] = latin }
        }
        return table
    }()
}