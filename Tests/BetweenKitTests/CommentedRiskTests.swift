import Foundation
import Testing
@testable import BetweenCore
@testable import BetweenKit

/// A sign of risk typed after the `#` of a template's line (vim's `A` types at the end of
/// the line): YAML reads it as a comment, so the field is blank. `check` warns; the digest
/// must still raise it, as a risk card with the crisis line, and say how to fix the line.
@Suite struct CommentedRiskTests {
    private static let period = DigestPeriod(start: EntryDate(year: 2026, month: 11, day: 9), end: EntryDate(year: 2026, month: 11, day: 22),
                                             basis: "from 2026-11-09 to 2026-11-22")

    /// A PHQ-9 as `between new phq9` writes it, answered on the dashes, with question 9's line as typed.
    static func phq9(nine: String, date: String = "2026-11-20 21:10", privately: Bool = false) -> String {
        """
        ---
        type: measure
        instrument: phq9
        date: \(date)
        # Write your answer after each dash: 0 not at all, 1 several days, 2 more than half the days, 3 nearly every day.
        items:
          - 1  # 1. Little interest or pleasure in doing things
          - 2  # 2. Feeling down, depressed, or hopeless
          - 2  # 3. Trouble falling or staying asleep, or sleeping too much
          - 1  # 4. Feeling tired or having little energy
          - 1  # 5. Poor appetite or overeating
          - 2  # 6. Feeling bad about yourself — or that you are a failure or have let yourself or your family down
          - 0  # 7. Trouble concentrating on things, such as reading the newspaper or watching television
          - 0  # 8. Moving or speaking so slowly that other people could have noticed
          -    # 9. Thoughts that you would be better off dead or of hurting yourself in some way\(nine)
        private: \(privately)
        ---

        ## Notes

        Rough fortnight. Didn't want to write that last one down properly.

        """
    }

    private func digest(_ texts: [String: String], includePrivate: Bool = false) -> (Digest, DigestInput) {
        let entries = texts.sorted { $0.key < $1.key }.map { EntryParser.parse(path: $0.key, text: $0.value) }
        var config = VaultConfig()
        config.crisisLine = "116 123"
        let input = DigestInput(period: Self.period, entries: entries, assignments: [], config: config, includePrivate: includePrivate)
        return (DigestBuilder.build(input), input)
    }

    @Test(arguments: [" 1", " 3", " 2 more than half the days", " sometimes", " yes, a few times"])
    func questionNineAnsweredInsideItsCommentIsARiskCard(typed: String) throws {
        let (result, _) = digest(["journal/2026/11/2026-11-20-2110-phq9.md": Self.phq9(nine: typed)])
        let card = try #require(result.raise.first)
        #expect(card.isRisk && card.kind == .selfHarmThoughts, "\(typed)")
        #expect(card.summary.contains("after the # on its line"), "\(card.summary)")
        #expect(result.inShort.first?.hasPrefix("Sign of risk: PHQ-9 question 9 answered") == true, "\(result.inShort)")
        #expect(result.inShort.first?.contains("in a comment") == true, "\(result.inShort)")
    }

    @Test func theCardSaysHowToFixTheLine() throws {
        let (number, _) = digest(["j/a.md": Self.phq9(nine: " 1")])
        #expect(number.raise.first?.summary
                == "question 9 (thoughts of being better off dead, or of hurting yourself) answered 1 of 3 after the # on its line, so it is read as a comment and not counted: write “- 1” before the #")
        #expect(number.raise.first?.reasons.first?.value == 1)
        let (words, _) = digest(["j/a.md": Self.phq9(nine: " sometimes")])
        #expect(words.raise.first?.summary
                == "question 9 (thoughts of being better off dead, or of hurting yourself) answered “sometimes” after the # on its line, so it is read as a comment and not counted: write the answer as a number from 0 to 3, before the #")
    }

    @Test(arguments: ["", " 0", " 0 not at all", " not at all", " none"])
    func anAnswerInTheCommentThatIsClearlyZeroIsNotRaised(typed: String) {
        let (result, _) = digest(["j/a.md": Self.phq9(nine: typed)])
        #expect(result.raise.isEmpty, "\(typed): \(result.raise.map(\.summary))")
    }

    @Test func checkWarnsAboutWordsTypedAfterAnAnswersComment() {
        let entry = EntryParser.parse(path: "j/a.md", text: Self.phq9(nine: " sometimes"))
        #expect(entry.diagnostics.map(\.summary).contains(
            "j/a.md:15:91: warning: the 'sometimes' after # is a comment, so question 9 has no answer; write the answer as a number from 0 to 3, before the #"))
        // The template as written (no answer typed) is not a value.
        #expect(!EntryParser.parse(path: "j/a.md", text: Self.phq9(nine: "")).diagnostics.contains { $0.message.contains("after #") })
    }

    @Test func aCommentedValueIsReadBackFromItsWarningAlone() {
        // The digest reads entries from the index: their warnings, not their front matter's text.
        let entry = EntryParser.parse(path: "j/a.md", text: Self.phq9(nine: " 2"))
        #expect(entry.commentedValues == [CommentedValue(field: "items", question: 9, text: "2")])
        let card = EntryParser.parse(path: "j/d.md", text: "---\ntype: diary-card\ndate: 2026-11-20\n"
                                     + "urges:           # each urge and how strong, 0–5, e.g. {self-harm: 0, avoid: 3} {suicide: 2, avoid: 1}\n---\n")
        #expect(card.commentedValues == [CommentedValue(field: "urges", question: nil, text: "{suicide: 2, avoid: 1}")])
        #expect(card.commentedValues.first?.value(for: .diaryCard) == .map([FieldPair(key: "suicide", value: .int(2)), FieldPair(key: "avoid", value: .int(1))]))
        // Another file's warning, or any other message, is not one.
        var moved = entry
        moved.path = "j/b.md"
        #expect(moved.commentedValues.isEmpty)
        #expect(CommentedValue(Diagnostic.warning("the 5 after # is a comment", in: "x.md")) == nil)
    }

    // MARK: - Diary cards

    @Test func diaryCardRiskUrgesActedOnAndUnsafeTypedInCommentsAreRaised() throws {
        let head = "---\ntype: diary-card\ndate: 2026-11-20 22:00\n"
        let (result, _) = digest([
            "j/urge.md": head + "urges:           # each urge and how strong, 0–5, e.g. {self-harm: 0, avoid: 3} {suicide: 2, avoid: 1}\n---\n",
            "j/acted.md": head + "acted-on: []     # the urges I acted on, e.g. [avoid] self-harm\n---\n",
            "j/unsafe.md": head + "flags: []        # triggered, overwhelmed, skipped, unsafe, or any word unsafe\n---\n",
            "j/calm.md": head + "urges:           # each urge and how strong, 0–5, e.g. {self-harm: 0, avoid: 3} {suicide: 0, avoid: 5}\n---\n",
        ])
        #expect(result.raise.count == 3, "\(result.raise.map(\.summary))")
        #expect(result.raise.allSatisfy { $0.isRisk })
        let byFile = Dictionary(uniqueKeysWithValues: result.raise.map { ($0.files[0], $0.summary) })
        #expect(byFile["j/urge.md"] == "urge “suicide” 2/5 after the # on its line, so it is read as a comment and not counted: write “urges: {suicide: 2, avoid: 1}” instead")
        #expect(byFile["j/acted.md"] == "acted on the urge “self-harm” after the # on its line, so it is read as a comment and not counted: write “acted-on: [self-harm]” instead")
        #expect(byFile["j/unsafe.md"] == "marked unsafe after the # on its line, so it is read as a comment and not counted: write “flags: [unsafe]” instead")
        #expect(byFile["j/calm.md"] == nil, "only signs of risk are read from a comment; suicide 0 is none")
    }

    @Test func aLongOrUnreadableUrgeInACommentThatNamesARiskIsStillRaised() throws {
        func urges(_ typed: String) -> Digest {
            digest(["j/d.md": "---\ntype: diary-card\ndate: 2026-11-20\nurges:   # each urge and how strong, 0–5, e.g. {self-harm: 0, avoid: 3} \(typed)\n---\n"]).0
        }
        // Longer than a message quotes (40 characters): the fix in the warning holds all of it.
        let long = urges("{avoid: 2, isolate: 3, shout: 1, sleep: 4, Self Harm: 3}")
        #expect(long.raise.first?.summary.hasPrefix("urge “Self Harm” 3/5 after the # on its line") == true, "\(long.raise.map(\.summary))")
        #expect(urges("{\((1...30).map { "chore\($0): 1" }.joined(separator: ", ")), suicide: 1}").raise.first?.kind == .riskUrge)
        // Not YAML, or longer than the warning's fix shows: the rating can't be read, the name can.
        let filler = (1...100).map { "chore\($0): 1" }.joined(separator: ", ")
        for typed in ["{self harm: 3, avoid: [2}", "{suicide: 1, \(filler)}"] {
            let result = urges(typed)
            let card = try #require(result.raise.first, "\(typed)")
            #expect(card.kind == .riskUrge && card.summary.contains("after the # on its line"), "\(card.summary)")
        }
        let (harmless, _) = digest(["j/d.md": "---\ntype: diary-card\ndate: 2026-11-20\nurges:   # each urge and how strong, 0–5, e.g. {self-harm: 0, avoid: 3} {avoid: 2, isolate: 3, shout: 1, sleep: 4, tidy: 1}\n---\n"])
        #expect(!harmless.raise.contains { $0.isRisk })
    }

    // MARK: - Private entries and the command line

    @Test func aPrivateEntryWithAnAnswerInAItsCommentIsToldPrivately() {
        let (result, input) = digest(["j/a.md": Self.phq9(nine: " 2", privately: true)])
        #expect(result.raise.isEmpty)
        #expect(PrivateRisk.notice(input)?.hasPrefix("1 private entry left out of this digest holds a sign of risk (PHQ-9 question 9 answered above 0)") == true)
    }

    @Test func theDigestRaisesItFromTheIndexWithTheCrisisLine() throws {
        let vault = try TemporaryVault([
            "between.yml": "crisis-line: \"Samaritans: 116 123\"\n",
            "journal/2026/11/2026-11-20-2110-phq9.md": Self.phq9(nine: " 1"),
        ])
        defer { vault.remove() }
        let check = try CLI.run(["check", "--vault", vault.root])
        #expect(check.stdout.contains("the 1 after # is a comment, so question 9 has no answer"), "\(check.stdout)")
        for format in ["md", "html", "json"] {
            let result = try CLI.run(["digest", "--format", format, "--since", "2026-11-09", "--vault", vault.root],
                                     environment: ["BETWEEN_TODAY": "2026-11-22"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("answered 1 of 3 after the # on its line"), "\(format)")
            #expect(result.stdout.contains("Samaritans: 116 123"), "\(format)")
        }
    }
}
