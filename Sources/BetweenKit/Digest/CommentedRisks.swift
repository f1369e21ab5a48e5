import BetweenCore

/// Signs of risk typed after a `#`, where YAML reads a comment: in vim, `A` on the
/// template's line `  -    # 9. Thoughts that you would be better off dead …` types the
/// answer at the end of the comment, and question 9 is left blank. `check` warns about
/// every such value (`CommentedValue`); a sign of risk among them must not wait for the
/// person to run it, so the digest raises it as written, with how to fix the line.
///
/// Risk signs fail safe: question 9's typed answer is raised unless it clearly means 0
/// (`0`, `0 not at all`, `no`, `none`, `never`, `not at all`); a diary card's `urges`,
/// `acted-on` or `flags` typed there is read as if written before the `#`, and any risk it
/// then holds is raised; one that can't be read (not YAML, or too long for the warning to
/// hold all of it) is raised when it names a risk urge (or `unsafe`). Nothing else is read
/// from a comment: a mood typed there stays out of the charts until the line is fixed.
extension RaiseRules {
    static func commentedRisks(_ entry: Entry, riskUrges: [String]) -> [RaiseReason] {
        let typed = entry.commentedValues
        guard !typed.isEmpty else { return [] }
        var reasons: [RaiseReason] = []
        for value in typed {
            if value.question == 9, let (instrument, answers) = MeasureScore.answers(of: entry), instrument == .phq9, answers[8] == .null {
                reasons += questionNine(typed: value.text)
            } else if value.question == nil, riskFields.contains(value.field) {
                reasons += riskField(value, in: entry, riskUrges: riskUrges)
            }
        }
        return reasons
    }

    /// The fields a sign of risk is written in, besides a questionnaire's answers.
    private static let riskFields: Set<String> = ["urges", "acted-on", "flags"]

    private static func questionNine(typed text: String) -> [RaiseReason] {
        let words = text.lowercased().split { $0 == " " || $0 == "\t" || $0 == "," || $0 == "." || $0 == "!" }
        if let first = words.first, let number = Double(first), number.isFinite {
            guard number != 0 else { return [] }
            return [commented(RaiseReason(kind: .selfHarmThoughts, text: "\(questionNineText) answered \(NumberText.short(number)) of 3", value: number),
                              brief: "PHQ-9 question 9 answered \(NumberText.short(number)) of 3", fix: "write “- \(first)” before the #")]
        }
        guard !clearlyNone.contains(words.joined(separator: " ")) else { return [] }
        return [commented(RaiseReason(kind: .selfHarmThoughts, text: "\(questionNineText) answered “\(text)”"),
                          brief: "PHQ-9 question 9 answered “\(text)”", fix: "write the answer as a number from 0 to 3, before the #")]
    }

    /// Words that answer question 9 with 0 as clearly as the number does.
    private static let clearlyNone: Set<String> = ["no", "none", "never", "not at all", "nope", "zero"]

    /// The risks the field would give had it been written before the `#`, and that the
    /// entry doesn't already give; or, when what was typed can't be read as the field, the
    /// risk its words name.
    private static func riskField(_ value: CommentedValue, in entry: Entry, riskUrges: [String]) -> [RaiseReason] {
        let fix = "write “\(value.field): \(value.text)” instead"
        guard let read = value.value(for: entry.type), value.field != "urges" || read.isMap else {
            return named(in: value, riskUrges: riskUrges, type: entry.type).map { commented($0, brief: $0.text, fix: fix) }
        }
        var fixed = entry
        if let index = fixed.fields.firstIndex(where: { $0.key == value.field }) {
            fixed.fields[index].value = read
        } else {
            fixed.fields.append(FieldPair(key: value.field, value: read))
        }
        let written = writtenRisks(entry, riskUrges: riskUrges)
        return writtenRisks(fixed, riskUrges: riskUrges).filter { !written.contains($0) }.map { commented($0, brief: $0.text, fix: fix) }
    }

    /// A risk named in text that can't be read as a value: an urge of `riskUrges` (on a
    /// diary card), or `unsafe` in `flags`. Numbers beside a name are left out of it
    /// (`self-harm 2` names `self-harm`).
    private static func named(in value: CommentedValue, riskUrges: [String], type: EntryType) -> [RaiseReason] {
        let parts = value.text.split { ",{}[]:;".contains($0) }.map { part in
            part.split { $0 == " " || $0 == "\t" }.filter { Double($0) == nil && $0 != "…" }.joined(separator: " ")
        }.filter { !$0.isEmpty }
        if value.field == "flags" {
            return parts.contains { $0.lowercased() == "unsafe" } ? [RaiseReason(kind: .unsafe, text: "marked unsafe")] : []
        }
        guard type == .diaryCard else { return [] }
        let matcher = RiskUrges(riskUrges)
        return parts.filter(matcher.matches).map { name in
            RaiseReason(kind: .riskUrge, text: value.field == "acted-on" ? "acted on the urge “\(name)”" : "urge “\(name)”, its rating unreadable")
        }
    }

    /// `reason`, saying where it was typed and how to fix the line (in quotes, not code
    /// marks, which a Markdown digest would show escaped).
    private static func commented(_ reason: RaiseReason, brief: String, fix: String) -> RaiseReason {
        RaiseReason(kind: reason.kind, text: reason.text + " after the # on its line, so it is read as a comment and not counted: \(fix)",
                    value: reason.value, brief: brief + ", in a comment")
    }
}

private extension FieldValue {
    var isMap: Bool {
        if case .map = self { true } else { false }
    }
}
