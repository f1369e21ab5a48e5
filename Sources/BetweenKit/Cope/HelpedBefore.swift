import BetweenCore

/// What has helped this person: practices ranked from their own entries. The one rule
/// behind both `between cope` ("What has helped you before", over the whole vault) and
/// the digest ("What helped", over the period).
///
/// - A practice is an assignment (entries naming it with `homework:`), an activity
///   (`activity:` of an activity entry, when no assignment is named) or a DBT skill
///   (each item of a diary card's `skills:`).
/// - Each entry that rates it gives a benefit on a 0–100 scale: the mean of what it has
///   among `helpful` × 10 and the drop in distress (SUDS before, or the peak, to after;
///   a thought record's emotions before to after; `distress-before` to `distress-after`).
/// - Never suggested: a practice any of whose entries was flagged `triggered`,
///   `overwhelmed` or `unsafe`, or whose entries rate it `helpful` at or under the
///   vault's `helpful` threshold on average, or `fit` at or under the `fit` threshold.
///   What went badly once is not offered again in a hard moment.
/// - Ranked by total benefit ÷ (times + 3): shrunk toward zero, so a single dramatic
///   entry can't outrank something that helped many times (one 90 scores 22.5; ten 60s
///   score 46). Ties: more times first, then more recent, then the name.
/// - Its line is what the person wrote about what helped: the first line of *What I
///   learned*, *Outcome*, *Balanced thought* or *What helped* of its most helpful entry
///   that has one, else a line of its most helpful entry rated `helpful` 8 or more.
///   Never template text.
public enum HelpedBefore {
    public static let prior = 3.0
    /// A `helpful` rating from which an entry's own words are taken as being about what helped.
    public static let veryHelpful = 8.0
    /// Flags that keep a practice from ever being suggested.
    static let hardFlags = ["triggered", "overwhelmed", "unsafe"]

    /// One practice, with what the person wrote about it.
    public struct Practice: Sendable, Hashable {
        public var key: String
        public var name: String
        public var times: Int
        public var lastDay: EntryDate?
        /// One line the person wrote about what helped, if any.
        public var line: String?
        public var path: String
        /// The ranking score (not shown to the person: cope uses no scores).
        public var score: Double
        /// Mean drop in distress (0–100) over the entries that give one; nil when none does.
        public var averageDrop: Double?
        /// Mean `helpful` over the entries that give it.
        public var averageHelpful: Double?
    }

    public static func rank(_ entries: [Entry], assignments: [Entry], thresholds: VaultConfig.Thresholds = .init(),
                            template: TemplateText? = nil, homework: String? = nil, tag: String? = nil) -> [Practice] {
        var tally = Tally(thresholds: thresholds, template: template ?? .builtIn(crisisLine: nil), homework: homework, tag: tag)
        assignments.forEach { tally.noteAssignment($0) }
        entries.forEach { tally.add($0) }
        return tally.ranked()
    }

    /// The ranking built from entries given one at a time, keeping per practice only
    /// its sums and the line to show (so `cope` never holds the whole vault).
    public struct Tally: Sendable {
        private struct Group: Sendable {
            var name: String
            var homeworkID: String?
            var times = 0
            var total = 0.0
            var last: EntryDate?
            var drops = Sum(), helpful = Sum(), fit = Sum()
            var hard = false
            /// The most helpful entry, for its path.
            var best: (benefit: Double, path: String)?
            /// The line to show and the benefit of the entry it came from; `fromHelped`
            /// when it is from a what-helped section (those win over any other line).
            var line: (text: String, benefit: Double, path: String, fromHelped: Bool)?
        }

        private struct Sum: Sendable {
            var total = 0.0, count = 0
            mutating func add(_ value: Double?) {
                guard let value else { return }
                total += value
                count += 1
            }
            var mean: Double? { count == 0 ? nil : total / Double(count) }
        }

        let thresholds: VaultConfig.Thresholds
        let template: TemplateText
        let homework: String?
        let tag: String?
        private var groups: [String: Group] = [:]
        /// Assignment titles by id, the first assignment of an id winning.
        private var titles: [String: String] = [:]

        public init(thresholds: VaultConfig.Thresholds = .init(), template: TemplateText, homework: String? = nil, tag: String? = nil) {
            self.thresholds = thresholds
            self.template = template
            self.homework = homework
            self.tag = tag
        }

        /// An assignment, whose title names the practice of its id.
        public mutating func noteAssignment(_ entry: Entry) {
            if let id = entry.homeworkID, titles[id] == nil { titles[id] = entry.title }
        }

        /// An entry that may rate practices (assignments and safety plans rate none).
        /// Flags and `fit` count for a practice whatever `--homework` or `--tag` asks for.
        public mutating func add(_ entry: Entry) {
            guard entry.type != .homework && entry.type != .safetyPlan else { return }
            let practices = HelpedBefore.practices(of: entry)
            guard !practices.isEmpty else { return }
            let hard = entry.flags.contains { HelpedBefore.hardFlags.contains($0) }
            let counts = (homework == nil || entry.homeworkID == homework) && (tag == nil || entry.tags.contains(tag!.lowercased()))
            let benefit = counts ? HelpedBefore.benefit(entry) : nil
            for (key, name, homeworkID) in practices {
                var group = groups[key] ?? Group(name: name, homeworkID: homeworkID)
                group.hard = group.hard || hard
                group.fit.add(entry.number("fit"))
                group.helpful.add(entry.number("helpful"))
                if let benefit {
                    group.times += 1
                    group.total += benefit
                    group.drops.add(HelpedBefore.drop(entry))
                    if let date = entry.date, group.last.map({ EntryDate.sortNumber(date) > EntryDate.sortNumber($0) }) ?? true {
                        group.last = date
                    }
                    // The most helpful entry; among equals, the first by path.
                    if group.best.map({ benefit > $0.benefit || (benefit == $0.benefit && entry.path < $0.path) }) ?? true {
                        group.best = (benefit, entry.path)
                    }
                    consider(entry, benefit: benefit, for: &group)
                }
                groups[key] = group
            }
        }

        /// Keeps the better line: from a what-helped section over any other, then from the
        /// more helpful entry, then the first by path. Quotes are read only when they could win.
        private func consider(_ entry: Entry, benefit: Double, for group: inout Group) {
            func beats(_ fromHelped: Bool) -> Bool {
                guard let current = group.line else { return true }
                if fromHelped != current.fromHelped { return fromHelped }
                return benefit > current.benefit || (benefit == current.benefit && entry.path < current.path)
            }
            if beats(true), let text = Quote.first(in: entry, sections: Quote.whatHelped, template: template) {
                group.line = (text, benefit, entry.path, true)
            } else if (entry.number("helpful") ?? 0) >= HelpedBefore.veryHelpful, beats(false),
                      let text = Quote.of(entry, template: template) {
                group.line = (text, benefit, entry.path, false)
            }
        }

        /// Whether a practice is never suggested (see `HelpedBefore`).
        private func isLeftOut(_ group: Group) -> Bool {
            group.hard || (group.helpful.mean.map { $0 <= thresholds.helpful } ?? false)
                || (group.fit.mean.map { $0 <= thresholds.fit } ?? false)
        }

        /// Practices with something that helped but left out by the rule, so `cope` can say so.
        public var leftOut: Int { groups.values.filter { $0.times > 0 && isLeftOut($0) }.count }

        public func ranked() -> [Practice] {
            let ranked = groups.compactMap { key, group -> Practice? in
                guard group.times > 0, let best = group.best, !isLeftOut(group) else { return nil }
                return Practice(key: key, name: group.homeworkID.map { titles[$0] ?? $0 } ?? group.name, times: group.times,
                                lastDay: group.last, line: group.line?.text, path: best.path,
                                score: group.total / (Double(group.times) + prior),
                                averageDrop: group.drops.mean, averageHelpful: group.helpful.mean)
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
        if let drop = drop(entry) { signals.append(max(0, drop)) }
        return signals.isEmpty ? nil : signals.reduce(0, +) / Double(signals.count)
    }

    /// The drop in distress one entry records, on a 0–100 scale: exposures by SUDS before
    /// (or the peak) to after, thought records by emotion intensity before to after, other
    /// entries by `distress-before` to `distress-after`; nil without such a pair.
    static func drop(_ entry: Entry) -> Double? {
        if let before = entry.number("suds-before") ?? entry.number("suds-peak"), let after = entry.number("suds-after") {
            return before - after
        }
        if let change = HomeworkProgressBuilder.emotionChange([entry]) {
            return change.before - change.after
        }
        if let before = entry.number("distress-before"), let after = entry.number("distress-after") {
            return before - after
        }
        return nil
    }
}
