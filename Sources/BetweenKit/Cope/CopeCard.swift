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
        let assignments = entries.filter { $0.type == .homework }
        let helped = HelpedBefore.rank(entries, assignments: assignments, homework: homework, tag: tag)
        return CopeCard(plan: SafetyPlan.newest(of: entries), helped: Array(helped.prefix(shown)),
                        crisisLine: config.crisisLine,
                        noRatingsYet: !entries.contains { HelpedBefore.benefit($0) != nil })
    }
}
