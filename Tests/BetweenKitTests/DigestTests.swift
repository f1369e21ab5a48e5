import Testing
@testable import BetweenCore
@testable import BetweenIndex
@testable import BetweenKit

/// The digest's content: periods, every "raise with your therapist" rule, homework
/// adherence, series, measures, questions, wins, privacy.
@Suite struct DigestTests {
    private static let period = DigestPeriod(start: try! DateParser.parse("2026-11-17"), end: try! DateParser.parse("2026-11-26"),
                                             basis: "since the session on 2026-11-17")

    private static let breathing = EntryParser.parse(path: "homework/breathing.md", text: """
        ---
        type: homework
        title: 4-7-8 breathing
        frequency: daily
        assigned: 2026-10-01
        ---
        """)

    private func entry(_ path: String, _ frontMatter: String, body: String = "It was a long day.\n") -> Entry {
        EntryParser.parse(path: path, text: "---\n\(frontMatter)\n---\n\(body)")
    }

    private func digest(_ entries: [Entry], assignments: [Entry] = [], earlier: [Entry] = [],
                        config: VaultConfig = VaultConfig(), includePrivate: Bool = false) -> Digest {
        DigestBuilder.build(DigestInput(period: Self.period, entries: entries, assignments: assignments, earlierMeasures: earlier,
                                        config: config, includePrivate: includePrivate))
    }

    /// Each card's reasons' kinds, card by card.
    private func kinds(_ digest: Digest) -> [[RaiseReason.Kind]] { digest.raise.map { $0.reasons.map(\.kind) } }

    // MARK: - Raise with your therapist: one test per rule

    @Test func anEntryIsOneCardWithAllItsReasonsAndALine() {
        let result = digest([entry("j/a.md", "type: thought-record\ndate: 2026-11-18 21:00\nflags: [triggered, overwhelmed]\ndistress: 85\nfunctioning: 2",
                                   body: "# Train\nThe doors shut and I was fourteen again, stuck in the tunnel.\n")])
        #expect(kinds(result) == [[.triggered, .overwhelmed, .highDistress, .lowFunctioning]])
        let card = result.raise[0]
        #expect(card.summary == "triggered · overwhelmed · distress 85 · functioning 2/10")
        #expect(card.files == ["j/a.md"])
        #expect(card.date?.dayString == "2026-11-18")
        #expect(card.title == "Train")
        #expect(card.quote == "The doors shut and I was fourteen again, stuck in the tunnel.")
        #expect(kinds(digest([entry("j/u.md", "type: mood\ndate: 2026-11-19\nflags: unsafe")])) == [[.unsafe]])
    }

    @Test func cardsAreOrderedByTheirMostSeriousReasonRiskFirst() {
        let result = digest([
            entry("j/1.md", "type: mood\ndate: 2026-11-18\nfunctioning: 1\nflags: [skipped]"),
            entry("j/2.md", "type: mood\ndate: 2026-11-19\nfit: 2\ndistress: 90"),
            entry("j/3.md", "type: mood\ndate: 2026-11-20\nflags: [overwhelmed]"),
            entry("j/4.md", "type: mood\ndate: 2026-11-24\nflags: [unsafe]"),
        ])
        #expect(result.raise.map(\.files) == [["j/4.md"], ["j/3.md"], ["j/2.md"], ["j/1.md"]])
        #expect(result.raise.map(\.isRisk) == [true, false, false, false])
    }

    @Test func distressAtTheThresholdIsRaised() {
        #expect(kinds(digest([entry("j/a.md", "type: mood\ndate: 2026-11-18\ndistress: 70")])) == [[.highDistress]])
        #expect(kinds(digest([entry("j/a.md", "type: mood\ndate: 2026-11-18\ndistress: 69")])).isEmpty)
        var config = VaultConfig()
        config.thresholds.distress = 90
        #expect(kinds(digest([entry("j/a.md", "type: mood\ndate: 2026-11-18\ndistress: 85")], config: config)).isEmpty)
    }

    /// A high SUDS peak is what exposure practice is for; what is raised is distress still
    /// high at the end, a flag, or peaks that don't come down over practices.
    @Test func anExposuresHighPeakAloneIsNotRaised() {
        #expect(kinds(digest([entry("j/e.md", "type: exposure\ndate: 2026-11-18\nsuds-peak: 95\nsuds-after: 30\ndistress: 90\ntags: [win]")])).isEmpty)
        let stillHigh = digest([entry("j/e.md", "type: exposure\ndate: 2026-11-18\nsuds-peak: 95\nsuds-after: 75")])
        #expect(kinds(stillHigh) == [[.highDistress]])
        #expect(stillHigh.raise[0].summary == "SUDS still 75 at the end")
        #expect(kinds(digest([entry("j/e.md", "type: exposure\ndate: 2026-11-18\nsuds-peak: 95\nsuds-after: 20\nflags: [overwhelmed]")])) == [[.overwhelmed]])
        let bus = entry("homework/bus.md", "type: homework\ntitle: Bus ladder\nfrequency: as-needed")
        let climbing = [(18, 70), (20, 75), (23, 80)].map { day, peak in
            entry("j/e\(day).md", "type: exposure\ndate: 2026-11-\(day)\nhomework: bus\nsuds-before: 40\nsuds-peak: \(peak)\nsuds-after: 30",
                  body: "## What happened\nGot off at the second stop.\n")
        }
        let notEasing = digest(climbing, assignments: [bus])
        #expect(kinds(notEasing) == [[.exposureNotEasing]])
        #expect(notEasing.raise[0].title == "Exposure · Bus ladder: peaks not coming down")
        #expect(notEasing.raise[0].summary == "peaks 70, 75, 80 over 3 practices, 18–23 Nov")
        #expect(notEasing.raise[0].files == ["j/e18.md", "j/e20.md", "j/e23.md"])
        let easing = [(18, 80), (20, 75), (23, 60)].map { day, peak in
            entry("j/e\(day).md", "type: exposure\ndate: 2026-11-\(day)\nhomework: bus\nsuds-peak: \(peak)\nsuds-after: 30")
        }
        #expect(kinds(digest(easing, assignments: [bus])).isEmpty)
        #expect(kinds(digest(Array(climbing.prefix(2)), assignments: [bus])).isEmpty, "two practices are not enough to tell")
    }

    @Test func poorFitIsRaised() {
        let result = digest([entry("j/a.md", "type: reflection\ndate: 2026-11-18\nhomework: breathing\nfit: 2")])
        #expect(kinds(result) == [[.poorFit]])
        #expect(result.raise[0].summary == "fit 2/10")
        #expect(kinds(digest([entry("j/a.md", "type: reflection\ndate: 2026-11-18\nfit: 4")])).isEmpty)
    }

    @Test func lowAdherenceForSeveralAssignmentsIsOneCardWithTheirSkippedPractice() {
        let walk = entry("homework/walk.md", "type: homework\ntitle: Evening walk\nfrequency: daily\nassigned: 2026-10-01")
        // Daily since before the period: 10 expected, 2 done, one skipped that didn't fit.
        let practice = [entry("j/1.md", "type: mood\ndate: 2026-11-18\nhomework: breathing"),
                        entry("j/2.md", "type: mood\ndate: 2026-11-20\nhomework: breathing"),
                        entry("j/3.md", "type: mood\ndate: 2026-11-21\nhomework: breathing\nflags: [skipped]\nfit: 2",
                              body: "Couldn't face it, the counting makes me more anxious.\n")]
        let result = digest(practice, assignments: [Self.breathing, walk])
        #expect(result.raise.count == 1)
        let card = result.raise[0]
        #expect(card.shape == .homework)
        #expect(card.title == "2 assignments practised less than half as often as asked")
        #expect(card.summary.hasPrefix("4-7-8 breathing: 2 of 10 (20%) · Evening walk: 0 of 10 (0%)"))
        #expect(card.details == ["Sat 21 Nov · Mood check-in: fit 2/10 · skipped"])
        #expect(card.quote == "Couldn't face it, the counting makes me more anxious.")
        #expect(card.files == ["homework/breathing.md", "homework/walk.md", "j/3.md"])
        #expect(result.homework[0].expected == 10 && result.homework[0].done == 2 && result.homework[0].adherencePercent == 20)
        // A skipped practice of an assignment that is going fine is its own card.
        let fine = digest([entry("j/s.md", "type: mood\ndate: 2026-11-21\nhomework: breathing\nflags: [skipped]")])
        #expect(kinds(fine) == [[.skipped]])
    }

    @Test func strongDBTUrgesAreRaised() {
        #expect(kinds(digest([entry("j/d.md", "type: diary-card\ndate: 2026-11-18\nurges: {avoid: 4, isolate: 2}")])) == [[.strongUrge]])
        #expect(kinds(digest([entry("j/d.md", "type: diary-card\ndate: 2026-11-18\nurges: {avoid: 3}")])).isEmpty)
    }

    @Test func measuresThatRoseReliablyOrMovedUpABandAreRaised() {
        let earlier = entry("j/m0.md", "type: measure\ninstrument: phq9\ndate: 2026-11-01\nitems: [1, 1, 1, 1, 1, 1, 1, 1, 0]") // 8, mild
        let reliable = entry("j/m1.md", "type: measure\ninstrument: phq9\ndate: 2026-11-20\nitems: [2, 2, 2, 2, 1, 1, 2, 2, 0]") // 14: +6
        var result = digest([reliable], earlier: [earlier])
        #expect(kinds(result) == [[.measureRose]])
        #expect(result.raise[0].summary == "up 6 from 8, mild → moderate, a reliable change")
        #expect(result.raise[0].title == "PHQ-9 · 14/27, moderate")
        #expect(result.measures[0].change == 6)
        let bandOnly = entry("j/m2.md", "type: measure\ninstrument: gad7\ndate: 2026-11-20\nitems: [2, 1, 1, 1, 1, 2, 2]") // 10, moderate
        let gadBefore = entry("j/g0.md", "type: measure\ninstrument: gad7\ndate: 2026-11-01\nitems: [1, 1, 1, 1, 1, 2, 2]") // 9, mild
        result = digest([bandOnly], earlier: [gadBefore])
        #expect(kinds(result) == [[.measureRose]])
        #expect(!result.raise[0].summary.contains("reliable"))
        let fell = entry("j/g1.md", "type: measure\ninstrument: gad7\ndate: 2026-11-20\nitems: [0, 0, 1, 1, 1, 0, 0]")
        #expect(kinds(digest([fell], earlier: [gadBefore])).isEmpty)
    }

    @Test func phq9Item9IsAlwaysRaisedFirstWithSafetyWords() {
        let measure = entry("j/m.md", "type: measure\ninstrument: phq9\ndate: 2026-11-23\nitems: [0, 0, 0, 0, 0, 0, 0, 0, 1]")
        let flagged = entry("j/a.md", "type: mood\ndate: 2026-11-18\nflags: [triggered]\ndistress: 90")
        let result = digest([flagged, measure])
        #expect(result.raise.first?.kind == .selfHarmThoughts)
        #expect(result.raise.first?.isRisk == true)
        #expect(result.raise.first?.files == ["j/m.md"])
        #expect(result.raise.first?.summary.contains("question 9") == true)
        #expect(kinds(digest([entry("j/m.md", "type: measure\ninstrument: phq9\ndate: 2026-11-23\nitems: [3, 3, 3, 3, 3, 3, 3, 3, 0]")])).isEmpty)
    }

    /// A questionnaire with an answer left blank or mistyped can't be scored, but its
    /// question 9 is still read: a sign of risk is never lost to a typo elsewhere.
    @Test func phq9Item9IsRaisedEvenWhenTheQuestionnaireCannotBeScored() {
        let blankThird = "\n" + ["1", "2", "", "1", "0", "1", "2", "1", "2"].map { "  - \($0)" }.joined(separator: "\n")
        for items in [blankThird, "[1, 2, x, 1, 0, 1, 2, 1, 2]", "[1, 2, 7, 1, 0, 1, 2, 1, 2]"] {
            let measure = entry("j/m.md", "type: measure\ninstrument: phq9\ndate: 2026-11-23\nitems: \(items)")
            #expect(MeasureScore(measure) == nil, "\(items) is not scored")
            let result = digest([measure])
            #expect(result.measures.isEmpty)
            #expect(kinds(result) == [[.selfHarmThoughts]], "\(items)")
            #expect(result.raise.first?.summary.contains("answered 2 of 3") == true)
            #expect(result.raise.first?.title == "PHQ-9", "an unscored questionnaire has no score in its title")
        }
        let unanswered = entry("j/m.md", "type: measure\ninstrument: phq9\ndate: 2026-11-23\nitems: [1, 2, 1, 1, 0, 1, 2, 1, null]")
        #expect(kinds(digest([unanswered])).isEmpty)
    }

    // MARK: - Other sections

    @Test func homeworkProratesFrequenciesToActiveDays() {
        let days = Array(Self.period.start.dayNumber...Self.period.end.dayNumber)
        #expect(HomeworkProgressBuilder.expectedCount(.daily, days: days) == 10)
        #expect(HomeworkProgressBuilder.expectedCount(.weekdays, days: days) == 8) // 17th (Tue) to 26th (Thu)
        #expect(HomeworkProgressBuilder.expectedCount(.timesPerWeek(3), days: days) == 4)
        #expect(HomeworkProgressBuilder.expectedCount(.timesPerDay(2), days: days) == 20)
        #expect(HomeworkProgressBuilder.expectedCount(.once, days: days) == 1)
        #expect(HomeworkProgressBuilder.expectedCount(.asNeeded, days: days) == nil)
        let late = entry("homework/walk.md", "type: homework\nfrequency: daily\nassigned: 2026-11-24")
        let noFrequency = entry("homework/journal.md", "type: homework")
        let dropped = entry("homework/pages.md", "type: homework\nfrequency: daily\nstatus: dropped")
        let result = digest([entry("j/w.md", "type: mood\ndate: 2026-11-25\nhomework: walk\nhelpful: 7\nfit: 8")],
                            assignments: [late, noFrequency, dropped])
        #expect(result.homework.map(\.id) == ["walk", "journal"])
        #expect(result.homework[0].expected == 3)
        #expect(result.homework[0].averageHelpful == 7)
        #expect(result.homework[1].expected == nil)
        #expect(result.homework[1].adherencePercent == nil)
    }

    @Test func exposurePeaksAndThoughtRecordEmotionsAreSummarised() {
        let bus = entry("homework/bus.md", "type: homework\nfrequency: 2/week")
        let result = digest([
            entry("j/1.md", "type: exposure\ndate: 2026-11-18\nhomework: bus\nsuds-before: 60\nsuds-peak: 80\nsuds-after: 40"),
            entry("j/2.md", "type: exposure\ndate: 2026-11-22\nhomework: bus\nsuds-before: 50\nsuds-peak: 60\nsuds-after: 20"),
            entry("j/3.md", "type: thought-record\ndate: 2026-11-23\nhomework: bus\nemotions: {anxious: 80, ashamed: 60}\nemotions-after: {anxious: 40, ashamed: 50}"),
        ], assignments: [bus])
        let exposure = result.homework[0].exposure
        #expect(exposure?.peaks == [80, 60])
        #expect(exposure?.peaksComingDown == true)
        #expect(exposure?.averageAfter == 30)
        #expect(result.homework[0].thoughtRecords == EmotionChange(before: 70, after: 45, records: 1))
        #expect(result.helped.first?.key == "homework:bus")
    }

    @Test func moodSeriesIsPerDayForShortPeriods() {
        let result = digest([entry("j/a.md", "type: mood\ndate: 2026-11-18 09:00\nmood: 4"),
                             entry("j/b.md", "type: mood\ndate: 2026-11-18 21:00\nmood: 6\ndistress: 40")])
        let series = result.moodAndDistress
        #expect(series.bucket == .day)
        #expect(series.points.count == 10)
        #expect(series.points[1].label == "Wed 18 Nov")
        #expect(series.points[1].start.dayString == "2026-11-18")
        #expect(series.points[1].mood == MoodSeries.Summary(min: 4, mean: 5, max: 6, count: 2))
        #expect(series.points[0].mood == nil)
        #expect(Sparkline.render([0, 5, 10, nil], range: 0...10) == "▁▅█ ")
    }

    @Test func questionsAreCollectedOldestFirstOnce() {
        let result = digest([
            entry("j/b.md", "type: reflection\ndate: 2026-11-20", body: "Why do mornings feel worse?\n"),
            entry("j/a.md", "type: reflection\ndate: 2026-11-18", body: "## For next session\n- ask about sleep\n- Why do mornings feel worse?\n"),
        ].sorted { $0.date! < $1.date! })
        #expect(result.questions.map(\.text) == ["ask about sleep", "Why do mornings feel worse?"])
        #expect(result.questions.map(\.path) == ["j/a.md", "j/a.md"])
    }

    @Test func questionsDifferingOnlyInCaseSpacingOrPunctuationAreOne() {
        #expect(DigestQuestions.key("Why do mornings feel worse?") == "whydomorningsfeelworse")
        #expect(DigestQuestions.key("why do MORNINGS feel worse ??") == "whydomorningsfeelworse")
        #expect(DigestQuestions.key("Is week 2 OK?") == "isweek2ok")
        #expect(DigestQuestions.key("Était-ce ÉVITEMENT ?") == "étaitceévitement")
        #expect(DigestQuestions.key("?!") == "")
        // Bytes for plain ASCII, characters for the rest: the same key either way.
        let pieces = ["a", "Z", "7", " ", "?", "-", "'", "\t", "\r\n", "É", "ß", "İ", "e\u{301}", "٣", "心", "🙂", "Ⅻ", "\u{200D}"]
        var seed: UInt64 = 0x5eed
        for _ in 0..<2_000 {
            var text = ""
            for _ in 0..<Int(seed % 12) {
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                text += pieces[Int(seed >> 33) % pieces.count]
            }
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            #expect(DigestQuestions.key(text) == text.lowercased().filter { $0.isLetter || $0.isNumber }, "\(text.debugDescription)")
        }
    }

    @Test func quotesTakeWhatHappenedSituationOrOutcomeFirstSkipTheTitleAndStayShort() {
        let template = TemplateText.builtIn(crisisLine: nil)
        let note = entry("j/q.md", "type: exposure\ndate: 2026-11-19\ntitle: Bus ride", body: """
            Bus ride

            ## Prediction
            I'll have to get off at the first stop.

            ## outcome
              It was fine after the second stop.

            ## What happened
            Waited at the stop for ten minutes, then got on.
            """)
        #expect(Quote.of(note, template: template) == "Waited at the stop for ten minutes, then got on.")
        let noHappened = entry("j/o.md", "type: exposure\ndate: 2026-11-19", body: "## Prediction\nPeak 90.\n\n## Outcome\nPeak 60, stayed on.\n")
        #expect(Quote.of(noHappened, template: template) == "Peak 60, stayed on.")
        // A thought record's `situation:` is its Situation when there is no section.
        let record = entry("j/t.md", "type: thought-record\ndate: 2026-11-19\nsituation: Dev messaged about the report.",
                           body: "## Automatic thoughts\nHe's found mistakes.\n")
        #expect(Quote.of(record, template: template) == "Dev messaged about the report.")
        #expect(Quote.of(entry("j/e.md", "type: mood\ndate: 2026-11-19", body: ""), template: template) == nil)
        #expect(Quote.of(entry("j/b.md", "type: mood\ndate: 2026-11-19", body: "Bus ride\n\nGot on.\n"), template: template) == "Bus ride",
                "an untitled entry's first line is its own words")
        // Cut at a word, by characters, not bytes.
        let long = String(repeating: "walked on ", count: 20)
        let cut = Quote.of(entry("j/l.md", "type: mood\ndate: 2026-11-19", body: long), template: template)!
        #expect(cut.hasSuffix(" walked…") && cut.count <= Quote.maximumLength)
        let accented = String(repeating: "é", count: 100)
        #expect(Quote.of(entry("j/a.md", "type: mood\ndate: 2026-11-19", body: accented), template: template) == accented)
        let tooLong = String(repeating: "é", count: 141)
        #expect(Quote.of(entry("j/b.md", "type: mood\ndate: 2026-11-19", body: tooLong), template: template) == String(repeating: "é", count: 139) + "…")
    }

    /// Text an entry template wrote (the PHQ-9's note about question 9, the safety plan's
    /// closing line and crisis line) is never quoted as the person's words.
    @Test func quotesNeverTakeTemplateText() throws {
        var config = VaultConfig()
        config.crisisLine = "Samaritans: 116 123"
        let store = TemplateStore()
        let template = TemplateText(store: store, crisisLine: config.crisisLine)
        for kind in EntryKind.all {
            let text = try EntryTemplate.render(kind, values: .init(date: try DateParser.parse("2026-11-23 20:00"), crisisLine: config.crisisLine),
                                                store: store)
            let fresh = EntryParser.parse(path: "j/\(kind.name).md", text: text)
            #expect(Quote.of(fresh, template: template) == nil, "a fresh \(kind.name) has nothing of the person's to quote")
        }
        let phq9 = try EntryTemplate.render(try EntryKind.named("phq9"), values: .init(date: try DateParser.parse("2026-11-23 20:00")), store: store)
            .replacingOccurrences(of: "## Notes\n", with: "## Notes\n\nA rough fortnight at work.\n")
        #expect(Quote.of(EntryParser.parse(path: "j/p.md", text: phq9), template: TemplateText.builtIn(crisisLine: nil)) == "A rough fortnight at work.")
    }

    @Test func winsAreTaggedOrVeryHelpful() {
        let result = digest([entry("j/a.md", "type: exposure\ndate: 2026-11-19\ntags: [win]"),
                             entry("j/b.md", "type: activity\ndate: 2026-11-20\nhelpful: 8"),
                             entry("j/c.md", "type: activity\ndate: 2026-11-21\nhelpful: 7")])
        #expect(result.wins.map(\.path) == ["j/a.md", "j/b.md"])
        #expect(result.wins[1].why == "helpful 8/10")
    }

    @Test func privateEntriesAreCountedNotShownUnlessAskedFor() {
        let secret = entry("j/p.md", "type: thought-record\ndate: 2026-11-19\nprivate: true\nflags: [triggered, overwhelmed, unsafe, skipped]\ndistress: 95\nfit: 1\nfunctioning: 1\nhelpful: 9\ntags: [win]",
                           body: "## Questions\n- Something only I should read?\n")
        let hidden = digest([secret])
        #expect(hidden.raise.isEmpty)
        #expect(hidden.questions.isEmpty && hidden.wins.isEmpty && hidden.entryCount == 0)
        #expect(hidden.privateLeftOut == 1)
        #expect(digest([secret], assignments: [Self.breathing]).homework[0].done == 0)
        let shown = digest([secret], includePrivate: true)
        #expect(shown.raise.count == 1 && shown.raise[0].reasons.count == 7)
        #expect(shown.privateLeftOut == 0)
    }

    @Test func practiceRankingShrinksOneOffsTowardTheMean() {
        var entries = [entry("j/once.md", "type: exposure\ndate: 2026-11-18\nhomework: lift\nsuds-before: 95\nsuds-after: 5")]
        for day in 18...26 {
            entries.append(entry("j/b\(day).md", "type: exposure\ndate: 2026-11-\(day)\nhomework: bus\nsuds-before: 70\nsuds-after: 20"))
        }
        let ranked = HelpedBefore.rank(entries, assignments: [])
        #expect(ranked.map(\.key) == ["homework:bus", "homework:lift"], "nine steady 50-point drops outrank one 90-point drop")
        #expect(ranked[1].times == 1)
    }

    // MARK: - Periods

    @Test func periodsStartAtTheLastSessionOrTwoWeeksBack() throws {
        let today = try DateParser.parse("2026-11-26")
        let sessions = try ["2026-11-03", "2026-11-10", "2026-11-17"].map(DateParser.parse)
        let last = try DigestPeriod.resolve(.sinceLastSession, sessions: sessions, today: today)
        #expect(last.start.dayString == "2026-11-17" && last.end.dayString == "2026-11-26")
        let none = try DigestPeriod.resolve(.sinceLastSession, sessions: [], today: today)
        #expect(none.start.dayString == "2026-11-13" && none.dayCount == 14)
        #expect(none.basis.contains("no session notes yet"))
        let ended = try DigestPeriod.resolve(.session(try DateParser.parse("2026-11-10")), sessions: sessions, today: today)
        #expect(ended.start.dayString == "2026-11-03" && ended.end.dayString == "2026-11-10")
        #expect(throws: PeriodError.self) { try DigestPeriod.resolve(.session(today), sessions: sessions, today: today) }
        #expect(throws: PeriodError.self) { try DigestPeriod.resolve(.since(today), sessions: [], today: today, until: try DateParser.parse("2026-11-01")) }
        #expect(try LocalClock.day("-14d", today: today).dayString == "2026-11-12")
        #expect(try LocalClock.day("-2w", today: today).dayString == "2026-11-12")
        #expect(LocalClock(timezone: nil, environment: ["BETWEEN_TODAY": "2026-11-26"]).today().dayString == "2026-11-26")
    }

    @Test func entriesWithPartialRatingsOrUnknownAssignmentsDoNotBreakTheDigest() {
        let result = digest([entry("j/a.md", "type: exposure\ndate: 2026-11-18\nhomework: nowhere\nsuds-before: 50"),
                             entry("j/b.md", "type: measure\ninstrument: phq9\ndate: 2026-11-19\nitems: [1, 2]"),
                             entry("j/c.md", "type: mood\ndate: 2026-11-19")])
        #expect(result.measures.isEmpty, "an incomplete measure is not scored")
        #expect(result.helped.isEmpty)
        #expect(result.entryCount == 3)
    }
}
