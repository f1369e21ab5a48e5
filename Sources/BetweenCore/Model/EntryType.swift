/// The kinds of record a vault holds, chosen by the `type:` front-matter key.
public enum EntryType: String, Sendable, Hashable, CaseIterable, Codable {
    case homework
    case session
    case reflection
    case thoughtRecord = "thought-record"
    case exposure
    case activity
    case mood
    case diaryCard = "diary-card"
    case measure
    case safetyPlan = "safety-plan"
    case note

    /// Types that log something that happened on a day, and so need a `date`.
    public var isLogEntry: Bool {
        switch self {
        case .homework, .note, .safetyPlan: false
        default: true
        }
    }

    /// Types that can record practice of an assignment and carry the common
    /// rating fields (mood, distress, helpful, fit, functioning, flags).
    public var hasCommonFields: Bool {
        switch self {
        case .homework, .safetyPlan: false
        default: true
        }
    }

    /// The type names as written in front matter, for messages and completion.
    public static var names: [String] { allCases.map(\.rawValue) }

    /// Why `name`, given as a type (`--type`), is not one, and what to write instead; nil
    /// when it is one. A questionnaire's name (`phq9`, `PHQ-9`) is not a type: its notes
    /// are of type `measure`, told apart by their `instrument`.
    public static func problem(withName name: String) -> String? {
        guard EntryType(rawValue: name) == nil else { return nil }
        let shown = MessageText.excerpt(name)
        let folded = String(name.lowercased().filter { $0 != "-" && $0 != "_" && $0 != " " })
        if let instrument = Instrument(rawValue: folded) {
            return "\(shown) is a questionnaire, so its notes are of type measure; use --type measure, "
                + "or `between query 'instrument = \(instrument.rawValue)'` for the \(instrument.displayName) ones only."
        }
        let hint = Suggestion.closest(to: name, among: names).map { " Did you mean '\($0)'?" } ?? ""
        return "unknown type '\(shown)'.\(hint) Types: \(names.joined(separator: ", "))."
    }
}
