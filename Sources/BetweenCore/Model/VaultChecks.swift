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
            let message = unknownIDMessage(
                reference.id, known: known,
                ifNone: "add it as homework/\(MessageText.excerpt(reference.id)).md, or remove the homework line",
                listing: 8, show: MessageText.excerpt)
            diagnostics.append(.error(message, in: reference.path, at: reference.position ?? .fileStart))
        }
        return diagnostics
    }

    /// "no assignment has the id 'x'" and what to write instead: the known id closest to
    /// `id`, or, when none is close, `ifNone` (there are no assignments yet) or the first
    /// `listing` of the `known` ids. `show` writes an id into the message (a note's ids are
    /// cut short; `between new --homework` shows them whole).
    package static func unknownIDMessage(_ id: String, known: [String], ifNone: String, listing: Int,
                                         show: (String) -> String) -> String {
        var message = "no assignment has the id '\(show(id))'"
        // The edit distance costs length × length: a pasted page is no typo of an id.
        if id.utf8.count <= 200, let suggestion = Suggestion.closest(to: id, among: known) {
            message += "; did you mean '\(show(suggestion))'?"
        } else if known.isEmpty {
            message += "; " + ifNone
        } else {
            message += "; known ids: \(known.prefix(listing).map(show).joined(separator: ", "))"
        }
        return message
    }
}
