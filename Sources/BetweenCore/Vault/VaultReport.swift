/// The problems of many notes as `check` reports them: each note's own, plus the checks
/// that span files (`VaultChecks`: duplicate and unknown homework ids), sorted by path,
/// then place (`Diagnostic.inReportOrder`).
///
/// Only a note's problems and what it says about homework ids are kept, not its entry,
/// so a report of a whole vault stays small.
public struct VaultReport: Sendable {
    private var problems: [Diagnostic]
    private var references: [VaultChecks.HomeworkReference] = []
    private var reported: Set<String> = []

    /// A report starting with `other` problems (settings, scanning).
    public init(_ other: [Diagnostic] = []) {
        problems = other
    }

    /// What a report keeps of one note read by `VaultReader`: its problems (or the one
    /// saying why it couldn't be read) and what it says about homework ids.
    public struct Note: Sendable {
        var path: String?
        var problems: [Diagnostic]
        var reference: VaultChecks.HomeworkReference?

        public init(_ result: Result<Entry, Diagnostic>) {
            switch result {
            case .success(let entry):
                (path, problems, reference) = (entry.path, entry.diagnostics, VaultChecks.HomeworkReference(entry))
            case .failure(let diagnostic):
                (path, problems, reference) = (nil, [diagnostic], nil)
            }
        }
    }

    /// Adds a note. Its homework reference always counts (it may define an id others
    /// use); its problems, and those other files find in it, only when `reported`
    /// (`check --staged` reads unstaged assignments only for their ids).
    public mutating func add(_ note: Note, reported: Bool = true) {
        if let reference = note.reference { references.append(reference) }
        guard reported else { return }
        problems += note.problems
        if let path = note.path { self.reported.insert(path) }
    }

    /// Adds a note as `VaultReader` read it (see `add(_:reported:)`).
    public mutating func add(_ result: Result<Entry, Diagnostic>, reported: Bool = true) {
        add(Note(result), reported: reported)
    }

    /// Adds what a note not read here says about homework ids (`Assignments.references`),
    /// for the checks across files; its problems are not reported.
    public mutating func add(reference: VaultChecks.HomeworkReference) {
        references.append(reference)
    }

    /// Adds a problem not found by reading a note (`check --staged`'s refusal of a private
    /// note staged in plain text).
    public mutating func add(problem: Diagnostic) {
        problems.append(problem)
    }

    /// Every problem kept, with those the checks across files find in reported notes. Of
    /// two assignments with one id, the first by path is the original (as in `check`).
    public var diagnostics: [Diagnostic] {
        let inPathOrder = references.enumerated().sorted { ($0.element.path, $0.offset) < ($1.element.path, $1.offset) }.map(\.element)
        let crossFile = VaultChecks.diagnostics(for: inPathOrder).filter { reported.contains($0.path) }
        return Diagnostic.inReportOrder(problems + crossFile)
    }
}
