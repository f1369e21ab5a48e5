/// The session-prep digest: one value that every format (Markdown, HTML, JSON) renders.
///
/// Sections in DESIGN.md's order: what to raise, homework, mood and distress,
/// measures, questions, wins and what helped, and how many private entries were
/// left out. Built by `DigestBuilder`; turned into JSON by `DigestJSON`.
public struct Digest: Sendable, Hashable {
    public var period: DigestPeriod
    /// Entries in the period that the digest read, session notes not counted (private ones left out unless asked for).
    public var entryCount: Int
    public var raise: [RaiseItem]
    public var homework: [HomeworkProgress]
    public var moodAndDistress: MoodSeries
    public var measures: [MeasureResult]
    public var questions: [QuestionItem]
    public var wins: [Win]
    public var helped: [PracticeEffect]
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

/// Something to raise with the therapist, with the file it comes from.
public struct RaiseItem: Sendable, Hashable {
    /// Why it is raised; also decides the order (most urgent first).
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case selfHarmThoughts = "self-harm-thoughts"
        case unsafe
        case triggered
        case overwhelmed
        case highDistress = "high-distress"
        case measureRose = "measure-rose"
        case strongUrge = "strong-urge"
        case poorFit = "poor-fit"
        case lowFunctioning = "low-functioning"
        case fallingFunctioning = "falling-functioning"
        case lowAdherence = "low-adherence"
        case skipped

        var rank: Int { Kind.allCases.firstIndex(of: self) ?? 0 }

        /// Items that concern safety: shown with the crisis line.
        public var isRisk: Bool { self == .selfHarmThoughts || self == .unsafe }
    }

    public var kind: Kind
    /// Relative path of the entry (or assignment) it comes from.
    public var path: String
    /// The entry's day, when it has one.
    public var date: EntryDate?
    public var title: String
    /// Why, in plain words: "flagged as triggering", "distress 85 (your threshold is 70)".
    public var reason: String
    /// A short line the person wrote in that entry, as written.
    public var quote: String?
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
        /// `2026-11-20` or `2026-W47`.
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

/// A practice and how much it lowered distress this period.
public struct PracticeEffect: Sendable, Hashable {
    /// The assignment id, or the entry type when no assignment is named.
    public var practice: String
    public var title: String
    /// Average drop in SUDS/emotion intensity (0–100 scale), positive = lower after.
    public var averageDrop: Double
    public var times: Int
    public var averageHelpful: Double?
}
