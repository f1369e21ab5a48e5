import BetweenCore

/// A kind of entry `between new` can write: one per built-in entry template.
///
/// Most kinds are record types (`mood`, `thought-record`); the questionnaires are
/// kinds of their own (`phq9`, `gad7`) that write `measure` records.
public struct EntryKind: Sendable, Hashable {
    /// The name typed after `between new`, and the template's name without `.md.mustache`.
    public var name: String
    /// The record type the template writes.
    public var type: EntryType
    /// For questionnaires, the instrument.
    public var instrument: Instrument?

    /// Where a kind's files go in the vault.
    public enum Folder: Sendable, Hashable {
        /// `journal/YYYY/MM/YYYY-MM-DD-HHMM-NAME.md`
        case journal
        /// `sessions/YYYY-MM-DD.md`
        case sessions
        /// `homework/ID.md`
        case homework
        /// `NAME.md` at the top of the vault (the safety plan).
        case top
    }

    /// Where this kind's files go.
    public var folder: Folder {
        switch type {
        case .homework: .homework
        case .session: .sessions
        case .safetyPlan: .top
        default: .journal
        }
    }

    /// The template file, e.g. `thought-record.md.mustache`.
    public var templateName: String { name + ".md.mustache" }

    /// Every kind, in the order `--help` lists them.
    public static let all: [EntryKind] = [
        EntryKind(name: "homework", type: .homework),
        EntryKind(name: "session", type: .session),
        EntryKind(name: "reflection", type: .reflection),
        EntryKind(name: "thought-record", type: .thoughtRecord),
        EntryKind(name: "exposure", type: .exposure),
        EntryKind(name: "activity", type: .activity),
        EntryKind(name: "mood", type: .mood),
        EntryKind(name: "diary-card", type: .diaryCard),
        EntryKind(name: "phq9", type: .measure, instrument: .phq9),
        EntryKind(name: "gad7", type: .measure, instrument: .gad7),
        EntryKind(name: "safety-plan", type: .safetyPlan),
    ]

    /// The names `between new` accepts.
    public static var names: [String] { all.map(\.name) }

    /// The kind called `name` (case-insensitive, `_` read as `-`), or a message that
    /// says what was meant.
    public static func named(_ name: String) throws(CaptureError) -> EntryKind {
        let wanted = name.lowercased().replacingUnderscores()
        if let kind = all.first(where: { $0.name == wanted }) { return kind }
        switch wanted {
        case "measure": throw .unknownKind(name, hint: "for a questionnaire, say which one: phq9 or gad7")
        case "phq-9": return all.first { $0.name == "phq9" }!
        case "gad-7": return all.first { $0.name == "gad7" }!
        case "note": throw .unknownKind(name, hint: "a note needs no template: create any .md file in the vault")
        default:
            let hint = Suggestion.closest(to: wanted, among: names).map { "did you mean '\($0)'?" }
            throw .unknownKind(name, hint: hint)
        }
    }
}

private extension String {
    func replacingUnderscores() -> String {
        String(map { $0 == "_" ? "-" : $0 })
    }
}
