import BetweenCore

/// Turns the period's reasons into the cards of "Raise with your therapist", so a
/// therapist reads each thing once:
///
/// 1. Each entry's reasons (`RaiseRules`) make one card for the entry.
/// 2. A reason found in `patternMinimum` or more entries (a sign of risk never) becomes a
///    pattern: one card with the count, the span and the worst entry, and the reason is
///    left off the entries' own cards. Entries left with no other reason are this card's.
/// 3. Assignments practised less than half as often as asked make one homework card,
///    which also takes entries of those assignments whose only reasons are that they
///    were skipped or didn't fit: together they say what got in the way.
/// 4. Exposure peaks that aren't coming down, and trends (`TrendRule`), get a card each.
///
/// Every entry is on at most one card. Cards are ordered by their most serious reason
/// (signs of risk first), then by day and file.
enum RaiseCards {
    /// Entries sharing a reason that make it a pattern.
    static let patternMinimum = 3
    /// Exposure practices of one assignment needed before peaks can be "not coming down".
    static let exposureMinimum = 3

    struct Context {
        var period: DigestPeriod
        var config: VaultConfig
        var titles: [String: String]
        var template: TemplateText
    }

    static func build(entries: [Entry], homework: [HomeworkProgress], measures: [MeasureResult],
                      directions: Directions, context: Context) -> [RaiseCard] {
        let measureByPath = Dictionary(measures.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let reasoned = entries.compactMap { entry -> (entry: Entry, reasons: [RaiseReason])? in
            let reasons = RaiseRules.reasons(entry, measure: measureByPath[entry.path], config: context.config)
            return reasons.isEmpty ? nil : (entry, reasons)
        }
        let patternKinds = RaiseReason.Kind.allCases.filter { kind in
            !kind.isRisk && reasoned.filter { $0.reasons.contains { $0.kind == kind } }.count >= patternMinimum
        }
        let lowAdherence = homework.filter { progress in
            guard let expected = progress.expected, expected >= 2, let percent = progress.adherencePercent else { return false }
            return percent < 50
        }
        let lowIDs = Set(lowAdherence.map(\.id))
        var onACard: Set<String> = []
        var cards: [RaiseCard] = []
        var absorbed: [(entry: Entry, reasons: [RaiseReason])] = []
        for (entry, reasons) in reasoned {
            let own = reasons.filter { !patternKinds.contains($0.kind) }
            guard !own.isEmpty else { continue }
            if let id = entry.homeworkID, lowIDs.contains(id), own.allSatisfy({ $0.kind == .poorFit || $0.kind == .skipped }) {
                absorbed.append((entry, own))
            } else {
                cards.append(entryCard(entry, own, context))
            }
            onACard.insert(entry.path)
        }
        if !lowAdherence.isEmpty { cards.append(homeworkCard(lowAdherence, absorbed, context)) }
        for kind in patternKinds {
            let covered = reasoned.filter { $0.reasons.contains { $0.kind == kind } }
            let own = covered.filter { !onACard.contains($0.entry.path) }.map(\.entry)
            onACard.formUnion(own.map(\.path))
            cards.append(patternCard(kind, covered, own: own, context))
        }
        cards += exposureCards(entries, onACard: &onACard, context)
        cards += trendCards(directions, context.config.thresholds, year: context.period.end.year)
        return cards.sorted { lhs, rhs in
            if lhs.kind.rank != rhs.kind.rank { return lhs.kind.rank < rhs.kind.rank }
            let left = EntryDate.sortNumber(lhs.sortDate), right = EntryDate.sortNumber(rhs.sortDate)
            return left != right ? left < right : (lhs.files.first ?? "") < (rhs.files.first ?? "")
        }
    }

    // MARK: - One card each

    static func entryCard(_ entry: Entry, _ reasons: [RaiseReason], _ context: Context) -> RaiseCard {
        RaiseCard(shape: .entry, reasons: reasons, title: EntryTitle.of(entry, assignments: context.titles), date: entry.date,
                  summary: reasons.map(\.text).joined(separator: " · "), details: [],
                  quote: Quote.of(entry, template: context.template), files: [entry.path], sortDate: entry.date)
    }

    static func homeworkCard(_ assignments: [HomeworkProgress], _ absorbed: [(entry: Entry, reasons: [RaiseReason])],
                             _ context: Context) -> RaiseCard {
        let year = context.period.end.year
        let one = assignments.count == 1
        let adherence = assignments.map { progress in
            RaiseReason(kind: .lowAdherence, text: (one ? "" : "\(progress.title): ")
                            + "\(progress.done) of \(progress.expected ?? 0)\(one ? " times asked" : "") (\(progress.adherencePercent ?? 0)%)")
        }
        let details = absorbed.map { entry, reasons in
            (entry.date.map { DayText.withWeekday($0, year: year) + " · " } ?? "") + EntryTitle.of(entry, assignments: context.titles)
                + ": " + reasons.map(\.text).joined(separator: " · ")
        }
        let reasons = (absorbed.flatMap(\.reasons) + adherence).sorted { $0.kind.rank < $1.kind.rank }
        return RaiseCard(shape: .homework, reasons: reasons,
                         title: one ? "\(assignments[0].title): practised less than half as often as asked"
                             : "\(assignments.count) assignments practised less than half as often as asked",
                         date: nil, summary: adherence.map(\.text).joined(separator: " · ") + ": worth talking about what got in the way",
                         details: details, quote: absorbed.lazy.compactMap { Quote.of($0.entry, template: context.template) }.first,
                         files: assignments.map(\.path) + absorbed.map(\.entry.path), sortDate: nil)
    }

    /// One reason in several entries: how many, on how many of the period's days, over
    /// which days, and the worst of them (the highest distress or urge, the lowest fit or functioning).
    static func patternCard(_ kind: RaiseReason.Kind, _ covered: [(entry: Entry, reasons: [RaiseReason])], own: [Entry],
                            _ context: Context) -> RaiseCard {
        let year = context.period.end.year
        let dated = covered.compactMap { item in item.entry.date.map { (date: $0, item: item) } }
        let days = Set(dated.map(\.date.dayNumber))
        let title = "\(patternName(kind, context.config.thresholds)) on \(days.count) of \(context.period.dayCount) days"
        var summary = "\(covered.count) entries"
        if let first = days.min(), let last = days.max() {
            summary += ", " + DayText.span(EntryDate.fromDayNumber(first), EntryDate.fromDayNumber(last), year: year)
        }
        let lowerIsWorse = kind == .poorFit || kind == .lowFunctioning
        let valued = covered.compactMap { item in item.reasons.first { $0.kind == kind }?.value.map { (value: $0, entry: item.entry) } }
        // The worst, and among equals the earliest (`covered` is in entry order).
        if let worst = valued.min(by: { lowerIsWorse ? $0.value < $1.value : $0.value > $1.value }) {
            summary += "; \(lowerIsWorse ? "lowest" : "highest") \(NumberText.short(worst.value))"
            if let date = worst.entry.date { summary += " on " + DayText.withWeekday(date, year: year) }
            summary += " (\(EntryTitle.of(worst.entry, assignments: context.titles)))"
        }
        let elsewhere = covered.count - own.count
        let details = elsewhere == 0 ? [] : ["\(elsewhere) of these entries \(elsewhere == 1 ? "is" : "are") on the cards above."]
        let quoteFrom = valued.filter { item in own.contains { $0.path == item.entry.path } }
            .min { lowerIsWorse ? $0.value < $1.value : $0.value > $1.value }?.entry ?? own.first
        let reason = RaiseReason(kind: kind, text: title.prefix(1).lowercased() + title.dropFirst())
        return RaiseCard(shape: .pattern, reasons: [reason], title: title, date: nil, summary: summary, details: details,
                         quote: quoteFrom.flatMap { Quote.of($0, template: context.template) }, files: own.map(\.path),
                         sortDate: days.min().map(EntryDate.fromDayNumber))
    }

    static func patternName(_ kind: RaiseReason.Kind, _ thresholds: VaultConfig.Thresholds) -> String {
        switch kind {
        case .triggered: "Triggered"
        case .overwhelmed: "Overwhelmed"
        case .highDistress: "Distress at or over \(NumberText.short(thresholds.distress))"
        case .measureRose: "Questionnaire scores up"
        case .strongUrge: "Strong urges"
        case .poorFit: "Fit at or under \(NumberText.short(thresholds.fit))"
        case .lowFunctioning: "Functioning at or under \(NumberText.short(thresholds.functioning))"
        case .skipped: "Practice skipped"
        default: kind.rawValue
        }
    }

    /// Exposures of one assignment, `exposureMinimum` or more, whose last peak is not below the first.
    static func exposureCards(_ entries: [Entry], onACard: inout Set<String>, _ context: Context) -> [RaiseCard] {
        let exposures = entries.filter { $0.type == .exposure && $0.number("suds-peak") != nil }
        let groups = Dictionary(grouping: exposures, by: { $0.homeworkID ?? "" })
        var cards: [RaiseCard] = []
        for (id, group) in groups.sorted(by: { $0.key < $1.key }) where group.count >= exposureMinimum {
            let peaks = group.compactMap { $0.number("suds-peak") }
            guard let first = peaks.first, let last = peaks.last, last >= first else { continue }
            let own = group.filter { !onACard.contains($0.path) }
            onACard.formUnion(own.map(\.path))
            let name = id.isEmpty ? "Exposure" : "Exposure · \(context.titles[id] ?? id)"
            var summary = "peaks " + peaks.map(NumberText.short).joined(separator: ", ") + " over \(group.count) practices"
            if let start = group.first?.date, let end = group.last?.date {
                summary += ", " + DayText.span(start, end, year: context.period.end.year)
            }
            cards.append(RaiseCard(shape: .pattern, reasons: [RaiseReason(kind: .exposureNotEasing, text: "peaks not coming down")],
                                   title: "\(name): peaks not coming down", date: nil, summary: summary, details: [],
                                   quote: own.last.flatMap { Quote.of($0, template: context.template) }, files: own.map(\.path),
                                   sortDate: group.first?.date))
        }
        return cards
    }

    static func trendCards(_ directions: Directions, _ thresholds: VaultConfig.Thresholds, year: Int) -> [RaiseCard] {
        let rules: [(RaiseReason.Kind, String, TrendRule.Comparison?, Bool, Double)] = [
            (.risingDistress, "Distress rising", directions.distress, (directions.distress?.change ?? 0) >= thresholds.distressRise, 100),
            (.fallingMood, "Mood falling", directions.mood, -(directions.mood?.change ?? 0) >= thresholds.moodFall, 10),
            (.fallingFunctioning, "Functioning falling", directions.functioning,
             -(directions.functioning?.change ?? 0) >= thresholds.functioningFall, 10),
        ]
        return rules.compactMap { kind, title, comparison, raised, scale in
            guard let comparison, raised else { return nil }
            let earlier = NumberText.typical(comparison.earlier, scale: scale), later = NumberText.typical(comparison.later, scale: scale)
            let text = "\(title.lowercased()) from \(earlier) to \(later)"
            let summary = "Typically \(earlier) on " + DayText.span(comparison.earlierFirst, comparison.earlierLast, year: year)
                + ", \(later) on " + DayText.span(comparison.laterFirst, comparison.laterLast, year: year)
                + " (the middle values of the earlier and later half of \(comparison.days) days with ratings)"
            return RaiseCard(shape: .trend, reasons: [RaiseReason(kind: kind, text: text)], title: title, date: nil, summary: summary,
                             details: [], quote: nil, files: [], sortDate: comparison.earlierFirst)
        }
    }
}
