import Foundation
import Testing
@testable import BetweenCore
@testable import BetweenKit

/// The two-minute digest: patterns instead of repeats, trends that one odd day can't
/// make, every risk sign first, human titles, questions apart from tasks, "In short",
/// and the private-risk notice.
@Suite struct DigestCardTests {
    private static let period = DigestPeriod(start: EntryDate(year: 2026, month: 11, day: 9), end: EntryDate(year: 2026, month: 11, day: 22),
                                             basis: "from 2026-11-09 to 2026-11-22")

    private func entry(_ path: String, _ frontMatter: String, body: String = "") -> Entry {
        EntryParser.parse(path: path, text: "---\n\(frontMatter)\n---\n\(body)")
    }

    private func digest(_ entries: [Entry], assignments: [Entry] = [], config: VaultConfig = VaultConfig(),
                        includePrivate: Bool = false, nextSession: EntryDate? = nil) -> Digest {
        DigestBuilder.build(DigestInput(period: Self.period, entries: entries, assignments: assignments, nextSession: nextSession,
                                        config: config, includePrivate: includePrivate))
    }

    /// Daily mood check-ins from the 9th, one per value, with whatever else is given.
    private func days(_ field: String, _ values: [Double?], extra: String = "") -> [Entry] {
        values.enumerated().compactMap { index, value in
            guard let value else { return nil }
            let day = String(format: "%02d", 9 + index)
            return entry("j/\(field)-\(day).md", "type: mood\ndate: 2026-11-\(day) 21:00\n\(field): \(NumberText.short(value))\(extra)",
                         body: "Day \(day). Tired but got through it.\n")
        }
    }

    // MARK: - Patterns

    @Test func aReasonInThreeEntriesIsOnePatternCardWithCountSpanAndWorst() throws {
        let low = [(18, 3), (19, 2), (21, 3), (22, 3)].map { day, value in
            entry("j/f\(day).md", "type: mood\ndate: 2026-11-\(day) 20:00\nfunctioning: \(value)", body: "Couldn't get going today.\n")
        }
        let flagged = entry("j/t.md", "type: mood\ndate: 2026-11-20 18:40\nfunctioning: 2\nflags: [triggered]",
                            body: "## What happened\nThe supermarket again.\n")
        let result = digest(low + [flagged])
        #expect(result.raise.count == 2)
        let own = result.raise[0], pattern = result.raise[1]
        #expect(own.reasons.map(\.kind) == [.triggered], "the pattern's reason is said once, on the pattern")
        #expect(pattern.shape == .pattern && pattern.kind == .lowFunctioning)
        #expect(pattern.title == "Functioning at or under 3 on 5 of 14 days")
        #expect(pattern.summary == "5 entries, 18–22 Nov; lowest 2 on Thu 19 Nov (Mood check-in · 20:00)")
        #expect(pattern.files == ["j/f18.md", "j/f19.md", "j/f21.md", "j/f22.md"])
        #expect(pattern.details == ["1 of these entries is on the cards above."])
        #expect(pattern.quote == "Couldn't get going today.")
        #expect(FileList.compact(pattern.files) == "j/: f18.md, f19.md, f21.md, f22.md")
        // Two entries are not a pattern: each keeps its own card.
        #expect(digest(Array(low.prefix(2))).raise.map(\.shape) == [.entry, .entry])
    }

    @Test func noEntryIsOnTwoCardsAndRiskIsNeverFolded() {
        var entries: [Entry] = []
        for day in 10...15 {
            entries.append(entry("j/a\(day).md", "type: mood\ndate: 2026-11-\(day)\ndistress: \(70 + day)\nfunctioning: 2\nflags: [triggered, unsafe]"))
        }
        entries.append(entry("j/x.md", "type: reflection\ndate: 2026-11-16\nfit: 1\nflags: [skipped]"))
        let result = digest(entries)
        let files = result.raise.flatMap(\.files)
        #expect(files.count == Set(files).count, "an entry on two cards: \(files)")
        #expect(Set(files) == Set(entries.map(\.path)), "every raised entry is on a card")
        #expect(result.raise.prefix(6).allSatisfy { $0.isRisk && $0.shape == .entry }, "each unsafe entry is a card of its own, first")
        #expect(result.raise.dropFirst(6).allSatisfy { !$0.isRisk })
        #expect(result.raise.filter { $0.shape == .pattern }.map(\.kind) == [.triggered, .highDistress, .lowFunctioning])
    }

    // MARK: - Trends

    @Test func risingDistressFallingMoodAndFallingFunctioningAreTrends() {
        let distress = days("distress", [48, 52, 50, 55, 62, 60, 66, 65, 68, 67])
        let rising = digest(distress)
        #expect(rising.raise.map(\.kind) == [.risingDistress], "\(rising.raise.map(\.title))")
        let card = rising.raise[0]
        #expect(card.shape == .trend && card.title == "Distress rising" && card.files.isEmpty)
        #expect(card.summary.hasPrefix("Typically 52 on 9–13 Nov, 66 on 14–18 Nov"))
        #expect(rising.directions.distress?.days == 10)
        #expect(digest(days("mood", [6, 6, 5, 6, 5, 4, 3, 3, 4, 3])).raise.map(\.kind) == [.fallingMood])
        #expect(digest(days("functioning", [7, 6, 7, 6, 5, 4, 4, 5, 4])).raise.map(\.kind) == [.fallingFunctioning])
        #expect(digest(days("mood", [3, 3, 4, 3, 5, 6, 6, 5, 6])).raise.isEmpty, "mood lifting is no trend to raise")
    }

    /// One bad day in a steady fortnight, at the start, in the middle or at the end, is not a trend.
    @Test func oneOddDayIsNotATrend() {
        let steady: [Double] = [40, 42, 38, 41, 39, 40, 42, 39, 41, 40]
        for odd in steady.indices {
            var values = steady.map(Optional.some)
            values[odd] = 95
            let result = digest(days("distress", values))
            #expect(!result.raise.contains { $0.kind == .risingDistress }, "a 95 on day \(odd + 1)")
            var moods: [Double?] = [6, 6, 7, 6, 6, 7, 6, 6, 7, 6]
            moods[odd] = 1
            #expect(!digest(days("mood", moods)).raise.contains { $0.kind == .fallingMood }, "a 1 on day \(odd + 1)")
        }
    }

    @Test func aTrendNeedsSixDaysWithRatingsAndAVaultThreshold() {
        // Five days, however steep: too few to say.
        #expect(digest(days("distress", [20, 35, 50, 60, 69])).raise.isEmpty)
        #expect(digest(days("distress", [20, 35, 50, 60, 69])).directions.distress == nil)
        // Several ratings a day count as one day.
        let crowded = (0..<8).map { index in
            entry("j/c\(index).md", "type: mood\ndate: 2026-11-12 \(10 + index):00\ndistress: \(20 + index * 6)")
        }
        #expect(digest(crowded).directions.distress == nil)
        var config = VaultConfig()
        config.thresholds.distressRise = 20
        #expect(digest(days("distress", [48, 52, 50, 55, 62, 60, 66, 65, 69, 68]), config: config).raise.isEmpty)
        config.thresholds.distressRise = 10
        #expect(digest(days("distress", [48, 52, 50, 55, 62, 60, 66, 65, 69, 68]), config: config).raise.map(\.kind) == [.risingDistress])
        #expect(TrendRule.compare([(1, 10), (2, 12), (3, 11), (4, 30), (5, 31), (6, 29)])?.change == 19)
        #expect(TrendRule.compare([(1, 10), (2, 12), (3, 11), (4, 30), (5, 31)]) == nil)
        #expect(TrendRule.compare([(1, .nan), (2, 1), (3, 1), (4, 1), (5, 1), (6, 1)]) == nil, "a non-number is no rating")
    }

    @Test func exposuresDoNotMakeDistressRise() {
        let ladder = (0..<8).map { index in
            entry("j/e\(index).md", "type: exposure\ndate: 2026-11-\(10 + index)\nsuds-peak: \(50 + index * 5)\nsuds-after: 30\ndistress: \(50 + index * 6)")
        }
        let result = digest(ladder)
        #expect(result.directions.distress == nil)
        #expect(!result.moodAndDistress.points.contains { $0.distress != nil })
    }

    // MARK: - Risk

    @Test func suicideOrSelfHarmUrgesAboveZeroAreRiskCardsFirst() {
        let card = entry("j/d.md", "type: diary-card\ndate: 2026-11-20 21:30\nurges: {suicide: 1, avoid: 5, Self Harm: 0}\nflags: [triggered]",
                         body: "## Today\nBad day after the phone call with Mum.\n")
        let other = entry("j/o.md", "type: mood\ndate: 2026-11-12\nflags: [overwhelmed]\ndistress: 90")
        let result = digest([other, card])
        #expect(result.raise.first?.files == ["j/d.md"])
        #expect(result.raise.first?.isRisk == true)
        #expect(result.raise.first?.reasons.map(\.kind) == [.riskUrge, .triggered, .strongUrge])
        #expect(result.raise.first?.summary == "urge “suicide” 1/5 · triggered · strong urges: avoid 5/5")
        #expect(result.inShort.first == "Sign of risk: urge “suicide” 1/5 on Fri 20 Nov. Please tell your therapist.")
        // Every default name, however written, and acting on one even when rated 0.
        for name in ["suicidal", "SI", "urge to die", "self_harm", "Self-Injury", "sh", "kill myself"] {
            let urge = entry("j/u.md", "type: diary-card\ndate: 2026-11-20\nurges: {'\(name)': 2}")
            #expect(digest([urge]).raise.first?.kind == .riskUrge, "\(name)")
        }
        let acted = digest([entry("j/a.md", "type: diary-card\ndate: 2026-11-20\nurges: {self-harm: 0}\nacted-on: [self-harm]")])
        #expect(acted.raise.map(\.summary) == ["acted on the urge “self-harm” (0/5)"])
        #expect(digest([entry("j/z.md", "type: diary-card\ndate: 2026-11-20\nurges: {self-harm: 0, suicide: 0}")]).raise.isEmpty)
    }

    @Test func theRiskUrgeNamesComeFromTheVault() {
        let (config, problems) = VaultConfig.parse("risk-urges: [cutting, overdose]\n")
        #expect(problems.isEmpty)
        // The vault's names add to the default ones; they never take `suicide` away.
        let overdose = entry("j/c.md", "type: diary-card\ndate: 2026-11-20\nurges: {overdose: 1, suicide: 4, shopping: 5}")
        #expect(digest([overdose], config: config).raise.map { $0.reasons.map(\.kind) } == [[.riskUrge, .riskUrge, .strongUrge]])
        #expect(digest([overdose]).raise.map { $0.reasons.map(\.kind) } == [[.riskUrge, .strongUrge]], "overdose 1 is neither a default risk urge nor strong")
        #expect(VaultConfig().riskUrges.contains("suicide"))
        let (_, bad) = VaultConfig.parse("risk-urges: {a: 1}\n")
        #expect(bad.first?.message.contains("risk-urges has the wrong kind of value") == true)
    }

    // MARK: - Titles, questions, tasks

    @Test func untitledEntriesGetHumanTitlesNeverAFileName() {
        let titles = ["bus": "Bus exposure ladder"]
        let cases: [(String, String)] = [
            ("type: mood\ndate: 2026-11-20 18:40", "Mood check-in · 18:40"),
            ("type: mood\ndate: 2026-11-20", "Mood check-in"),
            ("type: exposure\ndate: 2026-11-20 09:15\nhomework: bus", "Exposure · Bus exposure ladder"),
            ("type: activity\ndate: 2026-11-20\nactivity: Baked bread with Sam", "Activity · Baked bread with Sam"),
            ("type: diary-card\ndate: 2026-11-20 21:30", "Diary card · 21:30"),
            ("type: measure\ndate: 2026-12-01 11:00\ninstrument: phq9\nitems: [2, 2, 1, 2, 1, 1, 2, 2, 0]", "PHQ-9 · 13/27, moderate"),
            ("type: measure\ndate: 2026-12-01 11:00\ninstrument: gad7\ntitle: After the move\nitems: [1, 1, 1, 1, 1, 1, 1]", "After the move · 7/21, mild"),
            ("type: thought-record\ndate: 2026-11-20 23:40\ntitle: The Q4 report", "The Q4 report"),
        ]
        for (frontMatter, title) in cases {
            let note = entry("journal/2026-11-20-1840-mood.md", frontMatter)
            #expect(EntryTitle.of(note, assignments: titles) == title)
            #expect(!EntryTitle.of(note, assignments: titles).contains("2026-11-20-1840"))
        }
        #expect(EntryTitle.of(entry("j/r.md", "type: reflection\ndate: 2026-11-20", body: "# Week from hell\nToo much.\n"), assignments: [:]) == "Week from hell")
    }

    @Test func tasksAreNotQuestionsAndOpenTasksAreListedUnlessDone() {
        let entries = [
            entry("sessions/s.md", "type: session\ndate: 2026-11-10", body: """
                - [ ] phone the GP surgery at 8am
                - [ ] fill in the PHQ-9 again

                ## To discuss
                - [ ] reply to Jo?
                - Why does Sunday evening feel worse?
                """),
            entry("j/t.md", "type: thought-record\ndate: 2026-11-12", body: """
                ## Automatic thoughts
                - **What's the point of any of this?**

                ## Evidence against
                - Remember the "quick chat" in October? Annual leave.

                ## Questions
                ### Evidence for
                - Is it normal to feel this flat?
                """),
            entry("j/r.md", "type: reflection\ndate: 2026-11-15", body: "- [x] Phone the GP surgery at 8am!\n- [x] submitted the report\n"),
        ]
        let result = digest(entries)
        #expect(result.questions.map(\.text) == ["Why does Sunday evening feel worse?", "Is it normal to feel this flat?"])
        #expect(result.openTasks.map(\.text) == ["fill in the PHQ-9 again", "reply to Jo?"])
        #expect(result.openTasksMore == 0)
        let many = entry("j/m.md", "type: reflection\ndate: 2026-11-15", body: (1...11).map { "- [ ] task \($0)" }.joined(separator: "\n"))
        let capped = digest([many])
        #expect(capped.openTasks.count == DigestQuestions.taskLimit && capped.openTasksMore == 3)
    }

    // MARK: - In short

    @Test func inShortIsAtMostFiveLinesWithTheNextSession() {
        let entries = days("distress", [40, 45, 42, 50, 55, 60, 62, 66, 70, 72], extra: "\nmood: 4\nhomework: breathing")
            + [entry("j/m.md", "type: measure\ndate: 2026-11-20\ninstrument: phq9\nitems: [1, 1, 1, 1, 1, 1, 1, 1, 2]")]
        let breathing = entry("homework/breathing.md", "type: homework\ntitle: 4-7-8 breathing\nfrequency: daily\nassigned: 2026-11-01")
        let result = digest(entries, assignments: [breathing], nextSession: EntryDate(year: 2026, month: 11, day: 27))
        #expect(result.inShort.count == 5)
        #expect(result.inShort[0].hasPrefix("Sign of risk: PHQ-9 question 9 answered 2 of 3 on Fri 20 Nov"))
        #expect(result.inShort[1] == "To raise: distress 70 on 17 Nov; distress 72 on 18 Nov; distress rising from 45 to 66.")
        #expect(result.inShort[2] == "Homework: 4-7-8 breathing 10/14.")
        #expect(result.inShort[3] == "Mood steady, around 4; distress rising from 45 to 66; PHQ-9 10/27 (moderate).")
        #expect(result.inShort[4] == "Next session: Friday 27 November.")
        let quiet = digest([entry("j/q.md", "type: mood\ndate: 2026-11-20\nmood: 7")])
        #expect(quiet.inShort == ["Nothing in your notes needs raising."])
        #expect(digest([]).inShort.isEmpty)
    }

    // MARK: - Private risk

    @Test func privateRiskIsToldInANoticeNeverInTheDigest() {
        let secret = entry("j/p.md", "type: measure\ndate: 2026-11-20\ninstrument: phq9\nitems: [1, 1, 1, 1, 1, 1, 1, 1, 2]\nprivate: true",
                           body: "Only for me.\n")
        let urge = entry("j/u.md", "type: diary-card\ndate: 2026-11-21\nurges: {si: 2}\nprivate: true")
        var config = VaultConfig()
        config.crisisLine = "116 123"
        let input = DigestInput(period: Self.period, entries: [secret, urge], assignments: [], config: config)
        let notice = PrivateRisk.notice(input)
        #expect(notice == "2 private entries left out of this digest hold a sign of risk (PHQ-9 question 9 answered above 0, an urge of suicide or self-harm). It may be something your therapist needs to know: you could tell them yourself, or add --include-private to put them in the digest. If you are in danger now, contact your local emergency services (116 123).")
        let built = DigestBuilder.build(input)
        #expect(built.raise.isEmpty && built.privateLeftOut == 2)
        #expect(!DigestJSON.encode(built).serialized(pretty: true).contains("sign of risk"))
        var included = input
        included.includePrivate = true
        #expect(PrivateRisk.notice(included) == nil)
        #expect(DigestBuilder.build(included).raise.map(\.kind) == [.selfHarmThoughts, .riskUrge])
        let calm = DigestInput(period: Self.period, entries: [entry("j/c.md", "type: mood\ndate: 2026-11-20\nprivate: true\nmood: 2")], assignments: [])
        #expect(PrivateRisk.notice(calm) == nil)
    }

    // MARK: - Weeks and the chart

    @Test func weeksAreNamedByTheirFirstDay() {
        let monday = EntryDate(year: 2026, month: 11, day: 9)
        #expect(DayText.week(DayText.weekStart(of: EntryDate(year: 2026, month: 11, day: 12), weekStart: "monday")) == "w/c 9 Nov")
        #expect(DayText.week(DayText.weekStart(of: EntryDate(year: 2026, month: 11, day: 12), weekStart: "sunday")) == "w/c 8 Nov")
        #expect(DayText.week(DayText.weekStart(of: monday, weekStart: "sunday")) == "w/c 8 Nov")
        #expect(DayText.week(EntryDate(year: 2025, month: 12, day: 29), year: 2026) == "w/c 29 Dec 2025")
        #expect(DayText.span(EntryDate(year: 2026, month: 11, day: 28), EntryDate(year: 2026, month: 12, day: 3)) == "28 Nov – 3 Dec")
        let long = DigestPeriod(start: EntryDate(year: 2026, month: 10, day: 1), end: EntryDate(year: 2026, month: 11, day: 22), basis: "")
        let series = MoodSeriesBuilder.build([entry("j/a.md", "type: mood\ndate: 2026-11-12\nmood: 5")], period: long, weekStart: "monday")
        #expect(series.bucket == .week)
        #expect(series.points.first?.label == "w/c 28 Sep")
        #expect(series.points.contains { $0.label == "w/c 9 Nov" && $0.mood?.mean == 5 })
    }

    @Test func theChartBreaksItsLinesAtDaysWithoutRatingsAndStaysInsideItsBox() throws {
        // Ratings on the 9th–11th, none on the 12th, then the 13th–14th, and the 20th alone.
        let values: [Double?] = [5, 6, 4, nil, 3, 4, nil, nil, nil, nil, nil, 6, nil, nil]
        let result = digest(days("mood", values))
        guard case .object(let root) = DigestJSON.encode(result),
              case .object(let series)? = root.first(where: { $0.0 == "mood_and_distress" })?.1,
              case .object(let chart)? = series.first(where: { $0.0 == "chart" })?.1,
              case .array(let lines)? = chart.first(where: { $0.0 == "mood_lines" })?.1,
              case .array(let dots)? = chart.first(where: { $0.0 == "mood_dots" })?.1,
              case .array(let labels)? = chart.first(where: { $0.0 == "labels" })?.1 else {
            Issue.record("no chart")
            return
        }
        #expect(lines.count == 2, "one line per run of rated days; the 20th is a dot alone")
        #expect(dots.count == 6)
        for label in labels {
            guard case .object(let pairs) = label, case .number(let x)? = pairs.first(where: { $0.0 == "x" })?.1,
                  case .string(let text)? = pairs.first(where: { $0.0 == "text" })?.1 else { continue }
            // A label is centred on x; at about 6 units a character it must fit in the 640-wide box.
            #expect(x - Double(text.count) * 3.5 >= 0 && x + Double(text.count) * 3.5 <= Chart.width, "\(text) at \(x)")
            #expect(!text.contains("-W"), "no ISO week labels")
        }
    }
}

/// What people really type, and what they type by mistake, never breaks the digest and
/// never hides a sign of risk.
@Suite struct DigestBadInputTests {
    private static let period = DigestPeriod(start: EntryDate(year: 2026, month: 11, day: 9), end: EntryDate(year: 2026, month: 11, day: 22),
                                             basis: "")

    private func digest(_ texts: [String: String]) -> Digest {
        let entries = texts.sorted { $0.key < $1.key }.map { EntryParser.parse(path: $0.key, text: $0.value) }
        return DigestBuilder.build(DigestInput(period: Self.period, entries: entries, assignments: []))
    }

    @Test func aRiskUrgeThatIsNotANumberIsStillRaised() {
        for value in ["high", "'4/5'", "[3]", "{a: 1}", "yes"] {
            let result = digest(["j/d.md": "---\ntype: diary-card\ndate: 2026-11-20\nurges: {suicide: \(value), avoid: lots}\n---\n"])
            #expect(result.raise.first?.kind == .riskUrge, "suicide: \(value)")
            #expect(result.raise.count == 1)
        }
        let blank = digest(["j/d.md": "---\ntype: diary-card\ndate: 2026-11-20\nurges: {suicide: , self-harm: 0}\n---\n"])
        #expect(blank.raise.isEmpty, "left blank, as the template leaves it: nothing to raise")
    }

    @Test func malformedUrgesActedOnAndDatesAreIgnoredWithoutHarm() {
        let result = digest([
            "j/a.md": "---\ntype: diary-card\ndate: 2026-11-20\nurges: [suicide, 3]\nacted-on: 3\n---\n",
            "j/b.md": "---\ntype: diary-card\ndate: 2026-11-21\nurges: 5\nacted-on: {self-harm: yes}\n---\n",
            "j/c.md": "---\ntype: diary-card\ndate: 2026-11-22\nurges: {avoid: 1e308, isolate: -4, '': 5}\nacted-on: [self-harm, self-harm]\n---\n",
            "j/d.md": "---\ntype: mood\ndate: not a date\nfunctioning: 1\n---\n",
        ])
        // acted-on written as a map still says what was acted on; self-harm twice is raised, not lost.
        #expect(result.raise.map(\.files) == [["j/b.md"], ["j/c.md"]])
        #expect(result.raise[0].summary == "acted on the urge “self-harm”")
        #expect(result.raise[1].reasons.filter { $0.kind == .riskUrge }.count == 2)
        let denied = digest(["j/n.md": "---\ntype: diary-card\ndate: 2026-11-20\nacted-on: {self-harm: no, suicide: false, si: 0}\n---\n"])
        #expect(denied.raise.isEmpty)
    }

    @Test func absurdNumbersAreWrittenNotCrashedOn() {
        #expect(NumberText.short(1e308) == "1e+308")
        #expect(NumberText.short(-1e300) == "-1e+300")
        #expect(NumberText.short(.infinity) == "–")
        #expect(Sparkline.render([1e308, -1e308, 0], range: -1e308...1e308).count == 3)
        let result = digest(["j/a.md": "---\ntype: mood\ndate: 2026-11-20\ndistress: 1e308\nfunctioning: -1e308\nmood: 1e300\n---\n"])
        #expect(result.raise.first?.summary == "distress 1e+308 · functioning -1e+308/10")
    }

    @Test func thousandsOfEntriesWithOneReasonMakeOneCard() {
        var texts: [String: String] = [:]
        for index in 0..<3_000 {
            let day = 9 + index % 14
            texts[String(format: "j/%05d.md", index)] = "---\ntype: mood\ndate: 2026-11-\(String(format: "%02d", day)) \(String(format: "%02d", index % 24)):00\nfunctioning: \(index % 4)\nflags: [skipped]\n---\n" + String(repeating: "a very long line ", count: 500) + "\n"
        }
        let result = digest(texts)
        #expect(result.raise.count == 2, "\(result.raise.map(\.title))")
        #expect(result.raise.map(\.kind) == [.lowFunctioning, .skipped])
        #expect(result.raise[0].files.count == 3_000 && result.raise[1].files.isEmpty, "each entry on one card only")
        #expect((result.raise[0].quote?.count ?? 0) <= Quote.maximumLength)
        #expect(result.inShort.count <= 5)
    }
}
