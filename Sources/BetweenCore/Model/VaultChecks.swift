/// Checks that need more than one file: homework ids that are unknown or used twice.
///
/// They work on `HomeworkReference`s (a few facts per file), so the index can run
/// them over thousands of records without loading every entry.
public enum VaultChecks {
    /// What a file says about assignments: its own id (for `homework` records) or
    /// the id it practises (for other records), and where that was written.
    public struct HomeworkReference: Sendable, Hashable {
        public var path: String
        public var isAssignment: Bool
        public var id: String
        public var position: SourcePosition?

        public init(path: String, isAssignment: Bool, id: String, position: SourcePosition?) {
            self.path = path
            self.isAssignment = isAssignment
            self.id = id
            self.position = position
        }

        /// The reference an entry makes, if any.
        public init?(_ entry: Entry) {
            guard let id = entry.homeworkID else { return nil }
            let pair = entry.fields.first { $0.key == (entry.type == .homework ? "id" : "homework") }
            self.init(path: entry.path, isAssignment: entry.type == .homework, id: id,
                      position: pair?.valuePosition ?? pair?.keyPosition ?? (entry.type == .homework ? .fileStart : nil))
        }
    }

    /// Diagnostics for duplicate and unknown ids; `references` must be sorted by path.
    public static func diagnostics(for references: [HomeworkReference]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var firstByID: [String: String] = [:]
        for reference in references where reference.isAssignment {
            if let first = firstByID[reference.id] {
                diagnostics.append(.error(
                    "two assignments have the id \(MessageText.quoted(reference.id)) (the other is \(first)); give this one a different `id:` or file name",
                    in: reference.path, at: reference.position ?? .fileStart))
            } else {
                firstByID[reference.id] = reference.path
            }
        }
        let known = firstByID.keys.sorted()
        for reference in references where !reference.isAssignment && firstByID[reference.id] == nil {
            var message = "no assignment has the id \(MessageText.quoted(reference.id))"
            // The edit distance costs length × length: a pasted page is no typo of an id.
            if reference.id.utf8.count <= 200, let suggestion = Suggestion.closest(to: reference.id, among: known) {
                message += "; did you mean \(MessageText.quoted(suggestion))?"
            } else if known.isEmpty {
                message += "; add it as homework/\(MessageText.excerpt(reference.id)).md, or remove the homework line"
            } else {
                message += "; known ids: \(known.prefix(8).map(MessageText.excerpt).joined(separator: ", "))"
            }
            diagnostics.append(.error(message, in: reference.path, at: reference.position ?? .fileStart))
        }
        return diagnostics
    }
}
