/// The rules of "Raise with your therapist" (DESIGN.md "The digest"), each a small
/// function from the period's entries to items. Homework that triggered, overwhelmed
/// or did not fit, rising distress, measures that moved and any sign of risk come first.
enum RaiseRules {
    /// Every item, most urgent first (PHQ-9 item 9 always at the top), then by date and path.
    static func items(entries: [Entry], homework: [HomeworkProgress], measures: [MeasureResult],
                      weekBefore: [Entry], period: DigestPeriod, thresholds: VaultConfig.Thresholds) -> [RaiseItem] {
        var items: [RaiseItem] = []
        for entry in entries {
            items += flags(entry) + distress(entry, thresholds) + fit(entry, thresholds)
                + functioning(entry, thresholds) + urges(entry)
        }
        items += selfHarmItems(entries) + measureRises(measures, entries)
        items += fallingFunctioning(entries, weekBefore: weekBefore, period: period)
        items += lowAdherence(homework)
        return items.sorted { lhs, rhs in
            if lhs.kind.rank != rhs.kind.rank { return lhs.kind.rank < rhs.kind.rank }
            let left = EntryDate.sortNumber(lhs.date), right = EntryDate.sortNumber(rhs.date)
            return left != right ? left < right : lhs.path < rhs.path
        }
    }

    private static func item(_ kind: RaiseItem.Kind, _ entry: Entry, _ reason: String, preferring sections: [String] = []) -> RaiseItem {
        RaiseItem(kind: kind, path: entry.path, date: entry.date, title: entry.title, reason: reason,
                  quote: Quote.of(entry, preferring: sections))
    }

    static func flags(_ entry: Entry) -> [RaiseItem] {
        let flags = Set(entry.flags)
        var items: [RaiseItem] = []
        if flags.contains("unsafe") { items.append(item(.unsafe, entry, "you marked this entry unsafe")) }
        if flags.contains("triggered") { items.append(item(.triggered, entry, "this brought up memories or feelings (flagged triggered)")) }
        if flags.contains("overwhelmed") { items.append(item(.overwhelmed, entry, "this was too much (flagged overwhelmed)")) }
        if flags.contains("skipped") { items.append(item(.skipped, entry, "you skipped this practice")) }
        return items
    }

    static func distress(_ entry: Entry, _ thresholds: VaultConfig.Thresholds) -> [RaiseItem] {
        let readings = [("distress", entry.number("distress")), ("SUDS peak", entry.number("suds-peak"))]
            .compactMap { name, value in value.map { (name, $0) } }
        guard let (name, value) = readings.max(by: { $0.1 < $1.1 }), value >= thresholds.distress else { return [] }
        return [item(.highDistress, entry, "\(name) \(Format.number(value)) (at or over your threshold of \(Format.number(thresholds.distress)))",
                     preferring: ["What happened", "Situation", "Automatic thoughts"])]
    }

    static func fit(_ entry: Entry, _ thresholds: VaultConfig.Thresholds) -> [RaiseItem] {
        guard let fit = entry.number("fit"), fit <= thresholds.fit else { return [] }
        let practice = entry.homeworkID.map { " (\($0))" } ?? ""
        return [item(.poorFit, entry, "fit \(Format.number(fit))/10: this homework\(practice) doesn't seem to suit you")]
    }

    static func functioning(_ entry: Entry, _ thresholds: VaultConfig.Thresholds) -> [RaiseItem] {
        guard let value = entry.number("functioning"), value <= thresholds.functioning else { return [] }
        return [item(.lowFunctioning, entry, "functioning \(Format.number(value))/10: daily life (work, sleep, chores) was hard")]
    }

    static func urges(_ entry: Entry) -> [RaiseItem] {
        guard entry.type == .diaryCard, case .map(let pairs)? = entry["urges"] else { return [] }
        let strong = pairs.compactMap { pair in pair.value.number.flatMap { $0 >= 4 ? "\(pair.key) \(Format.number($0))/5" : nil } }
        guard !strong.isEmpty else { return [] }
        return [item(.strongUrge, entry, "strong urges: \(strong.joined(separator: ", "))")]
    }

    /// PHQ-9 question 9 answered above 0, from the answer itself: a questionnaire with
    /// another answer missing or mistyped can't be scored, but this answer is never ignored.
    static func selfHarmItems(_ entries: [Entry]) -> [RaiseItem] {
        entries.compactMap { entry in
            guard let answer = questionNine(entry), answer > 0 else { return nil }
            return item(.selfHarmThoughts, entry,
                        "PHQ-9 question 9 (thoughts that you would be better off dead, or of hurting yourself) was answered \(Format.number(answer)) of 3. Please tell your therapist. If you are in danger now, contact your local emergency services.")
        }
    }

    /// The answer to PHQ-9 question 9 as written (the ninth of nine answers), if it is a number.
    static func questionNine(_ entry: Entry) -> Double? {
        guard let (instrument, answers) = MeasureScore.answers(of: entry), instrument == .phq9 else { return nil }
        return answers[answers.count - 1].number.flatMap { $0.isFinite ? $0 : nil }
    }

    static func measureRises(_ measures: [MeasureResult], _ entries: [Entry]) -> [RaiseItem] {
        measures.compactMap { measure in
            guard let change = measure.change else { return nil }
            let score = measure.score
            let reliable = change >= score.instrument.reliableChange
            let bandUp = measure.previousBand.map { score.band > $0 } ?? false
            // Only a rise needs its entry (for the quote): looking up every measure's
            // would read the whole period once per questionnaire.
            guard reliable || bandUp, let entry = entries.first(where: { $0.path == measure.path }) else { return nil }
            var reason = "\(score.instrument.displayName) rose by \(change) to \(score.total) (\(score.band.rawValue))"
            if reliable { reason += ", a reliable change" }
            if bandUp, let previous = measure.previousBand { reason += ", up from \(previous.rawValue)" }
            return item(.measureRose, entry, reason)
        }
    }

    /// Weekly average functioning that fell by 3 or more from one week to the next.
    static func fallingFunctioning(_ entries: [Entry], weekBefore: [Entry], period: DigestPeriod) -> [RaiseItem] {
        let readings = (weekBefore + entries).compactMap { entry -> (String, Double, Entry)? in
            guard let date = entry.date, let value = entry.number("functioning") else { return nil }
            return (date.isoWeek, value, entry)
        }
        let weeks = Dictionary(grouping: readings, by: \.0).sorted { $0.key < $1.key }
        var items: [RaiseItem] = []
        for (previous, current) in zip(weeks, weeks.dropFirst()) {
            let before = previous.value.map(\.1).reduce(0, +) / Double(previous.value.count)
            let after = current.value.map(\.1).reduce(0, +) / Double(current.value.count)
            guard before - after >= 3, let lowest = current.value.min(by: { $0.1 < $1.1 })?.2,
                  lowest.date.map(period.contains) == true else { continue }
            items.append(item(.fallingFunctioning, lowest,
                              "functioning fell from an average of \(Format.number(before)) to \(Format.number(after)) in week \(current.key): homework may be disrupting daily life"))
        }
        return items
    }

    static func lowAdherence(_ homework: [HomeworkProgress]) -> [RaiseItem] {
        homework.compactMap { progress in
            guard let expected = progress.expected, expected >= 2, let percent = progress.adherencePercent, percent < 50 else { return nil }
            return RaiseItem(kind: .lowAdherence, path: progress.path, date: nil, title: progress.title,
                             reason: "practised \(progress.done) of \(expected) times asked (\(percent)%): worth talking about what got in the way",
                             quote: nil)
        }
    }
}

/// Number formatting shared by the digest: whole numbers without decimals, others to one place.
enum Format {
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "–" }
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
