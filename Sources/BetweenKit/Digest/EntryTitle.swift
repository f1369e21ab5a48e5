import BetweenCore

/// What the digest calls an entry: the person's own title when they gave one (`title:`
/// or a `#` heading), else the kind of entry and what tells it apart, never a file name.
///
/// "Mood check-in · 18:40", "Exposure · Bus exposure ladder", "Activity · Baked bread",
/// and for a questionnaire its score: "PHQ-9 · 13/27, moderate".
enum EntryTitle {
    static func of(_ entry: Entry, assignments: [String: String]) -> String {
        let own = (entry.text("title")?.trimmingASCIIWhitespace()).flatMap { $0.isEmpty ? nil : $0 } ?? entry.body.firstHeading
        if entry.type == .measure {
            let name = entry.text("instrument").flatMap { Instrument(rawValue: $0.lowercased()) }?.displayName ?? "Questionnaire"
            let score = MeasureScore(entry).map { " · \($0.total)/\($0.instrument.maximumTotal), \($0.band.rawValue)" } ?? ""
            return (own ?? name) + score
        }
        if let own { return own }
        let kind = kindName(entry.type)
        // An exposure is told apart by its ladder, an activity by what was done; the
        // rest (often several a day, practising the same assignment) by the time.
        let practice = entry.homeworkID.flatMap { assignments[$0] ?? $0 }
        let what: String? = switch entry.type {
        case .exposure: practice
        case .activity: entry.text("activity").flatMap { $0.isEmpty ? nil : $0 } ?? practice
        default: nil
        }
        if let what { return "\(kind) · \(what)" }
        return entry.date?.timeOfDay.map { "\(kind) · \($0)" } ?? kind
    }

    /// Each type's name in words.
    static func kindName(_ type: EntryType) -> String {
        switch type {
        case .homework: "Assignment"
        case .session: "Session notes"
        case .reflection: "Reflection"
        case .thoughtRecord: "Thought record"
        case .exposure: "Exposure"
        case .activity: "Activity"
        case .mood: "Mood check-in"
        case .diaryCard: "Diary card"
        case .measure: "Questionnaire"
        case .safetyPlan: "Safety plan"
        case .note: "Note"
        }
    }
}
