import Foundation
import Testing
@testable import BetweenCore
@testable import BetweenKit

/// `between show`: the note's own text after its fields, a questionnaire's score and
/// band, and the digest's note beside a PHQ-9 question 9 answered above 0.
@Suite struct ShowTests {
    static func phq9(_ answers: String) -> String {
        "---\ntype: measure\ninstrument: phq9\ndate: 2026-11-23 20:00\nitems: [\(answers)]\nprivate: false\n---\n"
            + "## Notes\n\nA rough fortnight. Work was heavy and I stopped going to the pool.\n"
    }

    static let reflection = """
        ---
        type: reflection
        date: 2026-11-21 22:10
        mood: 6
        ---
        # After the walk

        Went round the park with Sam. Talked about Dad for the first time in weeks.

        - felt lighter after
        - still tired

        """

    private func show(_ vault: TemporaryVault, _ path: String, json: Bool = false) throws -> CLI.Result {
        try CLI.run(["show", path, "--vault", vault.root] + (json ? ["--format", "json"] : []))
    }

    private func object(_ result: CLI.Result) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    @Test func theNotesTextFollowsItsFields() throws {
        let vault = try TemporaryVault(["between.yml": "", "journal/walk.md": Self.reflection])
        defer { vault.remove() }
        let text = try show(vault, "journal/walk.md")
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("""
            Fields
              type: reflection
              date: 2026-11-21 22:10
              mood: 6

            Text
              After the walk

              Went round the park with Sam. Talked about Dad for the first time in weeks.

              felt lighter after
              still tired

            Sections
            """), "\(text.stdout)")
        #expect(!text.stdout.contains("Score"))
        let json = try object(try show(vault, "journal/walk.md", json: true))
        #expect((json["text"] as? String)?.contains("Talked about Dad for the first time in weeks.") == true)
        #expect(json["measure"] is NSNull)
    }

    @Test func aQuestionnaireShowsItsScoreBandAndTheQuestionNineNote() throws {
        let vault = try TemporaryVault([
            "between.yml": "crisis-line: \"Samaritans: 116 123\"\n",
            "journal/phq9.md": Self.phq9("2, 2, 1, 2, 1, 1, 1, 0, 1"),
            "journal/gad7.md": "---\ntype: measure\ninstrument: gad7\ndate: 2026-11-23\nitems: [1, 1, 0, 1, 0, 1, 0]\n---\n",
        ])
        defer { vault.remove() }
        let note = "Question 9 (thoughts of being better off dead, or of hurting yourself) answered 1 of 3. "
            + "Please tell your therapist. If you are in danger now, contact your local emergency services. Crisis line: Samaritans: 116 123"
        let text = try show(vault, "journal/phq9.md")
        #expect(text.stdout.contains("\nScore\n  PHQ-9: 11 of 27, moderate\n  \(note)\n\nText\n  Notes\n\n  A rough fortnight."), "\(text.stdout)")
        let json = try object(try show(vault, "journal/phq9.md", json: true))
        let measure = try #require(json["measure"] as? [String: Any])
        #expect(measure["instrument"] as? String == "phq9" && measure["score"] as? Int == 11 && measure["maximum"] as? Int == 27)
        #expect(measure["band"] as? String == "moderate" && measure["question_9_note"] as? String == note)

        let gad = try show(vault, "journal/gad7.md")
        #expect(gad.stdout.contains("\nScore\n  GAD-7: 4 of 21, minimal\n\n"), "no note: GAD-7 has no question about self-harm")
        let gadJSON = try #require(try object(try show(vault, "journal/gad7.md", json: true))["measure"] as? [String: Any])
        #expect(gadJSON["question_9_note"] is NSNull)
    }

    @Test func questionNineIsNeverLeftOutEvenUnscoredOrWithoutACrisisLine() throws {
        let vault = try TemporaryVault(["between.yml": "", "journal/phq9.md": Self.phq9("1, null, 1, 2, 1, 0, 1, 0, 2")])
        defer { vault.remove() }
        let text = try show(vault, "journal/phq9.md")
        #expect(text.stdout.contains("""
            Score
              PHQ-9: not scored yet; it needs an answer from 0 to 3 to each of its 9 questions
              Question 9 (thoughts of being better off dead, or of hurting yourself) answered 2 of 3. Please tell your therapist. If you are in danger now, contact your local emergency services.

            """), "\(text.stdout)")
        let measure = try #require(try object(try show(vault, "journal/phq9.md", json: true))["measure"] as? [String: Any])
        #expect(measure["score"] is NSNull && measure["band"] is NSNull)
        #expect((measure["question_9_note"] as? String)?.hasSuffix("local emergency services.") == true)
        // Problems are shown as `check` shows them: the line, and a caret under the spot.
        #expect(text.stdout.contains("""
            Problems
              journal/phq9.md:5:1: warning: this PHQ-9 is not scored yet: question 2 has no answer yet; give each question an answer from 0 to 3
                  items: [1, null, 1, 2, 1, 0, 1, 0, 2]
                  ^
            """), "\(text.stdout)")
    }
}
