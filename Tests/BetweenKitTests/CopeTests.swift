import Foundation
import Testing
@testable import BetweenKit

/// `between cope`: the safety plan first, then what has helped, calmly; and its edge cases.
@Suite struct CopeTests {
    private func entry(_ path: String, _ frontMatter: String, body: String = "") -> Entry {
        EntryParser.parse(path: path, text: "---\n\(frontMatter)\n---\n\(body)")
    }

    private static let plan = """
        ## Warning signs
        - Not sleeping
        ## Things I can do on my own
        - Cold water on my face
        ## People I can ask for help
        - Jo, text first
        ## Professionals and services
        - Clinic: 01632 960 000
        """

    @Test func thePlanComesFirstThenWhatHelpedThenTheCrisisLine() {
        var config = VaultConfig()
        config.crisisLine = "Samaritans: 116 123"
        let card = CopeCard.build(entries: [
            entry("safety-plan.md", "type: safety-plan\ndate: 2026-10-20", body: Self.plan),
            entry("j/a.md", "type: mood\ndate: 2026-11-01\nhomework: breathing\nhelpful: 8", body: "Shoulders dropped.\n"),
        ], config: config)
        let text = CopeRenderer.render(card, format: .text)
        let plan = text.range(of: "Things I can do on my own")!, helped = text.range(of: "WHAT HAS HELPED YOU BEFORE")!
        #expect(plan.lowerBound < helped.lowerBound)
        #expect(text.contains("Crisis line: Samaritans: 116 123"))
        #expect(!text.contains("Not sleeping"), "warning signs are for noticing earlier, not for this moment")
        #expect(text.contains("  • breathing — once, most recently on 2026-11-01\n      “Shoulders dropped.”"))
        #expect(!text.contains("8/10") && !text.contains("score"), "no scores")
    }

    @Test func noSafetyPlanIsSaidKindlyAndTheRestStillShows() {
        var config = VaultConfig()
        config.crisisLine = "116 123"
        let card = CopeCard.build(entries: [entry("j/a.md", "type: activity\ndate: 2026-11-01\nactivity: Swim\nhelpful: 9")], config: config)
        let text = CopeRenderer.render(card, format: .text)
        #expect(text.contains("You don't have a safety plan in your notes yet"))
        #expect(text.contains("between new safety-plan"))
        #expect(text.contains("Swim — once"))
        #expect(text.contains("Crisis line: 116 123"))
    }

    @Test func noRatingsAnywhereIsSaidAndThePlanStillShows() {
        let card = CopeCard.build(entries: [entry("safety-plan.md", "type: safety-plan", body: Self.plan),
                                            entry("j/a.md", "type: mood\ndate: 2026-11-01\nmood: 4")], config: VaultConfig())
        #expect(card.noRatingsYet)
        let text = CopeRenderer.render(card, format: .text)
        #expect(text.contains("Your notes don't say yet what helped"))
        #expect(text.contains("Cold water on my face"))
    }

    @Test func oneDramaticEntryDoesNotOutrankSteadyHelp() {
        var entries = [entry("j/once.md", "type: exposure\ndate: 2026-11-01\nhomework: lift\nsuds-before: 95\nsuds-after: 5")]
        for day in 1...20 {
            entries.append(entry("j/w\(day).md", "type: activity\ndate: 2026-10-\(String(format: "%02d", day))\nactivity: Walk by the canal\nhelpful: 6"))
        }
        let ranked = HelpedBefore.rank(entries, assignments: [])
        #expect(ranked.map(\.name) == ["Walk by the canal", "lift"])
        #expect(ranked[0].times == 20 && ranked[1].times == 1)
    }

    @Test func tiesKeepAStableDocumentedOrder() {
        let entries = [
            entry("j/b.md", "type: activity\ndate: 2026-11-02\nactivity: Bake\nhelpful: 7"),
            entry("j/a.md", "type: activity\ndate: 2026-11-02\nactivity: Art\nhelpful: 7"),
            entry("j/c.md", "type: activity\ndate: 2026-11-05\nactivity: Call Jo\nhelpful: 7"),
        ]
        // Same score and count: the more recent first, then by name.
        #expect(HelpedBefore.rank(entries, assignments: []).map(\.name) == ["Call Jo", "Art", "Bake"])
        #expect(HelpedBefore.rank(entries.reversed(), assignments: []).map(\.name) == ["Call Jo", "Art", "Bake"])
    }

    @Test func partialBeforeAndAfterFieldsUseWhatIsThere() {
        #expect(HelpedBefore.benefit(entry("a.md", "type: exposure\nsuds-before: 70")) == nil)
        #expect(HelpedBefore.benefit(entry("a.md", "type: exposure\nsuds-peak: 80\nsuds-after: 30")) == 50)
        #expect(HelpedBefore.benefit(entry("a.md", "type: exposure\nsuds-before: 70\nsuds-after: 30\nhelpful: 6")) == 50)
        #expect(HelpedBefore.benefit(entry("a.md", "type: thought-record\nemotions: {sad: 80, angry: 40}\nemotions-after: {sad: 50}")) == 30)
    }

    @Test func aPlanWithAMissingPartShowsTheRestAndAnEmptyPlanIsWarnedAbout() {
        let partial = SafetyPlan(entry("p.md", "type: safety-plan", body: "## People I can ask for help\n- Jo\n## What matters to me\n- Ellie\n"))
        #expect(partial.steps.map(\.part) == [.peopleToAsk, .whatMatters])
        let empty = entry("p.md", "type: safety-plan", body: "## Warning signs\n\n## Things I can do on my own\n")
        #expect(empty.diagnostics.map(\.severity) == [.warning])
        #expect(empty.diagnostics[0].message.contains("none of its parts filled in"))
        #expect(entry("p.md", "type: safety-plan", body: Self.plan).diagnostics.isEmpty)
    }

    @Test func theNewestOfTwoPlansCounts() {
        let old = entry("plans/2025.md", "type: safety-plan\ndate: 2025-06-01", body: "## People I can ask for help\n- Old flatmate\n")
        let new = entry("safety-plan.md", "type: safety-plan\ndate: 2026-10-20", body: "## People I can ask for help\n- Jo\n")
        #expect(CopeCard.build(entries: [new, old], config: VaultConfig()).plan?.path == "safety-plan.md")
        #expect(CopeCard.build(entries: [old, new], config: VaultConfig()).plan?.steps.first?.items == ["Jo"])
    }

    @Test func aCrisisLineIsEscapedForMarkdown() {
        var config = VaultConfig()
        config.crisisLine = "<b>Call</b> *now* [here](javascript:alert(1)) & \"ask\""
        let md = CopeRenderer.render(CopeCard.build(entries: [], config: config), format: .md)
        #expect(!md.contains("<b>"))
        #expect(!md.contains("*now*"))
        #expect(!md.contains("[here](javascript:"), "the link is escaped into text")
        let json = CopeRenderer.render(CopeCard.build(entries: [], config: config), format: .json)
        let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect(object?["crisis_line"] as? String == config.crisisLine)
    }

    @Test func theExampleVaultCopeCardIsPinned() throws {
        let result = try CLI.run(["cope", "--vault", CLITests.exampleVault])
        #expect(result.status == 0)
        try GoldenFile.check(result.stdout, against: "cope-example.txt")
        let narrowed = try CLI.run(["cope", "--homework", "bus-exposure", "--format", "md", "--vault", CLITests.exampleVault])
        #expect(narrowed.stdout.contains("**Bus exposure ladder** — 7 times"))
        #expect(!narrowed.stdout.contains("4-7-8 breathing** —"))
    }

    @Test func functioningIsARatingThatTrendsAndIsRaised() throws {
        let bad = entry("j/a.md", "type: mood\ndate: 2026-11-01\nfunctioning: 11")
        #expect(bad.diagnostics.first?.message.contains("functioning should be a number from 0 to 10") == true)
        let trend = try CLI.run(["trend", "functioning", "--vault", CLITests.exampleVault])
        #expect(trend.status == 0)
        #expect(trend.stdout.contains("functioning 0–10: "))
    }
}
