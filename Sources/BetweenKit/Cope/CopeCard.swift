import BetweenCore

/// What `between cope` shows at a hard moment: the safety plan first, then what
/// has helped this person before, then the crisis line. Calm, short, no scores.
public struct CopeCard: Sendable, Hashable {
    public var plan: SafetyPlan?
    public var helped: [HelpedBefore.Practice]
    public var crisisLine: String?
    /// True when no entry rates anything (so "what helped" is empty for that reason).
    public var noRatingsYet: Bool
    /// Practices left out because they went badly or didn't help or fit (`HelpedBefore`).
    public var leftOut: Int

    /// How many practices are shown: a few, so it stays readable in a hard moment.
    public static let shown = 5

    /// Builds the card from entries given one at a time, in any order (`Index.forEachEntry`).
    public struct Builder: Sendable {
        private let crisisLine: String?
        private let template: TemplateText
        private var helped: HelpedBefore.Tally
        private var newestPlan: Entry?
        private var anyRating = false

        /// `template`: what the vault's entry templates write (default: the built-in ones),
        /// never shown as a step of the plan or as something the person wrote.
        public init(config: VaultConfig, homework: String? = nil, tag: String? = nil, template: TemplateText? = nil) {
            crisisLine = config.crisisLine
            self.template = template ?? .builtIn(crisisLine: config.crisisLine)
            helped = HelpedBefore.Tally(thresholds: config.thresholds, template: self.template, homework: homework, tag: tag)
        }

        public mutating func add(_ entry: Entry) {
            if entry.type == .homework { helped.noteAssignment(entry) }
            if entry.type == .safetyPlan, newestPlan.map({ SafetyPlan.isNewer(entry, than: $0) }) ?? true { newestPlan = entry }
            anyRating = anyRating || HelpedBefore.benefit(entry) != nil
            helped.add(entry)
        }

        public var card: CopeCard {
            CopeCard(plan: newestPlan.map { SafetyPlan($0, template: template) }, helped: Array(helped.ranked().prefix(shown)),
                     crisisLine: crisisLine, noRatingsYet: !anyRating, leftOut: helped.leftOut)
        }
    }
}
