import BetweenCore

/// Builds the `Digest` from a `DigestInput`: the one place where the digest's content is decided.
public enum DigestBuilder {
    /// Wins and practices that helped, shown at most.
    static let helpedShown = 5

    public static func build(_ input: DigestInput) -> Digest {
        let period = input.period
        let inPeriod = input.entries.filter { $0.date.map(period.contains) ?? false }
        let visible = inPeriod.filter(input.audience.admits)
        let assignments = input.assignments.filter(input.audience.admits)
        let practice = visible.filter { $0.type != .session }
        let homework = HomeworkProgressBuilder.build(assignments: assignments, entries: practice, period: period,
                                                     today: input.today, doneBefore: input.doneBefore)
        let measures = measureResults(visible, earlier: input.earlierMeasures)
        let titles = Dictionary(assignments.compactMap { entry in entry.homeworkID.map { ($0, entry.title) } },
                                uniquingKeysWith: { first, _ in first })
        let directions = Directions(mood: TrendRule.compare(practice) { $0.number("mood") },
                                    distress: TrendRule.compare(practice, MoodSeriesBuilder.distress),
                                    functioning: TrendRule.compare(practice) { $0.number("functioning") })
        let context = RaiseCards.Context(period: period, config: input.config, titles: titles,
                                         template: input.templateText ?? .builtIn(crisisLine: input.config.crisisLine))
        let tasks = DigestQuestions.openTasks(visible)
        var digest = Digest(
            period: period,
            entryCount: practice.count,
            inShort: [],
            nextSession: input.nextSession,
            raise: RaiseCards.build(entries: practice, homework: homework, measures: measures, directions: directions, context: context),
            homework: homework,
            moodAndDistress: MoodSeriesBuilder.build(practice, period: period, weekStart: input.config.weekStart),
            measures: measures,
            unscoredMeasures: visible.compactMap(UnscoredMeasure.init),
            directions: directions,
            questions: DigestQuestions.questions(visible),
            openTasks: tasks.shown,
            openTasksMore: tasks.more,
            wins: wins(practice, context),
            helped: Array(HelpedBefore.rank(practice, assignments: assignments, thresholds: input.config.thresholds,
                                            template: context.template).prefix(helpedShown)),
            privateLeftOut: inPeriod.count - visible.count,
            includesPrivate: input.audience.includesPrivate,
            unreadableLeftOut: input.unreadable,
            crisisLine: input.config.crisisLine)
        digest.inShort = InShort.lines(digest, thresholds: input.config.thresholds)
        return digest
    }

    /// Scored measures of the period, oldest first, each with its change since the previous
    /// scored one (a questionnaire that couldn't be scored is never "the last one").
    static func measureResults(_ entries: [Entry], earlier: [Entry]) -> [MeasureResult] {
        var previous: [Instrument: MeasureScore] = [:]
        for entry in earlier.sorted(by: { EntryDate.sortNumber($0.date) < EntryDate.sortNumber($1.date) }) {
            if let score = MeasureScore(entry) { previous[score.instrument] = score }
        }
        return entries.filter { $0.type == .measure }.compactMap { entry in
            guard let score = MeasureScore(entry) else { return nil }
            let before = previous[score.instrument]
            previous[score.instrument] = score
            return MeasureResult(path: entry.path, date: entry.date, score: score,
                                 change: before.map { score.total - $0.total }, previousBand: before?.band)
        }
    }

    /// Entries tagged `win` or rated helpful 8 or more, quoting what helped (else what happened).
    static func wins(_ entries: [Entry], _ context: RaiseCards.Context) -> [Win] {
        entries.compactMap { entry in
            let tagged = entry.tags.contains("win") || entry.flags.contains("win")
            let helpful = entry.number("helpful").flatMap { $0 >= HelpedBefore.veryHelpful ? $0 : nil }
            guard tagged || helpful != nil else { return nil }
            let why = [tagged ? "tagged win" : nil, helpful.map { "helpful \(NumberText.short($0))/10" }].compactMap { $0 }
            return Win(path: entry.path, date: entry.date, title: EntryTitle.of(entry, assignments: context.titles),
                       why: why.joined(separator: ", "),
                       quote: Quote.first(in: entry, sections: Quote.whatHelped, template: context.template)
                           ?? Quote.of(entry, template: context.template))
        }
    }
}
