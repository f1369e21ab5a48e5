import BetweenCore

extension UnscoredMeasure {
    /// The questionnaire's name when Between can't tell which one it is.
    static let unknownName = EntryTitle.kindName(.measure)

    /// A `measure` entry that has no score, and why; nil for one that is scored (or not a
    /// measure). The digest lists these beside the scores: a questionnaire with an answer
    /// left blank (or typed after a template line's `#`, so a comment) was still filled in.
    init?(_ entry: Entry) {
        guard entry.type == .measure, MeasureScore(entry) == nil else { return nil }
        path = entry.path
        date = entry.date
        instrument = entry.text("instrument").flatMap { Instrument(rawValue: $0.lowercased()) }
        if let instrument {
            (missing, reason) = Self.why(entry["items"], instrument)
        } else {
            (missing, reason) = (nil, "its instrument isn't phq9 or gad7")
        }
    }

    /// "PHQ-9", "GAD-7", or "Questionnaire" when the instrument is unknown.
    var name: String { instrument?.displayName ?? Self.unknownName }

    /// How many answers are missing (blank, or left off a short list) and what is wrong, in
    /// a few words. `check` says the same at the line to fix (`MeasureCheck`, `FieldValidator`).
    static func why(_ items: FieldValue?, _ instrument: Instrument) -> (missing: Int?, reason: String) {
        let questions = instrument.itemCount
        let answers: [FieldValue]
        switch items {
        case nil, .null?: answers = []
        case .list(let list)?: answers = list
        default: return (nil, "its answers are not a list")
        }
        guard answers.count <= questions else { return (nil, "\(answers.count) answers for its \(questions) questions") }
        let missing = answers.filter { $0 == .null }.count + questions - answers.count
        let wrong = answers.filter { $0 != .null && MeasureScore.answer($0) == nil }.count
        let missingText = missing == questions ? "all \(questions) answers missing" : "\(missing) of \(questions) answers missing"
        let wrongText = "\(wrong)\(missing == 0 ? (wrong == 1 ? " answer" : " answers") : "") not 0–3"
        let parts = [missing > 0 ? missingText : nil, wrong > 0 ? wrongText : nil].compactMap { $0 }
        return (missing, parts.isEmpty ? "not scored" : parts.joined(separator: ", "))
    }
}
