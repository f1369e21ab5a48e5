/// Turns one file's text into an `Entry`: front matter, body, title, checks.
///
/// Checks that need the whole vault (unknown or duplicate homework ids) are in
/// `VaultChecks`; everything here depends on the one file alone, so files can be
/// parsed in parallel and re-parsed one at a time.
public enum EntryParser {
    /// Settings from the vault that change how a file is read.
    public struct Options: Sendable, Hashable {
        /// Entries without a `private:` field are private.
        public var privateByDefault: Bool

        public init(privateByDefault: Bool = false) {
            self.privateByDefault = privateByDefault
        }
    }

    /// Parses `text`, the contents of the file at `path` (relative to the vault).
    public static func parse(path: String, text: String, options: Options = Options()) -> Entry {
        let split = FrontMatterParser.parse(text)
        var diagnostics = split.diagnostics.map { $0.located(in: path) }
        let written = split.frontMatter?.fields ?? []
        let start = SourcePosition.fileStart
        let type = entryType(written, path: path, diagnostics: &diagnostics)
        let validator = FieldValidator(path: path, fallback: start)
        // `type` is judged by entryType, with a kinder message; `private` by EntryPrivacy, which fails closed.
        for pair in written where pair.key != "type" && pair.key != "private" {
            if let spec = FieldCatalog.spec(pair.key, for: type) {
                diagnostics += validator.check(pair, as: spec)
            } else if let misspelt = FieldSpelling.check(pair, type: type, path: path) {
                diagnostics.append(misspelt)
            }
        }
        diagnostics += FieldComments.check(split.frontMatter, type: type, path: path)
        // From here on, fields as Between reads them: `a, b` lists as lists, quoted numbers as numbers.
        let fields = FieldNormalizer.normalized(written, for: type)
        let date = fields.first { $0.key == "date" }.flatMap { dateValue($0.value) }
        if type.isLogEntry, split.frontMatter != nil, fields.first(where: { $0.key == "date" })?.value ?? .null == .null {
            diagnostics.append(.error("a \(type.rawValue) entry needs a date; add a line like `date: 2026-11-20 19:30` to its front matter",
                                      in: path, at: start))
        }
        if type == .measure {
            diagnostics += MeasureCheck.check(fields, path: path, fallback: start)
        }
        let privacy = EntryPrivacy(split, path: path, privateByDefault: options.privateByDefault)
        diagnostics += privacy.diagnostics
        let body = BodyParser.parse(split.body, lineOffset: split.bodyLineOffset)
        if let long = BodyLimit.warning(for: split.body, path: path, lineOffset: split.bodyLineOffset) { diagnostics.append(long) }
        if type == .safetyPlan {
            diagnostics += SafetyPlanCheck.check(body, path: path)
        }
        let entry = Entry(
            path: path, type: type,
            title: title(fields: fields, body: body, path: path),
            date: date, hasFrontMatter: split.hasFrontMatter, fields: fields, body: body,
            diagnostics: diagnostics.sorted(by: Diagnostic.isOrderedWithinFile),
            isPrivate: privacy.isPrivate)
        return entry
    }

    /// The record type from `type:`; a file without one is a `note`.
    private static func entryType(_ fields: [FieldPair], path: String, diagnostics: inout [Diagnostic]) -> EntryType {
        guard let pair = fields.first(where: { $0.key == "type" }), pair.value != .null else { return .note }
        guard let name = pair.value.text, let type = EntryType(rawValue: name.lowercased()) else {
            let shown = pair.value.text.map(MessageText.quoted) ?? pair.value.kindDescription
            diagnostics.append(.warning(
                "unknown type \(shown); Between reads this file as a note. Known types: \(EntryType.names.joined(separator: ", "))",
                in: path, at: pair.valuePosition ?? pair.keyPosition))
            return .note
        }
        return type
    }

    private static func dateValue(_ value: FieldValue) -> EntryDate? {
        switch value {
        case .date(let date): date
        case .string(let text): try? DateParser.parse(text)
        default: nil
        }
    }

    private static func title(fields: [FieldPair], body: Body, path: String) -> String {
        if let title = fields.first(where: { $0.key == "title" })?.value.text?.trimmingASCIIWhitespace(), !title.isEmpty {
            return title
        }
        if let heading = body.firstHeading?.trimmingASCIIWhitespace(), !heading.isEmpty {
            return heading
        }
        return Entry.stem(of: path)
    }
}
