/// The comments the built-in entry templates write beside each field
/// (`mood:            # 0–10, overall mood`), read from the templates themselves
/// (`templates/KIND.md.mustache`, compiled into the binary), and each field's summary in
/// `FieldCatalog`, which says the same.
///
/// `FieldComments` uses them to tell a comment left as the template wrote it from one
/// with a value typed after it: `# 0–10, overall mood 5` is the template's comment and a
/// 5, while `# the date of the next session, e.g. 2026-11-27` is the template's alone.
enum TemplateComments {
    /// Every known comment of a field, as Unicode scalars, longest first (so the longest
    /// matching one is found first). The answers of a questionnaire are under `items`.
    static func known(for field: String) -> [[Unicode.Scalar]] {
        table[field] ?? []
    }

    private static let table: [String: [[Unicode.Scalar]]] = {
        var comments: [String: Set<String>] = [:]
        for type in EntryType.allCases {
            for spec in FieldCatalog.fields(for: type) { comments[spec.name, default: []].insert(spec.summary) }
        }
        for (name, text) in BuiltinTemplates.files where name.hasSuffix(".md.mustache") {
            for (field, comment) in fieldComments(in: text) { comments[field, default: []].insert(comment) }
        }
        return comments.mapValues { texts in
            texts.map { Array($0.unicodeScalars) }.sorted { $0.count != $1.count ? $0.count > $1.count : $0.lexicographicallyPrecedes($1) }
        }
    }()

    /// The (field, comment) pairs of a template's front matter: `key: … # comment` lines,
    /// and `- # comment` lines, which belong to the field above them (`items:`, whose
    /// line has no comment of its own, for a questionnaire's answers).
    static func fieldComments(in template: String) -> [(String, String)] {
        let lines = template.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first.map({ String($0).trimmingASCIIWhitespace() }) == "---" else { return [] }
        var result: [(String, String)] = []
        var field: String?
        for line in lines.dropFirst() {
            if String(line).trimmingASCIIWhitespace() == "---" { break }
            let hash = line.firstRange(of: " #")
            let before = hash.map { line[..<$0.lowerBound] } ?? line[...]
            let comment = hash.map { String(line[$0.upperBound...]).trimmingASCIIWhitespace() }
            if let first = before.first, first != " ", first != "\t", first != "#", let colon = before.firstIndex(of: ":") {
                field = String(before[..<colon])
                if let comment { result.append((field!, comment)) }
            } else if let comment, String(before).trimmingASCIIWhitespace() == "-", let field {
                result.append((field, comment))
            }
        }
        return result
    }
}
