/// Whether an entry is private. Fails closed: when Between can't be sure a note is
/// meant to be shared, it is private, and a warning says why and what to write
/// (docs/format.md, "Private entries").
///
/// Private, with a warning at the spot, is a note whose front matter has
/// - `private:` blank, `null`, `~`, or any value but the boolean `false` (`true` itself
///   needs no warning);
/// - a key that is a spelling of `private` (`Private`, a look-alike letter, an
///   invisible character, a slip: `PrivateSpelling`), whatever its value;
/// - `private` (any spelling) inside another field, with any value but `false`;
/// - or that can't be read at all (a YAML error, an unclosed fence, git conflict
///   markers…) but mentions `private` in its text.
/// Otherwise `private: false` shares the note, and without any of these the vault's
/// `private-by-default` decides.
struct EntryPrivacy {
    private(set) var isPrivate = false
    private(set) var diagnostics: [Diagnostic] = []
    private var saysShared = false
    private let path: String
    private let format: FrontMatter.Format

    init(_ split: SplitSource, path: String, privateByDefault: Bool) {
        self.path = path
        format = split.frontMatter?.format ?? .yaml
        if let unread = split.unread,
           let mention = PrivateSpelling.firstMention(in: unread.text, line: unread.firstLine, column: unread.firstColumn) {
            mark("this note's front matter can't be read, and it mentions 'private' here, so Between keeps the whole note "
                 + "private until the front matter is fixed", at: mention)
            return
        }
        for pair in split.frontMatter?.fields ?? [] {
            judge(pair)
            if let nested = Self.firstNested(in: pair.value, under: pair.key) {
                mark("\(MessageText.quoted(nested.path)) is inside another field, and Between reads `private` only at the top "
                     + "level of the front matter, so to be safe it treats this note as private; write \(write(true)) at the "
                     + "top level\(format == .toml ? " (above any [table] line)" : "") to keep it private, or \(write(false)) to share it",
                     at: nested.position ?? pair.keyPosition)
            }
        }
        if !isPrivate, !saysShared { isPrivate = privateByDefault }
    }

    private mutating func judge(_ pair: FieldPair) {
        let at = pair.keyPosition
        guard pair.key == "private" else {
            if let difference = PrivateSpelling.difference(pair.key) {
                mark("the key '\(PrivateSpelling.shown(pair.key))' looks like `private` (\(difference.reason)), so Between "
                     + "treats this note as private; write \(write(true)) to keep it private, or \(write(false)) to share it", at: at)
            }
            return
        }
        switch pair.value {
        case .bool(true):
            isPrivate = true
        case .bool(false):
            saysShared = true
        case .null:
            mark("`private` has no value (it is blank or null), so Between treats this note as private; "
                 + "write \(write(true)) to keep it private, or \(write(false)) to share it", at: at)
        case let value:
            let shown = value.text.map(MessageText.quoted) ?? value.kindDescription
            mark("`private` should be true or false, but it is \(shown); to be safe Between treats this note as private. "
                 + "Write \(write(true)) to keep it private, or \(write(false)) to share it", at: pair.valuePosition ?? at)
        }
    }

    private mutating func mark(_ message: String, at position: SourcePosition?) {
        isPrivate = true
        diagnostics.append(.warning(message, in: path, at: position ?? .fileStart))
    }

    /// `private: true` as written in this note's format.
    private func write(_ value: Bool) -> String {
        switch format {
        case .yaml: "`private: \(value)`"
        case .toml: "`private = \(value)`"
        case .json: "`\"private\": \(value)`"
        }
    }

    /// The first key below the top level that is `private` or a spelling of it, with a
    /// value other than `false`: its dotted path and position (when the format keeps one).
    private static func firstNested(in value: FieldValue, under key: String) -> (path: String, position: SourcePosition?)? {
        guard let (keys, position) = nestedKeys(in: value) else { return nil }
        return (([key] + keys.reversed()).joined(separator: "."), position)
    }

    /// The keys leading to such a key, innermost first (the path is built only once found).
    private static func nestedKeys(in value: FieldValue) -> (keys: [String], position: SourcePosition?)? {
        switch value {
        case .map(let pairs):
            for pair in pairs {
                if pair.key == "private" || PrivateSpelling.difference(pair.key) != nil, pair.value != .bool(false) {
                    return ([pair.key], pair.keyPosition)
                }
                if var found = nestedKeys(in: pair.value) {
                    found.keys.append(pair.key)
                    return found
                }
            }
        case .list(let items):
            for item in items {
                if let found = nestedKeys(in: item) { return found }
            }
        default:
            break
        }
        return nil
    }
}
