/// What `between cope` shows at a hard moment: the safety plan first, then what
/// has helped this person before, then the crisis line. Calm, short, no scores.
public struct CopeCard: Sendable, Hashable {
    public var plan: SafetyPlan?
    public var helped: [HelpedBefore.Practice]
    public var crisisLine: String?
    /// True when no entry rates anything (so "what helped" is empty for that reason).
    public var noRatingsYet: Bool

    /// How many practices are shown: a few, so it stays readable in a hard moment.
    public static let shown = 5

    public static func build(entries: [Entry], config: VaultConfig, homework: String? = nil, tag: String? = nil) -> CopeCard {
        var builder = Builder(config: config, homework: homework, tag: tag)
        entries.forEach { builder.add($0) }
        return builder.card
    }

    /// Builds the card from entries given one at a time, in any order (`Index.forEachEntry`).
    public struct Builder: Sendable {
        private let crisisLine: String?
        private var helped: HelpedBefore.Tally
        private var newestPlan: Entry?
        private var anyRating = false

        public init(config: VaultConfig, homework: String? = nil, tag: String? = nil) {
            crisisLine = config.crisisLine
            helped = HelpedBefore.Tally(homework: homework, tag: tag)
        }

        public mutating func add(_ entry: Entry) {
            if entry.type == .homework { helped.noteAssignment(entry) }
            if entry.type == .safetyPlan, newestPlan.map({ SafetyPlan.isNewer(entry, than: $0) }) ?? true { newestPlan = entry }
            anyRating = anyRating || HelpedBefore.benefit(entry) != nil
            helped.add(entry)
        }

        public var card: CopeCard {
            CopeCard(plan: newestPlan.map(SafetyPlan.init), helped: Array(helped.ranked().prefix(shown)),
                     crisisLine: crisisLine, noRatingsYet: !anyRating)
        }
    }
}
