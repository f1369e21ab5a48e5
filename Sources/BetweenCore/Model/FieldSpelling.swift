/// Keys that look like a known field but aren't it: `homwork`, `distres`, `Mood`,
/// `suds_peak`. Between reads a field by its exact name (keys are case-sensitive), so the
/// value of such a key is kept but never used: the practice doesn't count for its
/// homework, the distress isn't charted. A warning at the key says which field was meant.
///
/// A key is taken for a field of its entry's type when it is
/// - the field's name but for capitals, `-`, `_` and spaces (`Mood`, `suds_peak`,
///   `Suds Peak`), whatever its value; or
/// - a slip or two away from it (one letter for names of up to four letters, two for
///   longer ones: `homwork`, `distres`, `tag`), and holds the kind of value the field
///   holds (not blank). So `distres: 60` is caught, but `food: pasta`, a key of the person's own
///   that happens to be one letter from `mood`, is left alone, as is any key far from
///   every field (`sleep`, `time`, `energy`).
///
/// Never a key that is a field of some other type (`suds-peak` on a mood entry is meant
/// as itself), and never about `private`: `EntryPrivacy` judges every spelling of that
/// one and fails closed, so it is not a candidate here and its look-alikes are skipped.
enum FieldSpelling {
    /// The warning for `pair`, a top-level key that is not a field of `type`, if it looks like one.
    static func check(_ pair: FieldPair, type: EntryType, path: String) -> Diagnostic? {
        let key = pair.key
        guard key.unicodeScalars.count <= 40, !allFieldNames.contains(key), PrivateSpelling.difference(key) == nil,
              let (field, sameLetters) = meant(key, value: pair.value, type: type) else { return nil }
        let why = sameLetters && key.lowercased() == field ? " (keys are case-sensitive)" : ""
        return .warning("'\(key)' is not a field Between knows\(why), so its value is kept but not used; "
                        + "did you mean '\(field)'? Write the key as `\(field)`",
                        in: path, at: pair.keyPosition ?? .fileStart)
    }

    /// The field of `type` that `key` is most likely meant as, and whether it differs only
    /// in capitals and separators.
    private static func meant(_ key: String, value: FieldValue, type: EntryType) -> (String, Bool)? {
        let candidates = FieldCatalog.fields(for: type).filter { $0.name != "private" }
        let folded = fold(key)
        if let same = candidates.first(where: { fold($0.name) == folded }) { return (same.name, true) }
        // A blank under a near name loses nothing; it is more likely a key of one's own.
        guard value != .null else { return nil }
        let letters = Array(key.lowercased())
        var best: (name: String, distance: Int)?
        for spec in candidates where spec.kind.accepts(value) {
            let name = Array(spec.name)
            let limit = min(letters.count, name.count) <= 4 ? 1 : 2
            guard abs(letters.count - name.count) <= limit else { continue }
            let distance = Suggestion.distance(letters, name)
            if distance <= limit, distance < best?.distance ?? .max { best = (spec.name, distance) }
        }
        return best.map { ($0.name, false) }
    }

    /// Lower case, without `-`, `_` and spaces.
    private static func fold(_ text: String) -> String {
        String(text.lowercased().filter { $0 != "-" && $0 != "_" && $0 != " " })
    }

    /// Every field of every type: a key that is one is never a misspelling.
    private static let allFieldNames = Set(EntryType.allCases.flatMap { FieldCatalog.fields(for: $0).map(\.name) })
}
