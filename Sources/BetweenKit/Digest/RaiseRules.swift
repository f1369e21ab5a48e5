import BetweenCore

/// Why one entry is raised with the therapist: every rule that looks at a single entry,
/// each giving a reason in a few words. `RaiseCards` turns the reasons into cards.
enum RaiseRules {
    /// All of an entry's reasons, most serious first. `measure` is the entry's scored
    /// questionnaire, with its change since the previous one, when it has one.
    static func reasons(_ entry: Entry, measure: MeasureResult?, config: VaultConfig) -> [RaiseReason] {
        let reasons = risks(entry, riskUrges: config.riskUrges) + flags(entry) + distress(entry, config.thresholds)
            + measureRose(measure) + strongUrges(entry, riskUrges: config.riskUrges) + fit(entry, config.thresholds)
            + functioning(entry, config.thresholds) + skipped(entry)
        return reasons.sorted { $0.kind.rank < $1.kind.rank }
    }

    /// Signs of risk: PHQ-9 question 9 above 0, `unsafe`, and urges of suicide or
    /// self-harm rated above 0 or acted on, as written or typed after a `#`
    /// (`commentedRisks`). Also what the private-risk notice looks for.
    static func risks(_ entry: Entry, riskUrges: [String]) -> [RaiseReason] {
        writtenRisks(entry, riskUrges: riskUrges) + commentedRisks(entry, riskUrges: riskUrges)
    }

    /// PHQ-9 question 9 in a few words, for the reason a card gives.
    static let questionNineText = "question 9 (thoughts of being better off dead, or of hurting yourself)"

    /// The signs of risk in the entry's fields as YAML read them.
    static func writtenRisks(_ entry: Entry, riskUrges: [String]) -> [RaiseReason] {
        var reasons: [RaiseReason] = []
        if let answer = questionNine(entry), answer > 0 {
            reasons.append(RaiseReason(kind: .selfHarmThoughts, text: "\(questionNineText) answered \(NumberText.short(answer)) of 3", value: answer))
        }
        if entry.type == .diaryCard {
            let matcher = RiskUrges(riskUrges)
            let rated = urges(entry)
            let actedOnNames = actedOn(entry)
            let actedOn = Set(actedOnNames.filter(matcher.matches).map(RiskUrges.normalised))
            for (name, value) in rated where matcher.matches(name) && value > 0 && !actedOn.contains(RiskUrges.normalised(name)) {
                reasons.append(RaiseReason(kind: .riskUrge, text: "urge “\(name)” \(NumberText.short(value))/5", value: value))
            }
            // A rating that isn't a number ("high", a list) can't be read as 0: it is raised as written.
            if case .map(let pairs)? = entry["urges"] {
                for pair in pairs where matcher.matches(pair.key) && pair.value.number == nil && pair.value != .null
                    && !actedOn.contains(RiskUrges.normalised(pair.key)) {
                    let shown = pair.value.text.map { "“\($0)”" } ?? "in a way Between can't read"
                    reasons.append(RaiseReason(kind: .riskUrge, text: "urge “\(pair.key)” rated \(shown)"))
                }
            }
            for name in actedOnNames where matcher.matches(name) {
                let rating = rated.first { RiskUrges.normalised($0.name) == RiskUrges.normalised(name) }.map { " (\(NumberText.short($0.value))/5)" } ?? ""
                reasons.append(RaiseReason(kind: .riskUrge, text: "acted on the urge “\(name)”\(rating)"))
            }
        }
        if entry.flags.contains("unsafe") { reasons.append(RaiseReason(kind: .unsafe, text: "marked unsafe")) }
        return reasons
    }

    static func flags(_ entry: Entry) -> [RaiseReason] {
        let flags = Set(entry.flags)
        return [RaiseReason.Kind.triggered, .overwhelmed].filter { flags.contains($0.rawValue) }
            .map { RaiseReason(kind: $0, text: $0.rawValue) }
    }

    /// `distress` at or over the threshold; for an exposure, only SUDS still that high at
    /// the end (`suds-after`): a high peak is what exposure practice is for.
    static func distress(_ entry: Entry, _ thresholds: VaultConfig.Thresholds) -> [RaiseReason] {
        if entry.type == .exposure {
            guard let after = entry.number("suds-after"), after >= thresholds.distress else { return [] }
            return [RaiseReason(kind: .highDistress, text: "SUDS still \(NumberText.short(after)) at the end", value: after)]
        }
        guard let value = entry.number("distress"), value >= thresholds.distress else { return [] }
        return [RaiseReason(kind: .highDistress, text: "distress \(NumberText.short(value))", value: value)]
    }

    static func measureRose(_ measure: MeasureResult?) -> [RaiseReason] {
        guard let measure, let change = measure.change else { return [] }
        let score = measure.score
        let reliable = change >= score.instrument.reliableChange
        let bandUp = measure.previousBand.map { score.band > $0 } ?? false
        guard reliable || bandUp else { return [] }
        var text = "up \(change) from \(score.total - change)"
        if let previous = measure.previousBand, bandUp { text += ", \(previous.rawValue) → \(score.band.rawValue)" }
        if reliable { text += ", a reliable change" }
        return [RaiseReason(kind: .measureRose, text: text, value: Double(change))]
    }

    /// Other urges rated 4 or 5 of 5 (the risk urges are risks, above).
    static func strongUrges(_ entry: Entry, riskUrges: [String]) -> [RaiseReason] {
        let matcher = RiskUrges(riskUrges)
        let strong = urges(entry).filter { !matcher.matches($0.name) && $0.value >= 4 }
        guard let strongest = strong.map(\.value).max() else { return [] }
        return [RaiseReason(kind: .strongUrge,
                            text: "strong urges: " + strong.map { "\($0.name) \(NumberText.short($0.value))/5" }.joined(separator: ", "),
                            value: strongest)]
    }

    static func fit(_ entry: Entry, _ thresholds: VaultConfig.Thresholds) -> [RaiseReason] {
        guard let fit = entry.number("fit"), fit <= thresholds.fit else { return [] }
        return [RaiseReason(kind: .poorFit, text: "fit \(NumberText.short(fit))/10", value: fit)]
    }

    static func functioning(_ entry: Entry, _ thresholds: VaultConfig.Thresholds) -> [RaiseReason] {
        guard let value = entry.number("functioning"), value <= thresholds.functioning else { return [] }
        return [RaiseReason(kind: .lowFunctioning, text: "functioning \(NumberText.short(value))/10", value: value)]
    }

    static func skipped(_ entry: Entry) -> [RaiseReason] {
        entry.flags.contains("skipped") ? [RaiseReason(kind: .skipped, text: "skipped")] : []
    }

    /// The urges a diary card says were acted on: `acted-on: [self-harm]`, or written as a
    /// map (`acted-on: {self-harm: yes}`), each name whose value isn't no, false, 0 or blank.
    static func actedOn(_ entry: Entry) -> [String] {
        guard case .map(let pairs)? = entry["acted-on"] else { return entry.words("acted-on") }
        return pairs.filter { pair in
            switch pair.value {
            case .null, .bool(false): false
            case let value: value.number.map { $0 != 0 } ?? !["no", "false", ""].contains(value.text?.lowercased() ?? "")
            }
        }.map(\.key)
    }

    /// A diary card's urges with a number, as written.
    static func urges(_ entry: Entry) -> [(name: String, value: Double)] {
        guard entry.type == .diaryCard, case .map(let pairs)? = entry["urges"] else { return [] }
        return pairs.compactMap { pair in pair.value.number.flatMap { $0.isFinite ? (pair.key, $0) : nil } }
    }

    /// The answer to PHQ-9 question 9 as written (the ninth of nine answers), if it is a
    /// number: a questionnaire with another answer missing or mistyped can't be scored,
    /// but this answer is never ignored.
    static func questionNine(_ entry: Entry) -> Double? {
        guard let (instrument, answers) = MeasureScore.answers(of: entry), instrument == .phq9 else { return nil }
        return answers[answers.count - 1].number.flatMap { $0.isFinite ? $0 : nil }
    }
}

/// Which diary-card urges mean suicide or self-harm: the vault's `risk-urges`, else
/// `VaultConfig.defaultRiskUrges`. Names match ignoring case, with spaces and underscores
/// read as hyphens, and with a leading "urge to" or "urge" left out ("Urge to die" is `die`).
struct RiskUrges {
    private let names: Set<String>

    init(_ names: [String]) {
        self.names = Set(names.map(Self.normalised))
    }

    func matches(_ name: String) -> Bool {
        names.contains(Self.normalised(name))
    }

    static func normalised(_ name: String) -> String {
        var words = name.lowercased().split { $0 == " " || $0 == "_" || $0 == "-" || $0 == "\t" }.map(String.init)
        if words.first == "urge" || words.first == "urges" {
            words.removeFirst()
            if words.first == "to" { words.removeFirst() }
        }
        return words.joined(separator: "-")
    }
}
