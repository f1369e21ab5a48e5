/// A standard questionnaire Between can score (`measure` entries).
public enum Instrument: String, Sendable, Hashable, CaseIterable, Codable {
    /// Patient Health Questionnaire, 9 items: depression.
    case phq9
    /// Generalised Anxiety Disorder scale, 7 items.
    case gad7

    /// How many answers the questionnaire has.
    public var itemCount: Int {
        switch self {
        case .phq9: 9
        case .gad7: 7
        }
    }

    /// The name people know it by.
    public var displayName: String {
        switch self {
        case .phq9: "PHQ-9"
        case .gad7: "GAD-7"
        }
    }

    /// The highest possible total.
    public var maximumTotal: Int { itemCount * 3 }

    /// The smallest rise in total that counts as reliable change.
    public var reliableChange: Int {
        switch self {
        case .phq9: 6
        case .gad7: 5
        }
    }

    /// The severity band of a total score.
    public func band(for total: Int) -> SeverityBand {
        switch (self, total) {
        case (_, ...4): .minimal
        case (_, 5...9): .mild
        case (_, 10...14): .moderate
        case (.phq9, 15...19): .moderatelySevere
        default: .severe
        }
    }
}

/// Standard severity bands of PHQ-9 and GAD-7 totals, in increasing order.
public enum SeverityBand: String, Sendable, Hashable, Comparable, Codable {
    case minimal
    case mild
    case moderate
    case moderatelySevere = "moderately severe"
    case severe

    private var rank: Int {
        switch self {
        case .minimal: 0
        case .mild: 1
        case .moderate: 2
        case .moderatelySevere: 3
        case .severe: 4
        }
    }

    public static func < (lhs: SeverityBand, rhs: SeverityBand) -> Bool { lhs.rank < rhs.rank }
}
