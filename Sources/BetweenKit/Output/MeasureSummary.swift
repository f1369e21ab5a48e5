import BetweenCore

/// What `between show` says about a questionnaire (a `measure` entry): its score and
/// band when every question has an answer, and, when PHQ-9 question 9 is answered above
/// 0, the same words the digest raises it with, the same safety line, and the vault's
/// crisis line. Question 9 is read even when the questionnaire can't be scored.
public struct MeasureSummary: Sendable, Hashable {
    public var instrument: Instrument
    /// Nil until every question has an answer from 0 to 3.
    public var score: MeasureScore?
    /// The digest's words for a question 9 answered above 0 ("question 9 (…) answered 2 of 3").
    public var risk: String?
    public var crisisLine: String?

    /// Nil for an entry that is not a measure of a known instrument.
    public init?(_ entry: Entry, crisisLine: String?) {
        guard entry.type == .measure, let name = entry.text("instrument"),
              let instrument = Instrument(rawValue: name.lowercased()) else { return nil }
        self.instrument = instrument
        score = MeasureScore(entry)
        risk = RaiseRules.risks(entry, riskUrges: []).first { $0.kind == .selfHarmThoughts }?.text
        self.crisisLine = crisisLine
    }

    /// "PHQ-9: 14 of 27, moderate", or why there is no score yet.
    public var scoreText: String {
        guard let score else {
            return "\(instrument.displayName): not scored yet; it needs an answer from 0 to 3 to each of its \(instrument.itemCount) questions"
        }
        return "\(instrument.displayName): \(score.total) of \(instrument.maximumTotal), \(score.band.rawValue)"
    }

    /// For a risk: its words, the digest's safety line and the crisis line, as one paragraph.
    public var safetyNote: String? {
        guard let risk else { return nil }
        return "\(risk.prefix(1).uppercased() + risk.dropFirst()). \(DigestJSON.safetyLine)"
            + (crisisLine.map { " Crisis line: \($0)" } ?? "")
    }

    /// `{instrument, score, maximum, band, question_9_note}`; score and band are null until scored.
    public var json: JSONValue {
        .object([
            ("instrument", .string(instrument.rawValue)),
            ("score", score.map { .integer($0.total) } ?? .null),
            ("maximum", .integer(instrument.maximumTotal)),
            ("band", score.map { .string($0.band.rawValue) } ?? .null),
            ("question_9_note", safetyNote.map(JSONValue.string) ?? .null),
        ])
    }
}
