/// The person's safety plan (Stanley–Brown structure), read from the newest
/// `safety-plan` entry. Older plans are kept in the vault as history.
public struct SafetyPlan: Sendable, Hashable {
    /// The plan's parts, in the order docs/format.md#types gives them (`safety-plan`).
    public enum Part: String, Sendable, Hashable, CaseIterable {
        case warningSigns = "Warning signs"
        case onMyOwn = "Things I can do on my own"
        case peopleAndPlaces = "People and places that take my mind off it"
        case peopleToAsk = "People I can ask for help"
        case professionals = "Professionals and services"
        case saferSurroundings = "Making my surroundings safer"
        case whatMatters = "What matters to me"

        /// Words that identify the part's heading, however it is phrased.
        var keywords: [String] {
            switch self {
            case .warningSigns: ["warning"]
            case .onMyOwn: ["on my own", "by myself", "coping"]
            case .peopleAndPlaces: ["places", "take my mind", "distract"]
            case .peopleToAsk: ["ask for help", "people i can ask", "contacts"]
            case .professionals: ["professional", "services", "agencies"]
            case .saferSurroundings: ["surroundings", "safer", "environment"]
            case .whatMatters: ["matters", "reasons", "worth living"]
            }
        }

        /// The part a heading names, if any.
        package static func named(_ heading: String) -> Part? {
            let lower = heading.lowercased()
            return allCases.first { part in part.keywords.contains { lower.contains($0) } }
        }
    }

    /// One filled-in part.
    public struct Step: Sendable, Hashable {
        public var part: Part
        /// The lines the person wrote under it (list items or lines of text).
        public var items: [String]

        package init(part: Part, items: [String]) {
            self.part = part
            self.items = items
        }
    }

    public var path: String
    public var date: EntryDate?
    /// Filled-in parts, in the plan's order (not the file's).
    public var steps: [Step]

    /// The parts `cope` shows in a hard moment, in order: the things to do (steps 2–6
    /// of the plan) and what matters. Warning signs are for noticing, earlier; they
    /// stay in the file and in `steps`.
    public var stepsForNow: [Step] {
        steps.filter { $0.part != .warningSigns }
    }

    /// A plan read from an entry (`SafetyPlan(_:template:)`, where the template's own lines are known).
    package init(path: String, date: EntryDate?, steps: [Step]) {
        self.path = path
        self.date = date
        self.steps = steps
    }

    /// Whether `entry` is the plan that counts over `other`: the later date (an undated
    /// plan counts as oldest); on the same date, or with none,
    /// the first by path.
    package static func isNewer(_ entry: Entry, than other: Entry) -> Bool {
        let date = EntryDate.sortNumber(entry.date), otherDate = EntryDate.sortNumber(other.date)
        return date != otherDate ? date > otherDate : entry.path < other.path
    }
}
