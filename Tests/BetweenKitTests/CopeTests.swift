import Foundation
import Testing
@testable import BetweenCore
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
        let vault = try TemporaryVault.copyOfExample()
        defer { vault.remove() }
        let result = try CLI.run(["cope", "--vault", vault.root])
        #expect(result.status == 0)
        try GoldenFile.check(result.stdout, against: "cope-example.txt")
        let narrowed = try CLI.run(["cope", "--homework", "activity-scheduling", "--format", "md", "--vault", vault.root])
        #expect(narrowed.stdout.contains("**Activity scheduling (behavioural activation)** — 4 times"))
        #expect(!narrowed.stdout.contains("4-7-8 breathing** —"))
        // The breathing check-in of 20 November was flagged triggered: never suggested, even alone.
        let breathing = try CLI.run(["cope", "--homework", "breathing-478", "--vault", vault.root])
        #expect(!breathing.stdout.contains("4-7-8 breathing —"))
        #expect(breathing.stdout.contains("are not suggested here"))
    }

    /// In a hard moment, nothing that went badly is suggested: a practice flagged triggered,
    /// overwhelmed or unsafe even once, rated helpful 3 or less on average, or fit at or
    /// under the vault's threshold.
    @Test func practicesThatWentBadlyAreNeverSuggested() {
        var entries = [
            entry("j/t1.md", "type: exposure\ndate: 2026-11-01\nhomework: lift\nsuds-before: 60\nsuds-peak: 85\nsuds-after: 70\nhelpful: 3\nflags: [triggered]"),
            entry("j/t2.md", "type: exposure\ndate: 2026-11-03\nhomework: lift\nsuds-before: 80\nsuds-after: 10\nhelpful: 9"),
            entry("j/u.md", "type: reflection\ndate: 2026-11-02\nhomework: journal\nhelpful: 9\nflags: [unsafe]"),
            entry("j/h1.md", "type: activity\ndate: 2026-11-02\nactivity: Yoga video\nhelpful: 2"),
            entry("j/h2.md", "type: activity\ndate: 2026-11-04\nactivity: Yoga video\nhelpful: 4"),
            entry("j/f.md", "type: mood\ndate: 2026-11-02\nhomework: pages\nhelpful: 7\nfit: 2"),
            entry("j/f2.md", "type: mood\ndate: 2026-11-03\nhomework: pages\nfit: 4"),
        ]
        entries.append(entry("j/ok.md", "type: activity\ndate: 2026-11-05\nactivity: Swim\nhelpful: 6", body: "## What helped\nThe cold water, and no phone.\n"))
        let card = CopeCard.build(entries: entries, config: VaultConfig())
        #expect(card.helped.map(\.name) == ["Swim"])
        #expect(card.leftOut == 4)
        #expect(card.helped.first?.line == "The cold water, and no phone.")
        var lenient = VaultConfig()
        lenient.thresholds.helpful = 1
        lenient.thresholds.fit = 1
        #expect(CopeCard.build(entries: entries, config: lenient).helped.map(\.name) == ["pages", "Swim", "Yoga video"],
                "the thresholds are the vault's; flags always count")
        // `--tag` narrows what counts as help, never what counts against.
        #expect(HelpedBefore.rank(entries, assignments: [], tag: "nothing").isEmpty)
        #expect(!HelpedBefore.rank([entries[1]], assignments: [], homework: "lift").isEmpty)
        #expect(HelpedBefore.rank(entries, assignments: [], homework: "lift").isEmpty)
    }

    /// The line shown is what the person wrote about what helped, never their account of
    /// a bad moment: a what-helped section first, else a very helpful entry's own words.
    @Test func theLineShownIsAboutWhatHelped() {
        let entries = [
            entry("j/a.md", "type: thought-record\ndate: 2026-11-01\nhomework: tr\nhelpful: 6\nemotions: {sad: 80}\nemotions-after: {sad: 40}",
                  body: "## Automatic thoughts\nI'm useless at everything.\n\n## Balanced thought\nI had one bad meeting, not a bad life.\n"),
            entry("j/b.md", "type: thought-record\ndate: 2026-11-04\nhomework: tr\nhelpful: 9\nemotions: {sad: 90}\nemotions-after: {sad: 20}",
                  body: "## Automatic thoughts\nThey all think I'm a fraud.\n"),
            entry("j/c.md", "type: mood\ndate: 2026-11-02\nhomework: walk\nhelpful: 6", body: "Rain all day.\n"),
        ]
        let ranked = HelpedBefore.rank(entries, assignments: [])
        #expect(ranked.first { $0.key == "homework:tr" }?.line == "I had one bad meeting, not a bad life.")
        #expect(ranked.first { $0.key == "homework:walk" }?.line == nil, "a line about the weather is not about what helped")
    }

    @Test func templateTextIsNeverAPlanStep() throws {
        var config = VaultConfig()
        config.crisisLine = "Samaritans: 116 123"
        let text = try EntryTemplate.render(try EntryKind.named("safety-plan"),
                                            values: .init(date: try DateParser.parse("2026-10-20"), crisisLine: config.crisisLine),
                                            store: TemplateStore())
            .replacingOccurrences(of: "## People I can ask for help\n", with: "## People I can ask for help\n\n- Jo, text first\n")
        let written = EntryParser.parse(path: "safety-plan.md", text: text)
        let card = CopeCard.build(entries: [written], config: config)
        #expect(card.plan?.steps.map(\.part) == [.peopleToAsk])
        #expect(card.plan?.steps.first?.items == ["Jo, text first"])
        let rendered = CopeRenderer.render(card, format: .text)
        #expect(rendered.components(separatedBy: "116 123").count == 2, "the crisis line once, at the end: \(rendered)")
        #expect(rendered.components(separatedBy: "If you are in danger now").count == 2)
    }

    /// The digest's "What helped" and cope's "What has helped you before" are one rule.
    @Test func theDigestAndCopeRankWhatHelpedTheSameWay() {
        var entries: [Entry] = []
        for day in 10...20 {
            entries.append(entry("j/w\(day).md", "type: activity\ndate: 2026-11-\(day)\nactivity: Walk\nhelpful: \(5 + day % 3)"))
            if day % 2 == 0 {
                entries.append(entry("j/b\(day).md", "type: exposure\ndate: 2026-11-\(day)\nhomework: bus\nsuds-before: 70\nsuds-after: \(day)"))
            }
        }
        entries.append(entry("j/x.md", "type: mood\ndate: 2026-11-12\nhomework: pages\nhelpful: 9\nflags: [overwhelmed]"))
        let period = DigestPeriod(start: EntryDate(year: 2026, month: 11, day: 10), end: EntryDate(year: 2026, month: 11, day: 20), basis: "")
        let digest = DigestBuilder.build(DigestInput(period: period, entries: entries, assignments: []))
        let cope = CopeCard.build(entries: entries, config: VaultConfig())
        #expect(digest.helped.map(\.key) == cope.helped.map(\.key))
        #expect(digest.helped.map(\.key) == ["activity:walk", "homework:bus"])
    }

    @Test func functioningIsARatingThatTrendsAndIsRaised() throws {
        let bad = entry("j/a.md", "type: mood\ndate: 2026-11-01\nfunctioning: 11")
        #expect(bad.diagnostics.first?.message.contains("functioning should be a number from 0 to 10") == true)
        let vault = try TemporaryVault.copyOfExample()
        defer { vault.remove() }
        let trend = try CLI.run(["trend", "functioning", "--vault", vault.root])
        #expect(trend.status == 0)
        #expect(trend.stdout.contains("functioning 0–10: "))
    }
}
