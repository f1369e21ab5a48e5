/// "What has helped you before": practices ranked from the person's own entries.
///
/// A practice is an assignment (entries naming it with `homework:`), an activity
/// (`activity:` of an activity entry, when no assignment is named) or a DBT skill
/// (each item of a diary card's `skills:`). Each entry that rates it gives a
/// benefit on a 0–100 scale: the mean of what it has among `helpful` × 10, the
/// SUDS drop (before or peak → after) and the emotion drop of a thought record.
/// Practices are ranked by total benefit ÷ (times + 3): shrunk toward zero, so a
/// single dramatic entry can't outrank something that helped many times (one
/// 90 scores 22.5; ten 60s score 46). Ties: more times first, then more recent,
/// then the name. Private entries count: this list is for the vault's owner.
public enum HelpedBefore {
    public static let prior = 3.0

    /// One practice, with what the person wrote about it.
    public struct Practice: Sendable, Hashable {
        public var key: String
        public var name: String
        public var times: Int
        public var lastDay: EntryDate?
        /// One line the person wrote about it (from the most helpful entry).
        public var line: String?
        public var path: String
        /// The ranking score (not shown to the person: cope uses no scores).
        public var score: Double
    }

    public static func rank(_ entries: [Entry], assignments: [Entry], homework: String? = nil, tag: String? = nil) -> [Practice] {
        let titles = Dictionary(assignments.compactMap { entry in entry.homeworkID.map { ($0, entry.title) } }, uniquingKeysWith: { first, _ in first })
        var groups: [String: (name: String, benefits: [(Double, Entry)])] = [:]
        for entry in entries where entry.type != .homework && entry.type != .safetyPlan {
            if let homework, entry.homeworkID != homework { continue }
            if let tag, !entry.tags.contains(tag.lowercased()) { continue }
            guard let benefit = benefit(entry) else { continue }
            for (key, name) in practices(of: entry, titles: titles) {
                groups[key, default: (name, [])].benefits.append((benefit, entry))
            }
        }
        let ranked = groups.map { key, group -> Practice in
            let best = group.benefits.max { lhs, rhs in (lhs.0, rhs.1.path) < (rhs.0, lhs.1.path) }!.1
            let last = group.benefits.compactMap(\.1.date).max()
            let total = group.benefits.map(\.0).reduce(0, +)
            return Practice(key: key, name: group.name, times: group.benefits.count, lastDay: last,
                            line: Quote.of(best, preferring: ["What I learned", "Outcome", "Balanced thought", "What helped"]),
                            path: best.path, score: total / (Double(group.benefits.count) + prior))
        }
        return ranked.sorted { lhs, rhs in
            if lhs.score != rhs.score { return lhs.score > rhs.score }
            if lhs.times != rhs.times { return lhs.times > rhs.times }
            let left = EntryDate.sortNumber(lhs.lastDay), right = EntryDate.sortNumber(rhs.lastDay)
            return left != right ? left > right : lhs.key < rhs.key
        }
    }

    /// The practices an entry counts for, as (key, name shown).
    static func practices(of entry: Entry, titles: [String: String]) -> [(String, String)] {
        if let id = entry.homeworkID { return [("homework:\(id)", titles[id] ?? id)] }
        if entry.type == .activity, let activity = entry.text("activity"), !activity.isEmpty {
            return [("activity:\(activity.lowercased())", activity)]
        }
        if entry.type == .diaryCard {
            return entry.words("skills").map { ("skill:\($0)", $0) }
        }
        return []
    }

    /// How much one entry says a practice helped, 0–100; nil when it says nothing.
    static func benefit(_ entry: Entry) -> Double? {
        var signals: [Double] = []
        if let helpful = entry.number("helpful") { signals.append(helpful * 10) }
        if let drop = PracticeEffects.drop(entry) { signals.append(max(0, drop)) }
        return signals.isEmpty ? nil : signals.reduce(0, +) / Double(signals.count)
    }
}
