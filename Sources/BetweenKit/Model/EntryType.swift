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
}
