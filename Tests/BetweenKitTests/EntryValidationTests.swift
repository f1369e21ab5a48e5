import Testing
@testable import BetweenCore
@testable import BetweenKit

/// What `between check` says about single files: ranges, kinds, enums, required fields.
@Suite struct EntryValidationTests {
    private func parse(_ text: String, path: String = "journal/entry.md") -> Entry {
        EntryParser.parse(path: path, text: text)
    }

    private func messages(_ entry: Entry) -> [String] {
        entry.diagnostics.map(\.message)
    }

    @Test func aValidEntryHasNoDiagnostics() {
        let entry = parse("""
        ---
        type: exposure
        date: 2026-11-19 08:10
        homework: bus-exposure
        suds-before: 70
        suds-peak: 60
        suds-after: 30
        minutes: 25
        flags: [win]
        ---
        # Rush hour bus
        I did it.
        """)
        #expect(entry.diagnostics.isEmpty)
        #expect(entry.type == .exposure)
        #expect(entry.title == "Rush hour bus")
        #expect(entry.date?.isoText == "2026-11-19T08:10")
    }

    @Test func outOfRangeAndWrongKindRatingsPointAtTheValue() {
        let entry = parse("""
        ---
        type: mood
        date: 2026-11-20
        mood: high
        distress: 150
        helpful: -1
        fit: 3.5
        ---
        """)
        let errors = entry.diagnostics
        #expect(errors.count == 3)
        #expect(errors[0].message.contains("mood should be a number from 0 to 10, but it is 'high'"))
        #expect(errors[0].position == SourcePosition(line: 4, column: 7))
        #expect(errors[1].message.contains("distress should be a number from 0 to 100, but it is 150"))
        #expect(errors[1].position?.line == 5)
        #expect(errors[2].message.contains("helpful"))
    }

    @Test func measureNeedsTheRightNumberOfAnswers() {
        let short = parse("""
        ---
        type: measure
        instrument: phq9
        date: 2026-11-23
        items: [1, 2]
        ---
        """)
        #expect(messages(short).contains { $0.contains("PHQ-9 has 9 questions, but items lists 2 answers") })
        let badAnswer = parse("""
        ---
        type: measure
        instrument: gad7
        date: 2026-11-23
        items: [1, 2, 3, 4, 0, 1, 1]
        ---
        """)
        #expect(messages(badAnswer) == ["answer 4 in items should be a whole number from 0 to 3, but it is 4"])
        let unknown = parse("---\ntype: measure\ninstrument: beck\ndate: 2026-11-23\n---\n")
        #expect(messages(unknown).contains { $0.contains("instrument should be one of phq9, gad7") })
        #expect(MeasureScore(short) == nil)
    }

    @Test func scoresCompleteMeasuresWithTheirBands() {
        let phq = parse("---\ntype: measure\ninstrument: phq9\ndate: 2026-11-23\nitems: [2, 2, 3, 2, 1, 1, 1, 0, 1]\n---\n")
        let score = MeasureScore(phq)
        #expect(score?.total == 13)
        #expect(score?.band == .moderate)
        #expect(Instrument.phq9.band(for: 17) == .moderatelySevere)
        #expect(Instrument.gad7.band(for: 17) == .severe)
        #expect(Instrument.gad7.band(for: 4) == .minimal)
    }

    @Test func blankAnswersMeanNotScoredYetAndSayWhich() {
        let partial = parse("---\ntype: measure\ninstrument: gad7\ndate: 2026-11-20\nitems:\n  - 1\n  - 2\n  -\n  - 0\n  -\n  - 3\n  - 1\n---\n")
        #expect(messages(partial) == ["this GAD-7 is not scored yet: questions 3, 5 have no answer yet; give each question an answer from 0 to 3"])
        #expect(partial.diagnostics.map(\.severity) == [.warning])
        #expect(partial.diagnostics.first?.position?.line == 5)
        #expect(MeasureScore(partial) == nil)
        let one = parse("---\ntype: measure\ninstrument: gad7\ndate: 2026-11-20\nitems: [1, 2, null, 0, 1, 3, 1]\n---\n")
        #expect(messages(one) == ["this GAD-7 is not scored yet: question 3 has no answer yet; give each question an answer from 0 to 3"])
    }

    @Test func anImprobableYearIsAWarningNotASilentMove() {
        let typo = parse("---\ntype: mood\ndate: 0226-11-20 21:00\nmood: 4\n---\n")
        #expect(typo.diagnostics.map(\.severity) == [.warning])
        #expect(messages(typo) == ["date is in the year 226; is that a typo? Between keeps it as written, so this entry is filed in that year"])
        #expect(typo.diagnostics.first?.position == SourcePosition(line: 3, column: 7))
        #expect(typo.date?.year == 226) // kept as written
        let assignment = parse("---\ntype: homework\nfrequency: daily\nassigned: '2206-01-05'\n---\n", path: "homework/walk.md")
        #expect(messages(assignment).first?.hasPrefix("assigned is in the year 2206;") == true, "\(messages(assignment))")
        for fine in ["1900-01-01", "1985-06-30", "2026-11-20 19:30", "2100-12-31"] {
            #expect(parse("---\ntype: mood\ndate: \(fine)\nmood: 4\n---\n").diagnostics.isEmpty, "\(fine)")
        }
    }

    @Test func logEntriesNeedADate() {
        let entry = parse("---\ntype: reflection\nmood: 4\n---\nSlept badly again.\n")
        #expect(messages(entry) == ["a reflection entry needs a date; add a line like `date: 2026-11-20 19:30` to its front matter"])
        #expect(entry.diagnostics[0].severity == .error)
        // Assignments and notes don't.
        #expect(parse("---\ntype: homework\ntitle: Breathing\n---\n", path: "homework/breathing.md").diagnostics.isEmpty)
        #expect(parse("just a note\n").diagnostics.isEmpty)
    }

    @Test func badDatesAreExplained() {
        let entry = parse("---\ntype: mood\ndate: 2026-13-45\n---\n")
        #expect(messages(entry).contains { $0.contains("'2026-13-45' is not a real date: there is no month 13") })
        #expect(entry.date == nil)
    }

    @Test func enumsAreChecked() {
        let homework = parse("""
        ---
        type: homework
        frequency: sometimes
        status: finished
        ---
        """, path: "homework/walk.md")
        #expect(messages(homework).count == 2)
        #expect(messages(homework)[0].contains("frequency should be daily, weekdays, N/week"))
        #expect(messages(homework)[1].contains("status should be one of active, paused, done, dropped"))
        for good in ["daily", "weekdays", "3/week", "2/day", "once", "as-needed", "3x/week", "2 times a week"] {
            #expect(Frequency(good) != nil, "\(good) is a frequency")
        }
        #expect(Frequency("0/week") == nil)
    }

    @Test func unknownTypeIsANoteWithAWarning() {
        let entry = parse("---\ntype: post\ntitle: Hello\n---\n")
        #expect(entry.type == .note)
        #expect(entry.diagnostics.map(\.severity) == [.warning])
        #expect(messages(entry)[0].contains("unknown type 'post'"))
    }

    @Test func unknownKeysAreKeptAsWritten() {
        let entry = parse("---\ntype: mood\ndate: 2026-11-20\nweather: {sky: grey, rain: true}\ncaffeine-cups: 3\n---\n")
        #expect(entry.diagnostics.isEmpty)
        #expect(entry["weather"]?["sky"] == .string("grey"))
        #expect(entry.number("caffeine-cups") == 3)
        #expect(entry.fields.map(\.key) == ["type", "date", "weather", "caffeine-cups"])
    }

    @Test func ratingMapsAndListsAreChecked() {
        let entry = parse("""
        ---
        type: thought-record
        date: 2026-11-18 21:00
        emotions: {anxious: 80, ashamed: 120}
        emotions-after: 40
        flags: {triggered: yes}
        ---
        """)
        #expect(messages(entry).count == 3)
        #expect(messages(entry).contains { $0.contains("emotions.ashamed should be a number from 0 to 100, but it is 120") })
        #expect(messages(entry).contains { $0.contains("emotions-after should list each one") })
        #expect(messages(entry).contains { $0.contains("flags should be a list of words") })
    }

    @Test func titleFallsBackFromFieldToHeadingToFileName() {
        #expect(parse("---\ntitle: From field\n---\n# From heading\n").title == "From field")
        #expect(parse("## Not level one\n# From heading\n").title == "From heading")
        #expect(parse("no heading\n", path: "notes/grocery-list.md").title == "grocery-list")
    }

    @Test func privacyFollowsTheFieldThenTheVaultDefault() {
        #expect(parse("---\nprivate: true\n---\n").isPrivate)
        #expect(!parse("---\nprivate: false\n---\n").isPrivate)
        #expect(!parse("plain\n").isPrivate)
        #expect(EntryParser.parse(path: "a.md", text: "plain\n", options: .init(privateByDefault: true)).isPrivate)
        #expect(!EntryParser.parse(path: "a.md", text: "---\nprivate: false\n---\n", options: .init(privateByDefault: true)).isPrivate)
        // An unreadable private flag keeps the entry private rather than leaking it.
        #expect(parse("---\nprivate: [maybe]\n---\n").isPrivate)
    }

    @Test func hugeAndNonFiniteNumbersAreErrorsNotCrashes() {
        let entry = parse("---\ntype: mood\ndate: 2026-11-20\nmood: 1e400\ndistress: .nan\nhelpful: .inf\n---\n")
        #expect(entry.diagnostics.count == 3)
        #expect(entry.diagnostics.allSatisfy { $0.severity == .error })
    }
}
