/// What to tell the person, and only them, when entries left out of a digest as
/// private hold a sign of risk.
///
/// Leaving them out is right (they are private), but the person should know that what
/// they kept back may be something their therapist needs to know. The message is for the
/// terminal's error stream only: it is never part of the `Digest`, so no format, template
/// or `-o` file can show it.
public enum PrivateRisk {
    /// The message, or nil when no private entry of the period that was left out holds a sign of risk.
    public static func notice(_ input: DigestInput) -> String? {
        var count = 0
        var kinds: [RaiseReason.Kind] = []
        for entry in input.entries where !input.audience.admits(entry) && entry.date.map(input.period.contains) == true {
            let risks = RaiseRules.risks(entry, riskUrges: input.config.riskUrges)
            guard !risks.isEmpty else { continue }
            count += 1
            for risk in risks where !kinds.contains(risk.kind) { kinds.append(risk.kind) }
        }
        guard count > 0 else { return nil }
        let what = RaiseReason.Kind.allCases.filter(kinds.contains).map { kind -> String in
            switch kind {
            case .selfHarmThoughts: "PHQ-9 question 9 answered above 0"
            case .riskUrge: "an urge of suicide or self-harm"
            default: "marked unsafe"
            }
        }.joined(separator: ", ")
        let entries = count == 1 ? "1 private entry" : "\(count) private entries"
        let crisis = input.config.crisisLine.map { " (\($0))" } ?? ""
        return "\(entries) left out of this digest \(count == 1 ? "holds" : "hold") a sign of risk (\(what)). "
            + "It may be something your therapist needs to know: you could tell them yourself, or add --include-private "
            + "to put \(count == 1 ? "it" : "them") in the digest. If you are in danger now, contact your local emergency services\(crisis)."
    }
}
