import Testing
@testable import BetweenCore
@testable import BetweenKit

/// The Markdown body: libcmark events turned into sections, questions, tasks and links.
@Suite struct MarkdownTests {
    // MARK: Title and sections

    @Test func titleIsTheFirstLevelOneHeadingNotAnEarlierLevelTwo() {
        let body = BodyParser.parse("""
            ## Week 3 homework

            # Sitting with the *worry*

            # Another big heading
            """)
        #expect(body.firstHeading == "Sitting with the worry")
    }

    @Test func noLevelOneHeadingMeansNoTitle() {
        #expect(BodyParser.parse("## Only a subheading\n\nSome notes.").firstHeading == nil)
        #expect(BodyParser.parse("Just a line about the walk.").firstHeading == nil)
    }

    @Test func sectionsKeepHeadingLevelTextAndFilePosition() {
        let body = BodyParser.parse("""
            Felt wobbly this morning.

            # Thought record
            ## Situation
            Waiting for the bus, my *manager* **didn't** reply.
            Kept checking my phone.

            ## Evidence against
            She is often slow on Mondays.

            > A friend said it's probably nothing.
            """, lineOffset: 4)
        #expect(body.sections.map(\.heading) == ["", "Thought record", "Situation", "Evidence against"])
        #expect(body.sections.map(\.level) == [0, 1, 2, 2])
        #expect(body.sections[0].text == "Felt wobbly this morning.")
        #expect(body.sections[0].position == SourcePosition(line: 5, column: 1))
        #expect(body.sections[1].text == "")
        #expect(body.sections[1].position == SourcePosition(line: 7, column: 1))
        // Soft break → space; emphasis markers gone.
        #expect(body.sections[2].text == "Waiting for the bus, my manager didn't reply. Kept checking my phone.")
        #expect(body.sections[3].text == "She is often slow on Mondays.\n\nA friend said it's probably nothing.")
    }

    @Test func noLeadSectionWithoutTextBeforeTheFirstHeading() {
        let body = BodyParser.parse("<!-- private -->\n\n# Mood\n\nOkay today.")
        #expect(body.sections.map(\.heading) == ["Mood"])
        #expect(body.sections[0].text == "Okay today.")
    }

    @Test func plainTextDropsMarkupAndKeepsCodeAndBreaks() {
        let body = BodyParser.parse("""
            # Grounding

            Named *five* things I could see <span>and</span> `5-4-3-2-1`.\\
            Then breathed.

            - tea
            - the cat

            ```
            box breathing: 4 in, 4 hold
            ```
            """)
        #expect(body.plainText == """
            Grounding

            Named five things I could see and 5-4-3-2-1.
            Then breathed.

            tea
            the cat

            box breathing: 4 in, 4 hold
            """)
    }

    @Test func listItemTextExcludesItsSubItems() {
        let body = BodyParser.parse("""
            ## Questions
            - Sleep
              - Why do I wake at four?
            """)
        #expect(body.questions.map(\.text) == ["Sleep", "Why do I wake at four?"])
        #expect(body.questions.map(\.position.line) == [2, 3])
        #expect(body.sections[0].text == "Sleep\nWhy do I wake at four?")
    }

    // MARK: Questions

    @Test func questionSentencesInParagraphsWithFilePositions() {
        // Body line 3 with five lines of front matter before it is file line 8.
        let body = BodyParser.parse("""
            # Exposure log

            Rode two stops on the tram. Is it normal that the dread peaks before I get on? I think so!
            """, lineOffset: 5)
        #expect(body.questions == [
            Question(text: "Is it normal that the dread peaks before I get on?", section: "Exposure log",
                     position: SourcePosition(line: 8, column: 1)),
        ])
    }

    @Test func listItemsEndingInAQuestionMark() {
        let body = BodyParser.parse("""
            ## Notes
            - slept badly again
            - should I keep the diary on weekends?
            - Tried the breathing. Does it matter if I do it lying down? Felt okay.
            """, lineOffset: 2)
        #expect(body.questions.map(\.text) == [
            "should I keep the diary on weekends?",
            "Does it matter if I do it lying down?",
        ])
        #expect(body.questions.map(\.position) == [SourcePosition(line: 5, column: 1), SourcePosition(line: 6, column: 1)])
        #expect(body.questions.allSatisfy { $0.section == "Notes" })
    }

    @Test func everyItemUnderAQuestionsHeadingIsAQuestionOnce() {
        let body = BodyParser.parse("""
            ## For next session:
            - the argument with Sam
            - why do Sundays feel worse?

            ## Bring up
            1. stopping the evening walks

            ## Groceries
            - oat milk
            """, lineOffset: 3)
        #expect(body.questions.map(\.text) == [
            "the argument with Sam", "why do Sundays feel worse?", "stopping the evening walks",
        ])
        #expect(body.questions.map(\.section) == ["For next session:", "For next session:", "Bring up"])
        #expect(body.questions[0].position == SourcePosition(line: 5, column: 1))
    }

    @Test func questionsHeadingsAreMatchedLiberallyButOnWholeWords() {
        for heading in ["Questions", "QUESTIONS FOR NEXT SESSION", "Things to discuss", "To bring up!",
                        "For my therapist", "Ask", "Questions for Dr. Mendes:", "Next session",
                        "Bring up — Zoë’s visit", "À demander / to ask", "ASK 🙂"] {
            let body = BodyParser.parse("## \(heading)\n- feeling flat after visits home")
            #expect(body.questions.count == 1, "heading \(heading)")
        }
        for heading in ["PHQ-9 questionnaire", "Tasks", "Session notes", "Basket weaving", "Sessions", "Questionable"] {
            let body = BodyParser.parse("## \(heading)\n- feeling flat after visits home")
            #expect(body.questions.isEmpty, "heading \(heading)")
        }
    }

    @Test func subheadingsOfAQuestionsSectionStillCollectItems() {
        let body = BodyParser.parse("## Questions\n### Work\n- the new rota\n## Diary\n- walked")
        #expect(body.questions.map(\.text) == ["the new rota"])
        #expect(body.questions.first?.section == "Work")
    }

    @Test func questionMarksInCodeAndURLsAreNotQuestions() {
        let body = BodyParser.parse("""
            Tried `grep -c worry? notes.txt` on my diary. Saw <https://example.org/why?> online.
            Read [the leaflet](https://nhs.example/leaflet?id=4) too.

            - the site https://example.org/faq?x
            - set a `timer?`
            """)
        #expect(body.questions.isEmpty)
    }

    @Test func aRepeatedSentenceInOneParagraphIsOneQuestion() {
        let body = BodyParser.parse("Why me? I keep asking it. Why me?\n\nWhy me?")
        #expect(body.questions.map(\.text) == ["Why me?", "Why me?"])
        #expect(body.questions.map(\.position.line) == [1, 3])
    }

    @Test func abbreviationsDoNotSplitAQuestion() {
        let body = BodyParser.parse("Should I tell Dr. Okafor about the panic on the train?")
        #expect(body.questions.map(\.text) == ["Should I tell Dr. Okafor about the panic on the train?"])
    }

    @Test func hardBreaksEndSentences() {
        let body = BodyParser.parse("Things I noticed  \nwhy do I always apologise?")
        #expect(body.questions.map(\.text) == ["why do I always apologise?"])
    }

    // MARK: Tasks

    @Test func tasksWithOpenAndDoneBoxes() {
        let body = BodyParser.parse("""
            ## This week
            - [ ] call the GP about sleep
            - [x] three-minute breathing space
            - [X]   walk after lunch
            - [y] not a box
            - [ ]
            """, lineOffset: 1)
        #expect(body.tasks.map(\.text) == ["call the GP about sleep", "three-minute breathing space", "walk after lunch", ""])
        #expect(body.tasks.map(\.done) == [false, true, true, false])
        #expect(body.tasks[1].position == SourcePosition(line: 4, column: 1))
        #expect(body.questions.isEmpty)
    }

    @Test func aTaskIsAQuestionOnlyWhenItAsksOrIsUnderQuestions() {
        let body = BodyParser.parse("""
            - [ ] ask whether to keep the thought records?
            - [ ] book the next appointment

            ## To discuss
            - [x] the weekend plan
            """)
        #expect(body.tasks.count == 3)
        #expect(body.questions.map(\.text) == ["ask whether to keep the thought records?", "the weekend plan"])
    }

    // MARK: Links and counts

    @Test func linksAndAutolinksWithTextAndPosition() {
        let body = BodyParser.parse("""
            # Resources
            The [worry tree](https://example.org/worry-tree) helped, see also <https://example.org/sleep>.

            > Mail <sam@example.com> about the *café* [group](https://example.org/group).
            ![a photo](photo.jpg)
            """, lineOffset: 2)
        #expect(body.links.map(\.destination) == [
            "https://example.org/worry-tree", "https://example.org/sleep",
            "mailto:sam@example.com", "https://example.org/group",
        ])
        #expect(body.links.map(\.text) == ["worry tree", "https://example.org/sleep", "sam@example.com", "group"])
        #expect(body.links[0].position == SourcePosition(line: 4, column: 5))
        #expect(body.links[2].position.line == 6)
    }

    @Test func wordCountCountsRunsOfNonWhitespace() {
        let body = BodyParser.parse("""
            # Mood check-in

            Tired but *okay* —   went\u{00A0}outside.
            """)
        // "Mood" "check-in" "Tired" "but" "okay" "—" "went" "outside." (NBSP separates)
        #expect(body.wordCount == 8)
        #expect(BodyParser.parse("").wordCount == 0)
    }

    /// The byte-level count agrees with splitting on Unicode's White_Space property,
    /// over text mixing ASCII, accents, CJK, emoji and every kind of space.
    @Test func wordCountAgreesWithUnicodeWhitespace() {
        let pieces = ["a", "word", "café", "—", "日本語", "🙂", "x\u{0301}", "\u{0085}", "\u{00A0}", "\u{1680}", "\u{2003}",
                      "\u{200A}", "\u{200B}", "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "\u{3000}", "\u{FEFF}",
                      " ", "  ", "\t", "\n", "\r\n", "\u{0B}", "\u{0C}", "\u{7F}", "\u{00}", "é", "\u{E2}"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...40, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let expected = text.unicodeScalars.split(whereSeparator: { $0.properties.isWhitespace }).count
            #expect(MarkdownText.wordCount(text) == expected, "\(Array(text.unicodeScalars))")
        }
    }

    @Test func columnsCountCharactersNotBytes() {
        let body = BodyParser.parse("Café — [link](https://example.org)")
        #expect(body.links.first?.position == SourcePosition(line: 1, column: 8))
    }

    // MARK: Hostile input

    @Test func tenThousandNestedBlockQuotes() {
        let body = BodyParser.parse(String(repeating: "> ", count: 10_000) + "deep?")
        #expect(body.plainText.hasSuffix("deep?"))
        #expect(body.questions.map(\.text) == ["deep?"])
    }

    @Test func tenThousandNestedListItems() {
        let body = BodyParser.parse(String(repeating: "- ", count: 10_000) + "[x] deep")
        #expect(body.tasks.map(\.text) == ["deep"])
        let ordered = BodyParser.parse("## Questions\n" + String(repeating: "1. ", count: 10_000) + "innermost")
        #expect(ordered.questions.map(\.text) == ["innermost"])
    }

    @Test func aOneMegabyteLine() {
        let line = String(repeating: "so tired *today* `x?` ", count: 50_000)
        let body = BodyParser.parse(line + "why?")
        #expect(body.wordCount == 200_001)
        #expect(body.questions.count == 1)
        #expect(body.questions.first?.text.hasSuffix("x? why?") == true)
    }

    @Test func nulBytesBecomeReplacementCharacters() {
        let body = BodyParser.parse("# Night\0notes\n\nwoke at 3\0am [log](x.md)")
        #expect(body.firstHeading == "Night\u{FFFD}notes")
        #expect(body.sections.first?.text == "woke at 3\u{FFFD}am log")
        #expect(body.links.first?.position == SourcePosition(line: 3, column: 14))
    }

    @Test func emptyAndBlankBodies() {
        #expect(BodyParser.parse("") == Body.empty)
        #expect(BodyParser.parse("   \n\n\t \n", lineOffset: 3) == Body.empty)
    }

    @Test func crlfLineEndingsAreLikeLF() {
        let crlf = BodyParser.parse("# Evening\r\n\r\nWas it the coffee?\r\nMaybe.\r\n- [ ] less coffee\r\n", lineOffset: 2)
        let lf = BodyParser.parse("# Evening\n\nWas it the coffee?\nMaybe.\n- [ ] less coffee\n", lineOffset: 2)
        #expect(crlf == lf)
        #expect(crlf.questions.first?.position == SourcePosition(line: 5, column: 1))
        #expect(crlf.tasks.first?.position == SourcePosition(line: 7, column: 1))
    }

    @Test func parsesConcurrently() async {
        let note = "# Day \(1)\n\nWhy now? [log](a.md)\n\n- [ ] rest\n"
        let expected = BodyParser.parse(note, lineOffset: 4)
        let results = await withTaskGroup(of: Body.self) { group in
            for _ in 0..<32 { group.addTask { BodyParser.parse(note, lineOffset: 4) } }
            return await group.reduce(into: [Body]()) { $0.append($1) }
        }
        #expect(results.count == 32)
        #expect(results.allSatisfy { $0 == expected })
        #expect(expected.questions.map(\.text) == ["Why now?"])
    }
}
