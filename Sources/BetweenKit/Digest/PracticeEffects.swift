/// Which practices lowered distress most: exposures by SUDS before → after, thought
/// records by emotion intensity before → after, and other entries by `distress`
/// when they give a before/after pair (`distress-before`/`distress-after`).
///
/// Ranked by an evidence-weighted drop, so one dramatic practice can't outrank a
/// steady one done many times: each practice's mean drop is shrunk toward zero
/// ("not yet shown to help") as if it had `prior` more practices with no drop,
/// i.e. score = total drop ÷ (times + prior). One 90-point drop scores 22.5; nine
/// 50-point drops score 37.5. The shown numbers stay the plain average and count.
/// Ties keep a stable order: more practices first, then the practice's name.
public enum PracticeEffects {
    /// How many imaginary average practices each practice is blended with.
    public static let prior = 3.0

    public static func rank(_ entries: [Entry], assignments: [Entry]) -> [PracticeEffect] {
        var drops: [String: [Double]] = [:], helpful: [String: [Double]] = [:]
        for entry in entries {
            guard let drop = drop(entry) else { continue }
            let key = entry.homeworkID ?? entry.type.rawValue
            drops[key, default: []].append(drop)
            if let rating = entry.number("helpful") { helpful[key, default: []].append(rating) }
        }
        let titles = Dictionary(assignments.compactMap { entry in entry.homeworkID.map { ($0, entry.title) } }, uniquingKeysWith: { first, _ in first })
        let scored = drops.map { key, values -> (PracticeEffect, Double) in
            let n = Double(values.count)
            let mean = values.reduce(0, +) / n
            let effect = PracticeEffect(practice: key, title: titles[key] ?? key, averageDrop: mean, times: values.count,
                                        averageHelpful: HomeworkProgressBuilder.average(helpful[key] ?? []))
            return (effect, mean * n / (n + prior))
        }
        return scored.sorted { lhs, rhs in
            if lhs.1 != rhs.1 { return lhs.1 > rhs.1 }
            if lhs.0.times != rhs.0.times { return lhs.0.times > rhs.0.times }
            return lhs.0.practice < rhs.0.practice
        }.map(\.0)
    }

    /// The drop in distress one entry records, on a 0–100 scale; nil without a before/after pair.
    static func drop(_ entry: Entry) -> Double? {
        if let before = entry.number("suds-before") ?? entry.number("suds-peak"), let after = entry.number("suds-after") {
            return before - after
        }
        if let change = HomeworkProgressBuilder.emotionChange([entry]) {
            return change.before - change.after
        }
        if let before = entry.number("distress-before"), let after = entry.number("distress-after") {
            return before - after
        }
        return nil
    }
}
