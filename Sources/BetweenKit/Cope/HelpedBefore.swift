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
        var tally = Tally(homework: homework, tag: tag)
        assignments.forEach { tally.noteAssignment($0) }
        entries.forEach { tally.add($0) }
        return tally.ranked()
    }

    /// The ranking built from entries given one at a time, keeping per practice only
    /// its counts and its most helpful entry (so `cope` never holds the whole vault).
    public struct Tally: Sendable {
        private struct Group: Sendable {
            var name: String
            var homeworkID: String?
            var times = 0
            var total = 0.0
            var last: EntryDate?
            var best: (benefit: Double, entry: Entry)
        }

        let homework: String?
        let tag: String?
        private var groups: [String: Group] = [:]
        /// Assignment titles by id, the first assignment of an id winning.
        private var titles: [String: String] = [:]

        public init(homework: String? = nil, tag: String? = nil) {
            self.homework = homework
            self.tag = tag
        }

        /// An assignment, whose title names the practice of its id.
        public mutating func noteAssignment(_ entry: Entry) {
            if let id = entry.homeworkID, titles[id] == nil { titles[id] = entry.title }
        }

        /// An entry that may rate practices (assignments and safety plans rate none).
        public mutating func add(_ entry: Entry) {
            guard entry.type != .homework && entry.type != .safetyPlan else { return }
            if let homework, entry.homeworkID != homework { return }
            if let tag, !entry.tags.contains(tag.lowercased()) { return }
            guard let benefit = HelpedBefore.benefit(entry) else { return }
            for (key, name, homeworkID) in HelpedBefore.practices(of: entry) {
                var group = groups[key] ?? Group(name: name, homeworkID: homeworkID, best: (benefit, entry))
                group.times += 1
                group.total += benefit
                if let date = entry.date, group.last.map({ EntryDate.sortNumber(date) > EntryDate.sortNumber($0) }) ?? true {
                    group.last = date
                }
                // The most helpful entry; among equals, the first by path.
                if benefit > group.best.benefit || (benefit == group.best.benefit && entry.path < group.best.entry.path) {
                    group.best = (benefit, entry)
                }
                groups[key] = group
            }
        }

        public func ranked() -> [Practice] {
            let ranked = groups.map { key, group -> Practice in
                Practice(key: key, name: group.homeworkID.map { titles[$0] ?? $0 } ?? group.name, times: group.times,
                         lastDay: group.last,
                         line: Quote.of(group.best.entry, preferring: ["What I learned", "Outcome", "Balanced thought", "What helped"]),
                         path: group.best.entry.path, score: group.total / (Double(group.times) + prior))
            }
            return ranked.sorted { lhs, rhs in
                if lhs.score != rhs.score { return lhs.score > rhs.score }
                if lhs.times != rhs.times { return lhs.times > rhs.times }
                let left = EntryDate.sortNumber(lhs.lastDay), right = EntryDate.sortNumber(rhs.lastDay)
                return left != right ? left > right : lhs.key < rhs.key
            }
        }
    }

    /// The practices an entry counts for, as (key, name shown, assignment id): an
    /// assignment's practice is named by the assignment's title, found by its id.
    static func practices(of entry: Entry) -> [(key: String, name: String, homeworkID: String?)] {
        if let id = entry.homeworkID { return [("homework:\(id)", id, id)] }
        if entry.type == .activity, let activity = entry.text("activity"), !activity.isEmpty {
            return [("activity:\(activity.lowercased())", activity, nil)]
        }
        if entry.type == .diaryCard {
            return entry.words("skills").map { ("skill:\($0)", $0, nil) }
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
