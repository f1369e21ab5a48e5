/// Builds the `Digest` from a `DigestInput`: the one place where the digest's content is decided.
public enum DigestBuilder {
    public static func build(_ input: DigestInput) -> Digest {
        let period = input.period
        let inPeriod = input.entries.filter { $0.date.map(period.contains) ?? false }
        let visible = inPeriod.filter { input.includePrivate || !$0.isPrivate }
        let assignments = input.assignments.filter { input.includePrivate || !$0.isPrivate }
        let practice = visible.filter { $0.type != .session }
        let homework = HomeworkProgressBuilder.build(assignments: assignments, entries: practice, period: period)
        let measures = measureResults(visible, earlier: input.earlierMeasures)
        return Digest(
            period: period,
            entryCount: practice.count,
            raise: RaiseRules.items(entries: practice, homework: homework, measures: measures,
                                    weekBefore: input.weekBefore.filter { input.includePrivate || !$0.isPrivate },
                                    period: period, thresholds: input.config.thresholds),
            homework: homework,
            moodAndDistress: MoodSeriesBuilder.build(practice, period: period),
            measures: measures,
            questions: questions(visible),
            wins: wins(practice),
            helped: PracticeEffects.rank(practice, assignments: assignments),
            privateLeftOut: input.includePrivate ? 0 : inPeriod.count - visible.count,
            includesPrivate: input.includePrivate,
            unreadableLeftOut: input.unreadable,
            crisisLine: input.config.crisisLine)
    }

    /// Scored measures of the period, oldest first, each with its change since the previous one.
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

    /// Questions in entry order (oldest first, newest last), each text once.
    static func questions(_ entries: [Entry]) -> [QuestionItem] {
        var seen: Set<String> = []
        var result: [QuestionItem] = []
        for entry in entries {
            for question in entry.body.questions {
                let key = questionKey(question.text)
                guard !key.isEmpty, seen.insert(key).inserted else { continue }
                result.append(QuestionItem(text: question.text, path: entry.path, date: entry.date))
            }
        }
        return result
    }

    /// What tells questions apart: their letters and digits, lowercased (so case,
    /// spacing and punctuation don't make a question new). Plain ASCII text, most
    /// questions, is done on bytes; anything else by characters.
    static func questionKey(_ text: String) -> String {
        var key: [UInt8] = []
        key.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): key.append(byte + 0x20)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): key.append(byte)
            case 0x80...: return text.lowercased().filter { $0.isLetter || $0.isNumber }
            default: continue
            }
        }
        return String(decoding: key, as: UTF8.self)
    }

    /// Entries tagged `win` or rated helpful 8 or more.
    static func wins(_ entries: [Entry]) -> [Win] {
        entries.compactMap { entry in
            let tagged = entry.tags.contains("win") || entry.flags.contains("win")
            let helpful = entry.number("helpful").flatMap { $0 >= 8 ? $0 : nil }
            guard tagged || helpful != nil else { return nil }
            let why = [tagged ? "tagged win" : nil, helpful.map { "helpful \(Format.number($0))/10" }].compactMap { $0 }
            return Win(path: entry.path, date: entry.date, title: entry.title, why: why.joined(separator: ", "),
                       quote: Quote.of(entry, preferring: ["What I learned", "Outcome", "Balanced thought"]))
        }
    }
}
