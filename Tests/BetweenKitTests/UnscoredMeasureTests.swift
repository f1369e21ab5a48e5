import Foundation
import Testing
@testable import BetweenCore
@testable import BetweenKit

/// A questionnaire that can't be scored (an answer left blank, or typed after the `#` of
/// the template's line, so a comment) was still filled in: the digest lists it under
/// Measures, never says "No questionnaires", and never takes it for "the last one".
@Suite struct UnscoredMeasureTests {
    static let today = ["BETWEEN_TODAY": "2026-11-26"]
    static let session = "---\ntype: session\ndate: 2026-11-17 10:00\n---\n# Session\n"
    /// A PHQ-9 as `between new phq9` writes it, question 9 answered "0" after its `#`:
    /// `check` warns, and it can't be scored.
    static let commentedPHQ9 = CommentedRiskTests.phq9(nine: " 0")
    static let keptPHQ9 = """
        ---
        type: measure
        instrument: phq9
        date: 2026-11-22 22:40
        items:
          - 2
          - 2
          -
          - 2
          - 1
          - 2
          -
          - 1
          - 0
        private: true
        ---
        Not ready to talk about this one. Skipped the sleep one and the concentrating one, couldn't face them.

        """

    private func digest(_ vault: TemporaryVault, _ format: String, _ extra: [String] = []) throws -> String {
        let result = try CLI.run(["digest", "--format", format, "--vault", vault.root] + extra, environment: Self.today)
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    private func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    // MARK: - The digest, in every format

    @Test func anUnscoredQuestionnaireIsListedNotCalledMissingInEveryFormat() throws {
        let vault = try TemporaryVault(["sessions/2026-11-17.md": Self.session,
                                        "journal/2026/11/2026-11-20-2110-phq9.md": Self.commentedPHQ9])
        defer { vault.remove() }
        let line = "- PHQ-9: 1 of 9 answers missing (Fri 20 Nov, journal/2026/11/2026-11-20-2110-phq9.md)"
        let md = try digest(vault, "md")
        #expect(!md.contains("No questionnaires"), "\(md)")
        #expect(md.contains("## Measures\n\nNot scored (`between check` shows which line to fix):\n\n\(line)\n\n## Questions"), "\(md)")
        #expect(md.contains("PHQ-9 not scored (1 of 9 answers missing)."), "In short says so too: \(md)")

        let html = try digest(vault, "html")
        #expect(!html.contains("No questionnaires"))
        #expect(html.contains("<li>PHQ-9: 1 of 9 answers missing <span class=\"when\">Fri 20 Nov</span> "
                              + "<span class=\"file\">journal/2026/11/2026-11-20-2110-phq9.md</span></li>"), "\(html)")
        #expect(html.contains("<code>between check</code> shows which line to fix"))
        #expect(HTMLSafetyTests.parse(html).1 == nil, "the page stays well-formed XHTML")

        let object = try json(try digest(vault, "json"))
        #expect((object["measures"] as? [Any])?.isEmpty == true)
        let unscored = try #require(object["unscored_measures"] as? [[String: Any]])
        #expect(unscored.count == 1)
        #expect(unscored.first?["path"] as? String == "journal/2026/11/2026-11-20-2110-phq9.md")
        #expect(unscored.first?["instrument"] as? String == "phq9" && unscored.first?["name"] as? String == "PHQ-9")
        #expect(unscored.first?["day"] as? String == "2026-11-20" && unscored.first?["day_text"] as? String == "Fri 20 Nov")
        #expect(unscored.first?["missing"] as? Int == 1 && unscored.first?["reason"] as? String == "1 of 9 answers missing")
    }

    @Test func withNoQuestionnaireAtAllTheDigestStillSaysSo() throws {
        let vault = try TemporaryVault(["sessions/2026-11-17.md": Self.session,
                                        "journal/a.md": "---\ntype: mood\ndate: 2026-11-20\nmood: 5\n---\nOrdinary day.\n"])
        defer { vault.remove() }
        #expect(try digest(vault, "md").contains("## Measures\n\nNo questionnaires (PHQ-9, GAD-7) in this period.\n"))
        #expect(try digest(vault, "html").contains("<p class=\"note\">No questionnaires (PHQ-9, GAD-7) in this period.</p>"))
        #expect((try json(try digest(vault, "json"))["unscored_measures"] as? [Any])?.isEmpty == true)
    }

    @Test func aPrivateUnscoredQuestionnaireStaysOutOfASharedDigest() throws {
        let vault = try TemporaryVault([
            "sessions/2026-11-17.md": Self.session,
            "journal/2026/11/2026-11-20-2110-phq9.md": Self.commentedPHQ9,
            "journal/2026/11/2026-11-21-gad7.md": "---\ntype: measure\ninstrument: gad7\ndate: 2026-11-21\nitems: [1, 1, 0, 1, 1, 0, 1]\n---\n",
            "journal/2026/11/2026-11-22-2240-phq9-kept.md": Self.keptPHQ9,
        ])
        defer { vault.remove() }
        let md = try digest(vault, "md")
        #expect(md.contains("| GAD-7 | Sat 21 Nov | 5 / 21 | mild | first |\n\nNot scored (`between check` shows which line to fix):\n\n"
                            + "- PHQ-9: 1 of 9 answers missing (Fri 20 Nov, journal/2026/11/2026-11-20-2110-phq9.md)\n\n"), "\(md)")
        let html = try digest(vault, "html")
        let object = try json(try digest(vault, "json"))
        for (format, text) in [("md", md), ("html", html)] {
            #expect(!text.contains("phq9-kept") && !text.contains("Sun 22 Nov</span> <span class=\"file\">"), "\(format) leaks the private one")
            #expect(text.contains("1 private entry was left out."), "\(format)")
            #expect(text.contains("PHQ-9 not scored (1 of 9 answers missing); GAD-7 5/21 (mild)"), "In short: \(format)")
            #expect(!text.contains("2 of 9"), "\(format)")
        }
        #expect((object["unscored_measures"] as? [[String: Any]])?.map { $0["path"] as? String } == ["journal/2026/11/2026-11-20-2110-phq9.md"])
        #expect(object["private_left_out"] as? Int == 1)

        let owner = try json(try digest(vault, "json", ["--include-private"]))
        let both = try #require(owner["unscored_measures"] as? [[String: Any]])
        #expect(both.map { $0["path"] as? String } == ["journal/2026/11/2026-11-20-2110-phq9.md", "journal/2026/11/2026-11-22-2240-phq9-kept.md"])
        #expect(both.last?["missing"] as? Int == 2)
        let ownerMD = try digest(vault, "md", ["--include-private"])
        #expect(ownerMD.contains("- PHQ-9: 2 of 9 answers missing (Sun 22 Nov, journal/2026/11/2026-11-22-2240-phq9-kept.md)"))
        #expect(ownerMD.contains("PHQ-9 not scored (2 of 9 answers missing)"), "In short names the latest: \(ownerMD)")
    }

    /// The change of a scored questionnaire is counted from the previous *scored* one: an
    /// unscored one before the period, or between two in it, is not "the last one".
    @Test func anUnscoredQuestionnaireIsNeverTheLastOne() throws {
        let phq9 = { (date: String, items: String) in "---\ntype: measure\ninstrument: phq9\ndate: \(date)\nitems: [\(items)]\n---\n" }
        let vault = try TemporaryVault([
            "sessions/2026-11-17.md": Self.session,
            "journal/2026-11-01-phq9.md": phq9("2026-11-01", "1, 1, 1, 1, 1, 1, 1, 1, 0"),      // 8
            "journal/2026-11-10-phq9.md": phq9("2026-11-10", "3, 3, 3, null, 3, 3, 3, 3, 0"),       // not scored
            "journal/2026-11-19-phq9.md": phq9("2026-11-19", "0, 0, 0, 0, 0, 0, 0, null, 0"),       // not scored
            "journal/2026-11-24-phq9.md": phq9("2026-11-24", "2, 2, 2, 2, 1, 1, 2, 2, 0"),      // 14
        ])
        defer { vault.remove() }
        let object = try json(try digest(vault, "json"))
        let measures = try #require(object["measures"] as? [[String: Any]])
        #expect(measures.count == 1)
        #expect(measures.first?["change"] as? Int == 6 && measures.first?["change_text"] as? String == "+6")
        #expect((object["unscored_measures"] as? [[String: Any]])?.map { $0["day"] as? String } == ["2026-11-19"])
        #expect((object["in_short"] as? [String])?.contains { $0.contains("PHQ-9 14/27 (moderate), up 6") && !$0.contains("later one") } == true,
                "\(object["in_short"] ?? "")")
        #expect((object["raise"] as? [[String: Any]])?.contains { $0["kind"] as? String == "measure-rose" } == true)

        // A questionnaire after the latest score that couldn't be scored: "In short" says so.
        try vault.write("journal/2026-11-25-phq9.md", phq9("2026-11-25", "2, 2, 2, 2, 2, 2, 2, 2"))
        let later = try json(try digest(vault, "json"))
        #expect((later["in_short"] as? [String])?.contains { $0.contains("PHQ-9 14/27 (moderate), up 6, a later one not scored") } == true,
                "\(later["in_short"] ?? "")")
    }

    // MARK: - Why one isn't scored, for each kind of bad input

    private static let period = DigestPeriod(start: EntryDate(year: 2026, month: 11, day: 17), end: EntryDate(year: 2026, month: 11, day: 26),
                                             basis: "since the session on 2026-11-17")

    private func unscored(_ frontMatter: String) -> [UnscoredMeasure] {
        let entry = EntryParser.parse(path: "j/m.md", text: "---\ntype: measure\ndate: 2026-11-20\n\(frontMatter)\n---\nFilled in on the bus.\n")
        return DigestBuilder.build(DigestInput(period: Self.period, entries: [entry], assignments: [])).unscoredMeasures
    }

    @Test(arguments: [
        ("instrument: gad7\nitems: [null, null, null, null, null, null, null]", 7, "all 7 answers missing"),
        ("instrument: gad7\nitems: []", 7, "all 7 answers missing"),
        ("instrument: phq9", 9, "all 9 answers missing"),
        ("instrument: phq9\nitems:", 9, "all 9 answers missing"),
        ("instrument: gad7\nitems: [1, 2, 1]", 4, "4 of 7 answers missing"),
        ("instrument: gad7\nitems: [1, 2, null, 7, 0, x, 2]", 1, "1 of 7 answers missing, 2 not 0–3"),
        ("instrument: gad7\nitems: [1, 2, 1, 1.5, 0, 1, 2]", 0, "1 answer not 0–3"),
    ] as [(String, Int, String)])
    func answersMissingOrWrongAreCounted(frontMatter: String, missing: Int, reason: String) throws {
        let found = unscored(frontMatter)
        #expect(found.count == 1, "\(frontMatter)")
        #expect(found.first?.missing == missing, "\(frontMatter)")
        #expect(found.first?.reason == reason, "\(frontMatter)")
        #expect(found.first?.name == (frontMatter.contains("gad7") ? "GAD-7" : "PHQ-9"))
    }

    @Test(arguments: [
        ("instrument: phq9\nitems: \"1, 2, 1, 1, 0, 1, 2, 1, 0\"", "PHQ-9", "its answers are not a list"),
        ("instrument: phq9\nitems: {first: 1, second: 2}", "PHQ-9", "its answers are not a list"),
        ("instrument: gad7\nitems: [1, 2, 1, 1, 0, 1, 2, 3, 3]", "GAD-7", "9 answers for its 7 questions"),
        ("instrument: bdi\nitems: [1, 2, 1, 1, 0, 1, 2]", "Questionnaire", "its instrument isn't phq9 or gad7"),
        ("items: [1, 2, 1, 1, 0, 1, 2]", "Questionnaire", "its instrument isn't phq9 or gad7"),
    ] as [(String, String, String)])
    func answersThatCantBeCountedSaySoWithoutACount(frontMatter: String, name: String, reason: String) {
        let found = unscored(frontMatter)
        #expect(found.map(\.name) == [name], "\(frontMatter)")
        #expect(found.first?.missing == nil && found.first?.reason == reason, "\(frontMatter)")
    }

    @Test func hugeListsAreDescribedNotEchoed() {
        let found = unscored("instrument: phq9\nitems: [\(Array(repeating: "1", count: 5000).joined(separator: ", "))]")
        #expect(found.first?.reason == "5000 answers for its 9 questions")
    }

    @Test func scoredQuestionnairesAndOtherEntriesAreNotListed() {
        #expect(unscored("instrument: phq9\nitems: [1, 1, 2, 1, 1, 1, 1, 1, 0]").isEmpty)
        #expect(unscored("instrument: gad7\nitems: [\"1\", 1, 2, 1, 1, 1, 1]").isEmpty, "an answer in quotes still counts")
        let mood = EntryParser.parse(path: "j/a.md", text: "---\ntype: mood\ndate: 2026-11-20\nitems: [1]\n---\n")
        #expect(DigestBuilder.build(DigestInput(period: Self.period, entries: [mood], assignments: [])).unscoredMeasures.isEmpty)
    }
}
