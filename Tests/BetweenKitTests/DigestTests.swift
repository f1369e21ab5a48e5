import Testing
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

    private func digest(_ entries: [Entry], assignments: [Entry] = [], earlier: [Entry] = [], weekBefore: [Entry] = [],
                        config: VaultConfig = VaultConfig(), includePrivate: Bool = false) -> Digest {
        DigestBuilder.build(DigestInput(period: Self.period, entries: entries, assignments: assignments, earlierMeasures: earlier,
                                        weekBefore: weekBefore, config: config, includePrivate: includePrivate))
    }

    private func kinds(_ digest: Digest) -> [RaiseItem.Kind] { digest.raise.map(\.kind) }

    // MARK: - Raise with your therapist: one test per rule

    @Test func flaggedEntriesAreRaisedWithTheirFileAndALine() {
        let result = digest([entry("j/a.md", "type: thought-record\ndate: 2026-11-18 21:00\nflags: [triggered, overwhelmed]",
                                   body: "# Train\nThe doors shut and I was fourteen again, stuck in the tunnel.\n")])
        #expect(kinds(result) == [.triggered, .overwhelmed])
        #expect(result.raise[0].path == "j/a.md")
        #expect(result.raise[0].date?.dayString == "2026-11-18")
        #expect(result.raise[0].quote == "The doors shut and I was fourteen again, stuck in the tunnel.")
        #expect(kinds(digest([entry("j/u.md", "type: mood\ndate: 2026-11-19\nflags: unsafe")])) == [.unsafe])
    }

    @Test func distressOrSudsPeakAtTheThresholdIsRaised() {
        #expect(kinds(digest([entry("j/a.md", "type: mood\ndate: 2026-11-18\ndistress: 70")])) == [.highDistress])
        #expect(kinds(digest([entry("j/a.md", "type: mood\ndate: 2026-11-18\ndistress: 69")])).isEmpty)
        #expect(kinds(digest([entry("j/e.md", "type: exposure\ndate: 2026-11-18\nsuds-peak: 85\nsuds-after: 30")])) == [.highDistress])
        var config = VaultConfig()
        config.thresholds.distress = 90
        #expect(kinds(digest([entry("j/a.md", "type: mood\ndate: 2026-11-18\ndistress: 85")], config: config)).isEmpty)
    }

    @Test func poorFitIsRaised() {
        let result = digest([entry("j/a.md", "type: reflection\ndate: 2026-11-18\nhomework: breathing\nfit: 2")])
        #expect(kinds(result) == [.poorFit])
        #expect(result.raise[0].reason.contains("doesn't seem to suit you"))
        #expect(kinds(digest([entry("j/a.md", "type: reflection\ndate: 2026-11-18\nfit: 4")])).isEmpty)
    }

    @Test func lowAndFallingFunctioningAreRaised() {
        #expect(kinds(digest([entry("j/a.md", "type: mood\ndate: 2026-11-18\nfunctioning: 3")])) == [.lowFunctioning])
        // Weekly average 8 → 4.5: a fall of 3 or more, though no single day is at the threshold.
        let before = [entry("j/p1.md", "type: mood\ndate: 2026-11-11\nfunctioning: 8"), entry("j/p2.md", "type: mood\ndate: 2026-11-12\nfunctioning: 8")]
        let now = [entry("j/n1.md", "type: mood\ndate: 2026-11-18\nfunctioning: 5"), entry("j/n2.md", "type: mood\ndate: 2026-11-19\nfunctioning: 4")]
        let result = digest(now, weekBefore: before)
        #expect(kinds(result) == [.fallingFunctioning])
        #expect(result.raise[0].path == "j/n2.md")
        #expect(kinds(digest(now, weekBefore: [entry("j/p.md", "type: mood\ndate: 2026-11-11\nfunctioning: 6")])).isEmpty)
    }

    @Test func lowAdherenceAndSkippedPracticeAreRaised() {
        // Daily since before the period: 10 expected, 2 done.
        let practice = [entry("j/1.md", "type: mood\ndate: 2026-11-18\nhomework: breathing"),
                        entry("j/2.md", "type: mood\ndate: 2026-11-20\nhomework: breathing"),
                        entry("j/3.md", "type: mood\ndate: 2026-11-21\nhomework: breathing\nflags: [skipped]")]
        let result = digest(practice, assignments: [Self.breathing])
        #expect(kinds(result) == [.lowAdherence, .skipped])
        #expect(result.raise[0].path == "homework/breathing.md")
        #expect(result.homework[0].expected == 10)
        #expect(result.homework[0].done == 2)
        #expect(result.homework[0].adherencePercent == 20)
    }

    @Test func strongDBTUrgesAreRaised() {
        #expect(kinds(digest([entry("j/d.md", "type: diary-card\ndate: 2026-11-18\nurges: {avoid: 4, isolate: 2}")])) == [.strongUrge])
        #expect(kinds(digest([entry("j/d.md", "type: diary-card\ndate: 2026-11-18\nurges: {avoid: 3}")])).isEmpty)
    }

    @Test func measuresThatRoseReliablyOrMovedUpABandAreRaised() {
        let earlier = entry("j/m0.md", "type: measure\ninstrument: phq9\ndate: 2026-11-01\nitems: [1, 1, 1, 1, 1, 1, 1, 1, 0]") // 8, mild
        let reliable = entry("j/m1.md", "type: measure\ninstrument: phq9\ndate: 2026-11-20\nitems: [2, 2, 2, 2, 1, 1, 2, 2, 0]") // 14: +6
        var result = digest([reliable], earlier: [earlier])
        #expect(kinds(result) == [.measureRose])
        #expect(result.raise[0].reason.contains("rose by 6 to 14 (moderate), a reliable change, up from mild"))
        #expect(result.measures[0].change == 6)
        let bandOnly = entry("j/m2.md", "type: measure\ninstrument: gad7\ndate: 2026-11-20\nitems: [2, 1, 1, 1, 1, 2, 2]") // 10, moderate
        let gadBefore = entry("j/g0.md", "type: measure\ninstrument: gad7\ndate: 2026-11-01\nitems: [1, 1, 1, 1, 1, 2, 2]") // 9, mild
        result = digest([bandOnly], earlier: [gadBefore])
        #expect(kinds(result) == [.measureRose])
        #expect(!result.raise[0].reason.contains("reliable"))
        let fell = entry("j/g1.md", "type: measure\ninstrument: gad7\ndate: 2026-11-20\nitems: [0, 0, 1, 1, 1, 0, 0]")
        #expect(kinds(digest([fell], earlier: [gadBefore])).isEmpty)
    }

    @Test func phq9Item9IsAlwaysRaisedFirstWithSafetyWords() {
        let measure = entry("j/m.md", "type: measure\ninstrument: phq9\ndate: 2026-11-23\nitems: [0, 0, 0, 0, 0, 0, 0, 0, 1]")
        let flagged = entry("j/a.md", "type: mood\ndate: 2026-11-18\nflags: [triggered]\ndistress: 90")
        let result = digest([flagged, measure])
        #expect(result.raise.first?.kind == .selfHarmThoughts)
        #expect(result.raise.first?.path == "j/m.md")
        #expect(result.raise.first?.reason.contains("Please tell your therapist") == true)
        #expect(result.raise.first?.reason.contains("contact your local emergency services") == true)
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
            #expect(kinds(result) == [.selfHarmThoughts], "\(items)")
            #expect(result.raise.first?.reason.contains("was answered 2 of 3") == true)
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
        #expect(result.helped.first?.practice == "bus")
    }

    @Test func moodSeriesIsPerDayForShortPeriods() {
        let result = digest([entry("j/a.md", "type: mood\ndate: 2026-11-18 09:00\nmood: 4"),
                             entry("j/b.md", "type: mood\ndate: 2026-11-18 21:00\nmood: 6\ndistress: 40")])
        let series = result.moodAndDistress
        #expect(series.bucket == .day)
        #expect(series.points.count == 10)
        #expect(series.points[1].label == "2026-11-18")
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
        #expect(DigestBuilder.questionKey("Why do mornings feel worse?") == "whydomorningsfeelworse")
        #expect(DigestBuilder.questionKey("why do MORNINGS feel worse ??") == "whydomorningsfeelworse")
        #expect(DigestBuilder.questionKey("Is week 2 OK?") == "isweek2ok")
        #expect(DigestBuilder.questionKey("Était-ce ÉVITEMENT ?") == "étaitceévitement")
        #expect(DigestBuilder.questionKey("?!") == "")
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
            #expect(DigestBuilder.questionKey(text) == text.lowercased().filter { $0.isLetter || $0.isNumber }, "\(text.debugDescription)")
        }
    }

    @Test func quotesPreferTheNamedSectionsSkipTheTitleAndStayShort() {
        let note = entry("j/q.md", "type: exposure\ndate: 2026-11-19\ntitle: Bus ride", body: """
            Bus ride

            Waited at the stop for ten minutes.

            ## outcome
              It was fine after the second stop.
            """)
        #expect(Quote.of(note) == "Waited at the stop for ten minutes.")
        #expect(Quote.of(note, preferring: ["Outcome"]) == "It was fine after the second stop.")
        #expect(Quote.of(entry("j/e.md", "type: mood\ndate: 2026-11-19", body: "")) == nil)
        // Cut at a word, by characters, not bytes.
        let long = String(repeating: "walked on ", count: 20)
        let cut = Quote.of(entry("j/l.md", "type: mood\ndate: 2026-11-19", body: long))!
        #expect(cut.hasSuffix(" walked…") && cut.count <= Quote.maximumLength)
        let accented = String(repeating: "é", count: 100)
        #expect(Quote.of(entry("j/a.md", "type: mood\ndate: 2026-11-19", body: accented)) == accented)
        let tooLong = String(repeating: "é", count: 141)
        #expect(Quote.of(entry("j/b.md", "type: mood\ndate: 2026-11-19", body: tooLong)) == String(repeating: "é", count: 139) + "…")
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
        #expect(shown.raise.count >= 5)
        #expect(shown.privateLeftOut == 0)
    }

    @Test func practiceRankingShrinksOneOffsTowardTheMean() {
        var entries = [entry("j/once.md", "type: exposure\ndate: 2026-11-18\nhomework: lift\nsuds-before: 95\nsuds-after: 5")]
        for day in 18...26 {
            entries.append(entry("j/b\(day).md", "type: exposure\ndate: 2026-11-\(day)\nhomework: bus\nsuds-before: 70\nsuds-after: 20"))
        }
        let ranked = PracticeEffects.rank(entries, assignments: [])
        #expect(ranked.map(\.practice) == ["bus", "lift"], "nine steady 50-point drops outrank one 90-point drop")
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
        #expect(try LocalDay.parse("-14d", today: today).dayString == "2026-11-12")
        #expect(try LocalDay.parse("-2w", today: today).dayString == "2026-11-12")
        #expect(LocalDay.today(timezone: nil, environment: ["BETWEEN_TODAY": "2026-11-26"]).dayString == "2026-11-26")
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
