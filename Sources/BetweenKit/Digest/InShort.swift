import BetweenCore

/// "In short": at most five lines at the top of the digest, for a reader with a minute.
///
/// 1. Signs of risk, when there are any.
/// 2. The first few things to raise (or that nothing needs raising).
/// 3. Homework in one line: each assignment's practices done of those asked.
/// 4. Which way mood and distress went (`TrendRule`), and each questionnaire's latest score and change
///    (or that it couldn't be scored).
/// 5. The next session's day, from the last session note's `next:`.
enum InShort {
    /// Cards named in the "to raise" line; the rest are counted.
    static let raiseShown = 3

    static func lines(_ digest: Digest, thresholds: VaultConfig.Thresholds) -> [String] {
        let year = digest.period.end.year
        var lines: [String] = []
        let risks = digest.raise.filter(\.isRisk)
        if !risks.isEmpty {
            let signs = risks.flatMap { card in
                card.reasons.filter(\.kind.isRisk).map { reason in
                    riskText(reason) + (card.date.map { " on " + DayText.withWeekday($0, year: year) } ?? "")
                }
            }
            lines.append("Sign of risk: " + signs.joined(separator: "; ") + ". Please tell your therapist.")
        }
        let others = digest.raise.filter { !$0.isRisk }
        if others.isEmpty {
            if digest.entryCount > 0 { lines.append(risks.isEmpty ? "Nothing in your notes needs raising." : "Nothing else in your notes needs raising.") }
        } else {
            var named = others.prefix(raiseShown).map { raiseText($0, year: year) }
            if others.count > raiseShown { named.append("\(others.count - raiseShown) more below") }
            lines.append("To raise: " + named.joined(separator: "; ") + ".")
        }
        if !digest.homework.isEmpty {
            lines.append("Homework: " + digest.homework.map { item in
                item.title + " " + (item.expected.map { "\(item.done)/\($0)" } ?? "\(item.done) time\(item.done == 1 ? "" : "s")")
            }.joined(separator: " · ") + ".")
        }
        let state = directionTexts(digest.directions, thresholds) + measureTexts(digest.measures, unscored: digest.unscoredMeasures)
        if !state.isEmpty {
            lines.append(state.joined(separator: "; ").prefix(1).uppercased() + state.joined(separator: "; ").dropFirst() + ".")
        }
        if let next = digest.nextSession { lines.append("Next session: \(DayText.long(next, year: year)).") }
        return lines
    }

    static func riskText(_ reason: RaiseReason) -> String {
        if let brief = reason.brief { return brief }
        return switch reason.kind {
        case .selfHarmThoughts: "PHQ-9 question 9 answered \(reason.value.map(NumberText.short) ?? "above 0") of 3"
        case .unsafe: "an entry marked unsafe"
        default: reason.text
        }
    }

    static func raiseText(_ card: RaiseCard, year: Int) -> String {
        switch card.shape {
        case .entry:
            // A questionnaire's change says which questionnaire: "GAD-7 up 3 from 9".
            (card.kind == .measureRose ? String(card.title.prefix { $0 != "·" }) : "") + (card.reasons.first?.text ?? card.title)
                + (card.date.map { " on " + DayText.short($0, year: year) } ?? "")
        case .pattern: card.title.prefix(1).lowercased() + card.title.dropFirst()
        case .trend: card.reasons.first?.text ?? card.title.lowercased()
        case .homework: card.title.prefix(1).lowercased() + card.title.dropFirst()
        }
    }

    /// "mood steady, around 4", "distress easing from 60 to 48": nothing without enough ratings.
    static func directionTexts(_ directions: Directions, _ thresholds: VaultConfig.Thresholds) -> [String] {
        var texts: [String] = []
        if let mood = directions.mood {
            texts.append(direction("mood", mood, by: thresholds.moodFall, scale: 10, up: "lifting", down: "falling"))
        }
        if let distress = directions.distress {
            texts.append(direction("distress", distress, by: thresholds.distressRise, scale: 100, up: "rising", down: "easing"))
        }
        return texts
    }

    static func direction(_ name: String, _ comparison: TrendRule.Comparison, by threshold: Double, scale: Double,
                          up: String, down: String) -> String {
        let change = comparison.change
        let earlier = NumberText.typical(comparison.earlier, scale: scale), later = NumberText.typical(comparison.later, scale: scale)
        guard abs(change) >= threshold else { return "\(name) steady, around \(later)" }
        return "\(name) \(change > 0 ? up : down) from \(earlier) to \(later)"
    }

    /// Each questionnaire's latest score of the period and its change, and whether one after
    /// it couldn't be scored (so that score is not the latest word); "PHQ-9 not scored (…)"
    /// when none of the period's could be.
    static func measureTexts(_ measures: [MeasureResult], unscored: [UnscoredMeasure]) -> [String] {
        var latest: [Instrument: MeasureResult] = [:]
        for measure in measures { latest[measure.score.instrument] = measure }
        return Instrument.allCases.compactMap { instrument in
            let notScored = unscored.filter { $0.instrument == instrument }
            guard let measure = latest[instrument] else {
                return notScored.last.map { "\(instrument.displayName) not scored (\($0.reason))" }
            }
            let score = measure.score
            var text = "\(instrument.displayName) \(score.total)/\(instrument.maximumTotal) (\(score.band.rawValue))"
            if let change = measure.change { text += change > 0 ? ", up \(change)" : change < 0 ? ", down \(-change)" : ", no change" }
            if notScored.contains(where: { EntryDate.sortNumber($0.date) > EntryDate.sortNumber(measure.date) }) {
                text += ", a later one not scored"
            }
            return text
        }
    }
}
