import BetweenCore

/// The session-prep digest: one value that every format (Markdown, HTML, JSON) renders.
///
/// In order: in short, what to raise, homework, mood and distress, measures, questions
/// and open tasks, wins and what helped, and how many private entries were left out
/// (docs/digest.md). Built by `DigestBuilder`; turned into JSON by `DigestJSON`.
public struct Digest: Sendable, Hashable {
    public var period: DigestPeriod
    /// Entries in the period that the digest read, session notes not counted (private ones left out unless asked for).
    public var entryCount: Int
    /// At most five lines to read first (`InShort`).
    public var inShort: [String]
    /// The next session's day, from the last session note's `next:`.
    public var nextSession: EntryDate?
    public var raise: [RaiseCard]
    public var homework: [HomeworkProgress]
    public var moodAndDistress: MoodSeries
    public var measures: [MeasureResult]
    /// Questionnaires of the period that couldn't be scored, oldest first: shown, so that
    /// "no questionnaires" is never said of a period that has one.
    public var unscoredMeasures: [UnscoredMeasure] = []
    /// Mood, distress and functioning across the period (`TrendRule`); nil without enough ratings.
    public var directions: Directions
    public var questions: [QuestionItem]
    /// Tasks (`- [ ]`) of the period not yet done.
    public var openTasks: [QuestionItem]
    /// Open tasks beyond those listed.
    public var openTasksMore: Int
    public var wins: [Win]
    /// What helped most this period, by the same rule as `between cope` (`HelpedBefore`).
    public var helped: [HelpedBefore.Practice]
    /// Private entries in the period that were left out.
    public var privateLeftOut: Int
    /// Whether private entries were included (`--include-private`).
    public var includesPrivate: Bool
    /// Notes of the vault that couldn't be read, so are not in the digest (only counted:
    /// one may be private, so nothing of it is shown).
    public var unreadableLeftOut: Int = 0
    /// The vault's `crisis-line`, shown beside any risk item.
    public var crisisLine: String?
}

/// Why something is raised, in a few words ("triggered", "distress 85").
public struct RaiseReason: Sendable, Hashable {
    /// The kinds of reason, most serious first: a card is ordered by its most serious one.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case selfHarmThoughts = "self-harm-thoughts"
        case riskUrge = "risk-urge"
        case unsafe
        case triggered
        case overwhelmed
        case highDistress = "high-distress"
        case risingDistress = "rising-distress"
        case exposureNotEasing = "exposure-not-easing"
        case fallingMood = "falling-mood"
        case measureRose = "measure-rose"
        case strongUrge = "strong-urge"
        case poorFit = "poor-fit"
        case lowFunctioning = "low-functioning"
        case fallingFunctioning = "falling-functioning"
        case lowAdherence = "low-adherence"
        case skipped

        var rank: Int { Kind.allCases.firstIndex(of: self) ?? 0 }

        /// Signs of risk: always first, always with the crisis line, never folded into a pattern.
        public var isRisk: Bool { self == .selfHarmThoughts || self == .riskUrge || self == .unsafe }
    }

    public var kind: Kind
    /// The reason in a few words, as a card shows it.
    public var text: String
    /// The rating behind it, for finding the worst entry of a pattern (nil when there is none).
    public var value: Double?
    /// The reason in fewer words for "In short", when `text` is longer than a line there
    /// should be (a sign of risk typed in a comment, with how to fix it).
    public var brief: String?

    public init(kind: Kind, text: String, value: Double? = nil, brief: String? = nil) {
        self.kind = kind
        self.text = text
        self.value = value
        self.brief = brief
    }
}

/// One card of "Raise with your therapist": an entry with all its reasons, a pattern
/// (one reason in several entries), a trend, or the homework that isn't getting done.
/// Every entry is on at most one card.
public struct RaiseCard: Sendable, Hashable {
    public enum Shape: String, Sendable, Hashable {
        /// One entry and all its reasons.
        case entry
        /// One reason found in several entries, or exposure peaks that aren't coming down.
        case pattern
        /// A rating rising or falling across the period.
        case trend
        /// Assignments practised less than half as often as asked.
        case homework
    }

    public var shape: Shape
    /// Most serious first; the card is ordered by the first.
    public var reasons: [RaiseReason]
    /// What the card is about: the entry's title, or the pattern or trend in words.
    public var title: String
    /// The entry's date; nil for the other shapes.
    public var date: EntryDate?
    /// The reasons, or for the other shapes what was found, in plain words.
    public var summary: String
    /// Further lines: a pattern's span and worst entry, each assignment of a homework card.
    public var details: [String]
    /// A line the person wrote, from one of the card's entries.
    public var quote: String?
    /// The files the card stands for (entries, or assignments), each on no other card.
    public var files: [String]
    /// The first day the card concerns, for ordering.
    var sortDate: EntryDate?

    /// The most serious reason's kind.
    public var kind: RaiseReason.Kind { reasons.first?.kind ?? .skipped }
    /// Whether any reason is a sign of risk.
    public var isRisk: Bool { reasons.contains { $0.kind.isRisk } }
}

/// One assignment's practice in the period.
public struct HomeworkProgress: Sendable, Hashable {
    public var id: String
    public var title: String
    public var path: String
    public var frequency: Frequency?
    /// Practices the frequency asks for over the days it was active in the period; nil for as-needed or no frequency.
    public var expected: Int?
    public var done: Int
    /// done ÷ expected, as a whole percentage capped at 100; nil without an expectation.
    public var adherencePercent: Int?
    public var averageHelpful: Double?
    public var averageFit: Double?
    public var exposure: ExposureProgress?
    public var thoughtRecords: EmotionChange?
}

/// SUDS across exposure practices.
public struct ExposureProgress: Sendable, Hashable {
    public var averageBefore: Double?
    public var averagePeak: Double?
    public var averageAfter: Double?
    /// Peak SUDS of each practice, oldest first.
    public var peaks: [Double]
    /// True when the last peak is below the first (at least two practices).
    public var peaksComingDown: Bool?
}

/// Average emotion intensity before and after (thought records).
public struct EmotionChange: Sendable, Hashable {
    public var before: Double
    public var after: Double
    public var records: Int
}

/// Mood and distress over the period, per day (short periods) or per week.
public struct MoodSeries: Sendable, Hashable {
    public enum Bucket: String, Sendable, Hashable { case day, week }

    public struct Point: Sendable, Hashable {
        /// The day, or the first day of the week.
        public var start: EntryDate
        /// "Fri 20 Nov", or "w/c 16 Nov" for a week.
        public var label: String
        public var mood: Summary?
        public var distress: Summary?
    }

    /// Minimum, mean and maximum of the values in one bucket.
    public struct Summary: Sendable, Hashable {
        public var min: Double
        public var mean: Double
        public var max: Double
        public var count: Int
    }

    public var bucket: Bucket
    public var points: [Point]
}

/// A scored questionnaire and how it moved.
public struct MeasureResult: Sendable, Hashable {
    public var path: String
    public var date: EntryDate?
    public var score: MeasureScore
    /// Change in total since the previous one of the same instrument (any time before), nil for the first.
    public var change: Int?
    public var previousBand: SeverityBand?
}

/// A questionnaire (a `measure` entry) that couldn't be scored, and why (`UnscoredMeasure.init`).
public struct UnscoredMeasure: Sendable, Hashable {
    public var path: String
    public var date: EntryDate?
    /// Nil when the entry names no questionnaire Between knows.
    public var instrument: Instrument?
    /// Questions without an answer (blank, or left off a short list); nil when that can't be told.
    public var missing: Int?
    /// Why, in a few words: "1 of 9 answers missing".
    public var reason: String
}

/// A question for the next session.
public struct QuestionItem: Sendable, Hashable {
    public var text: String
    public var path: String
    public var date: EntryDate?
}

/// An entry tagged `win` or rated very helpful.
public struct Win: Sendable, Hashable {
    public var path: String
    public var date: EntryDate?
    public var title: String
    public var why: String
    public var quote: String?
}

/// Which way mood, distress and functioning went across the period.
public struct Directions: Sendable, Hashable {
    public var mood: TrendRule.Comparison?
    public var distress: TrendRule.Comparison?
    public var functioning: TrendRule.Comparison?
}
