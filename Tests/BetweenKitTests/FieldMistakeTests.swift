import Foundation
import Testing
@testable import BetweenCore
@testable import BetweenIndex
@testable import BetweenKit

/// Hand-written mistakes that would silently lose what a person meant: a list written
/// with commas, a number in quotes, a misspelt field name, a value typed after a comment.
@Suite struct FieldMistakeTests {
    private func parse(_ frontMatter: String, body: String = "", path: String = "journal/entry.md") -> Entry {
        EntryParser.parse(path: path, text: "---\n\(frontMatter)\n---\n\(body)")
    }

    private func messages(_ entry: Entry) -> [String] {
        entry.diagnostics.map(\.message)
    }

    // MARK: - Lists written with commas

    @Test func aListWrittenWithCommasIsReadAsAListEverywhere() throws {
        let entry = parse("type: mood\ndate: 2026-11-20 21:40\nmood: 3\nflags: triggered, overwhelmed\ntags: sleep, win,",
                          body: "The supermarket again. Left the trolley and went home.\n")
        #expect(entry.diagnostics.isEmpty, "no warning: it is read as meant")
        #expect(entry.flags == ["triggered", "overwhelmed"])
        #expect(entry["tags"] == .list([.string("sleep"), .string("win")]))
        // The digest's rules see both flags.
        #expect(Set(RaiseRules.flags(entry).map(\.kind)) == [.triggered, .overwhelmed])
        // The query language sees both, as the reference evaluator does.
        let queue = try QueryIndex.make([entry])
        let compiler = QueryCompiler(context: QueryTests.context)
        for query in ["flags has overwhelmed", "flags = triggered", "tags has win"] {
            #expect(try QueryIndex.paths(queue, compiler.compile(query)) == [entry.path], "\(query)")
            #expect(QueryOracle(context: QueryTests.context).matches(try QueryParser.parse(query), entry), "\(query)")
        }
        #expect(try QueryIndex.paths(queue, compiler.compile("flags = 'triggered, overwhelmed'")).isEmpty)
        // And so does the JSON of `list`.
        #expect(EntryJSON.record(entry).serialized(pretty: false).contains(#""flags":["triggered","overwhelmed"]"#))
    }

    @Test func diaryCardListsAreReadTheSameWay() {
        let card = parse("type: diary-card\ndate: 2026-11-21\nurges: {self-harm: 2, avoid: 4}\nacted-on: avoid, self-harm\nskills: wise mind, TIPP")
        #expect(card.diagnostics.isEmpty)
        #expect(card.words("skills") == ["wise mind", "tipp"])
        #expect(RaiseRules.actedOn(card) == ["avoid", "self-harm"])
        #expect(RaiseRules.risks(card, riskUrges: VaultConfig.defaultRiskUrges).contains { $0.text.contains("acted on the urge “self-harm”") })
    }

    @Test func commasStayInBracketedListsTextFieldsAndKeysOfOnesOwn() {
        let entry = parse("type: mood\ndate: 2026-11-20\ntitle: Bus, again\ntags: [\"rain, cold\", win]\npeople: Sam, Jo\nflags: ','")
        #expect(entry.title == "Bus, again")
        #expect(entry.tags == ["rain, cold", "win"])
        #expect(entry["people"] == .string("Sam, Jo"))
        #expect(entry["flags"] == .list([]), "nothing but a comma is no flags")
    }

    // MARK: - Numbers in quotes

    @Test func aQuotedNumberCountsAsTheNumberWithAWarningToRemoveTheQuotes() throws {
        let entry = parse("type: mood\ndate: 2026-11-20 21:40\ndistress: \"80\"\nmood: '2.5'")
        #expect(entry.diagnostics.map(\.summary) == [
            "journal/entry.md:4:11: warning: distress is written as text (\"80\"); remove the quotes so it is a number (Between reads it as 80 all the same)",
            "journal/entry.md:5:7: warning: mood is written as text (\"2.5\"); remove the quotes so it is a number (Between reads it as 2.5 all the same)",
        ])
        #expect(entry.number("distress") == 80 && entry.number("mood") == 2.5)
        // Fail-safe: the high distress is raised with the therapist.
        #expect(RaiseRules.distress(entry, VaultConfig.Thresholds()).map(\.kind) == [.highDistress])
        let queue = try QueryIndex.make([entry])
        #expect(try QueryIndex.paths(queue, QueryCompiler(context: QueryTests.context).compile("distress >= 70")) == [entry.path])
    }

    @Test func quotedAnswersAndNamedRatingsAreNumbersToo() throws {
        let measure = parse("type: measure\ninstrument: phq9\ndate: 2026-11-23\nitems: [\"1\", \"2\", 1, 0, 1, 1, 0, 0, \"1\"]")
        #expect(messages(measure) == ["3 answers in items are written as text (\"1\", \"2\", \"1\"); remove the quotes (Between reads them as numbers all the same)"])
        #expect(MeasureScore(measure)?.total == 7)
        #expect(RaiseRules.questionNine(measure) == 1, "a quoted answer to question 9 is never ignored")
        let record = parse("type: thought-record\ndate: 2026-11-20\nemotions: {anxious: \"80\", sad: 30}")
        #expect(messages(record) == ["emotions.anxious is written as text (\"80\"); remove the quotes so it is a number (Between reads it as 80 all the same)"])
        #expect(record["emotions"]?["anxious"] == .int(80))
    }

    @Test func aWrongNumberInQuotesIsAnErrorAboutTheNumberAndTheQuotes() {
        let entry = parse("type: exposure\ndate: 2026-11-20\ndistress: \"600\"\nminutes: \"7.5\"\nmood: 1e400\nhelpful: \"high\"")
        #expect(messages(entry) == [
            "distress should be a number from 0 to 100, but it is 600 (written as text, \"600\": remove the quotes too)",
            "minutes should be a whole number from 0 to 100000, but it is 7.5 (written as text, \"7.5\": remove the quotes too)",
            "mood should be a number from 0 to 10, but 1e400 is far too large",
            "helpful should be a number from 0 to 10, but it is 'high'",
        ])
        #expect(entry.hasErrors)
    }

    // MARK: - Misspelt field names

    @Test(arguments: [
        ("type: mood\ndate: 2026-11-20\nhomwork: bus-exposure", "homwork", "homework", ""),
        ("type: mood\ndate: 2026-11-20\ndistres: 60", "distres", "distress", ""),
        ("type: mood\ndate: 2026-11-20\nMood: 5", "Mood", "mood", " (keys are case-sensitive)"),
        ("type: mood\ndate: 2026-11-20\nMood:", "Mood", "mood", " (keys are case-sensitive)"),
        ("type: exposure\ndate: 2026-11-20\nsuds_peak: 70", "suds_peak", "suds-peak", ""),
        ("type: exposure\ndate: 2026-11-20\n\"Suds Peak\": 70", "Suds Peak", "suds-peak", ""),
        ("type: mood\ndate: 2026-11-20\ntag: win", "tag", "tags", ""),
        ("Type: mood\ndate: 2026-11-20", "Type", "type", " (keys are case-sensitive)"),
        ("type: homework\nfrequncy: daily", "frequncy", "frequency", ""),
        ("type: diary-card\ndate: 2026-11-20\nurge: {avoid: 3}", "urge", "urges", ""),
    ])
    func aKeyCloseToAFieldIsWarnedAboutAtTheKey(_ frontMatter: String, _ key: String, _ field: String, _ why: String) {
        let entry = parse(frontMatter)
        let line = frontMatter.split(separator: "\n").firstIndex { $0.hasPrefix(key) || $0.hasPrefix("\"\(key)\"") }! + 2
        #expect(entry.diagnostics.map(\.summary) == [
            "journal/entry.md:\(line):1: warning: '\(key)' is not a field Between knows\(why), so its value is kept but not used; did you mean '\(field)'? Write the key as `\(field)`",
        ])
    }

    @Test func keysOfOnesOwnAndFieldsOfOtherTypesAreLeftAlone() {
        let entry = parse("""
        type: mood
        date: 2026-11-20 21:40
        mood: 4
        food: pasta
        mode: calm
        sleep: 7
        time: 19:30
        energy: low
        suds-peak: 40
        id: evening
        distres:
        homewrk:
        Notes: rang Mum
        """)
        #expect(entry.diagnostics.isEmpty, "\(messages(entry))")
        let homework = parse("type: homework\nmood: 5\ndue: 2026-12-01")
        #expect(homework.diagnostics.isEmpty, "a common field on an assignment is its own business")
    }

    @Test func aLookAlikeOfPrivateGetsOnlyThePrivacyWarning() {
        for key in ["Private", "privte", "PRIVATE", "pirvate"] {
            let entry = parse("type: mood\ndate: 2026-11-20\n\(key): false")
            #expect(entry.isPrivate, "\(key)")
            #expect(entry.diagnostics.count == 1, "\(key): \(messages(entry))")
            #expect(messages(entry).first?.contains("looks like `private`") == true, "\(key)")
        }
    }

    // MARK: - Values typed after a comment

    @Test func aValueAfterAFieldsCommentIsWarnedAboutAtTheValue() {
        let entry = parse("""
        type: mood
        date: 2026-11-20 21:40
        mood:   # 0–10, overall mood 5
        fit:             # 0–10, how well this homework suits me 3.5
        flags: []        # triggered, overwhelmed, skipped, unsafe, or any word overwhelmed
        tags: []         # free words, e.g. [win, sleep] walks
        private: false   # true keeps this out of digests and exports; false shares it
        """)
        #expect(entry.diagnostics.map(\.summary) == [
            "journal/entry.md:4:30: warning: the 5 after # is a comment, so mood is empty; write `mood: 5`",
            "journal/entry.md:5:58: warning: the 3.5 after # is a comment, so fit is empty; write `fit: 3.5`",
            "journal/entry.md:6:73: warning: the 'overwhelmed' after # is a comment, so flags is empty; write `flags: [overwhelmed]`",
            "journal/entry.md:7:50: warning: the 'walks' after # is a comment, so tags is empty; write `tags: [walks]`",
        ])
        #expect(entry.number("mood") == nil && entry.flags.isEmpty, "a comment is never read as a value")
    }

    @Test func anAssignmentsAndAQuestionnairesCommentsToo() {
        let homework = parse("""
        type: homework
        due:             # the day it is due, e.g. 2026-12-15 (blank: no end date) 2026-12-20
        frequency:       # daily, weekdays, N/week (e.g. 3/week), N/day, once or as-needed 3/week
        expects:         # the kind of entry a practice produces: mood, reflection, thought-record, exposure, activity, diary-card, measure
        goal:            # what this assignment is for, in a sentence
        """)
        #expect(homework.diagnostics.map(\.summary) == [
            "journal/entry.md:3:76: warning: the '2026-12-20' after # is a comment, so due is empty; write `due: 2026-12-20`",
            "journal/entry.md:4:84: warning: the '3/week' after # is a comment, so frequency is empty; write `frequency: 3/week`",
        ])
        let measure = parse("""
        type: measure
        instrument: phq9
        date: 2026-11-23
        # Write your answer after each dash.
        items:
          - 1  # 1. Little interest or pleasure in doing things
          - 2
          - 1
          - 1
          - 0
          - 1
          - 0
          -    # 8. Moving or speaking so slowly that other people could have noticed 0
          -    # 9. Thoughts that you would be better off dead or of hurting yourself in some way 2
        """)
        let comments = measure.diagnostics.filter { $0.message.contains("after #") }.map(\.summary)
        #expect(comments == [
            "journal/entry.md:14:79: warning: the 0 after # is a comment, so question 8 has no answer; write `- 0`",
            "journal/entry.md:15:91: warning: the 2 after # is a comment, so question 9 has no answer; write `- 2`",
        ])
    }

    @Test func templatesAsWrittenAndCommentsOfOnesOwnAreNotValues() throws {
        // A fresh note of every kind: no comment is taken for a value, no key for a misspelling.
        let values = EntryTemplate.Values(date: EntryDate(year: 2026, month: 11, day: 20, hour: 19, minute: 30),
                                          title: "Bus", homework: "bus-exposure", id: "bus-exposure", crisisLine: "116 123")
        for kind in EntryKind.all {
            let entry = EntryParser.parse(path: "x.md", text: try EntryTemplate.render(kind, values: values, store: TemplateStore()))
            let mistaken = entry.diagnostics.filter { $0.message.contains("after # is a comment") || $0.message.contains("is not a field") }
            #expect(mistaken.isEmpty, "\(kind.name): \(mistaken.map(\.message))")
        }
        let own = parse("""
        type: session
        date: 2026-11-20
        next:            # the date of the next session, e.g. 2026-11-27
        mood:            # 0 to 10
        distress:        # 60
        helpful:         # out of 10
        fit: 4           # 0–10, how well the homework suits me 5
        functioning:     # how I managed, 0–10, at most 10
        situation:       # where I was 5
        tags: []         # my own words here
        """)
        #expect(own.diagnostics.isEmpty, "\(messages(own))")
    }

    @Test func onlyYAMLCommentsAreRead() {
        let toml = EntryParser.parse(path: "t.md", text: "+++\ntype = \"mood\"\ndate = 2026-11-20\ntitle = \"# 5\"\n+++\n")
        #expect(toml.diagnostics.isEmpty)
        let json = EntryParser.parse(path: "j.md", text: "{\"type\": \"mood\", \"date\": \"2026-11-20\", \"mood\": null}\n# 0–10, overall mood 5\n")
        #expect(json.diagnostics.isEmpty)
    }

    // MARK: - Hostile input

    @Test func hugeOddAndHostileLinesAreHandledWithoutCrashing() {
        let longKey = String(repeating: "homework", count: 120) // YAML keys end at 1024 characters
        let longComment = String(repeating: "0–10, overall mood ", count: 20_000) + "5"
        let entry = parse("""
        type: mood
        date: 2026-11-20
        \(longKey): 1
        mood:   # \(longComment)
        "fit # 3":   # 0–10, how well this homework suits me 3
        "a \\" b":   # 4
        distress: [ ]   # 0–100, how distressing it felt (SUDS) 70
        helpful: {}   # 5
        functioning:\t#\t0–10, how well I managed daily life (work, sleep, chores)\t6
        flags: [] # ### ## #
        """)
        let summaries = entry.diagnostics.map(\.summary)
        #expect(summaries.contains { $0.hasPrefix("journal/entry.md:5:") && $0.contains("the 5 after # is a comment, so mood is empty") })
        #expect(summaries.contains { $0.hasPrefix("journal/entry.md:8:57:") && $0.contains("so distress is empty") })
        #expect(summaries.contains { $0.hasPrefix("journal/entry.md:10:74:") && $0.contains("so functioning is empty; write `functioning: 6`") })
        #expect(summaries.filter { $0.contains("after #") }.count == 3, "a lone number and keys of one's own are left alone: \(summaries.map { $0.prefix(200) })")
        #expect(!summaries.contains { $0.contains("\(longKey.prefix(50))") }, "a key far longer than any field is nobody's typo")
        // CRLF line ends and a byte-order mark keep the columns.
        let crlf = EntryParser.parse(path: "c.md", text: "\u{FEFF}---\r\ntype: mood\r\ndate: 2026-11-20\r\nmood:   # 0–10, overall mood 5\r\n---\r\n")
        #expect(crlf.diagnostics.map(\.summary) == ["c.md:4:30: warning: the 5 after # is a comment, so mood is empty; write `mood: 5`"])
    }
}
