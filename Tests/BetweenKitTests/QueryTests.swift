import Foundation
import GRDB
import Testing
@testable import BetweenCore
@testable import BetweenIndex
@testable import BetweenKit

/// The query language: parsing, errors, compiling to SQL, and agreement with a reference evaluator.
@Suite struct QueryTests {
    static let context = QueryContext(today: EntryDate(year: 2026, month: 11, day: 25),
                                      lastSession: EntryDate(year: 2026, month: 11, day: 17))

    /// Queries mixing every kind of field, value and operator.
    static let oracleQueries = [
        "type = thought-record and distress >= 70 and date >= 2026-11-01",
        "type = mood",
        "TYPE = Mood", // a field name is case-sensitive: TYPE is an (unknown) front-matter key
        "type = MOOD",
        "distress > 50 and distress <= 80",
        "mood = 7",
        "mood >= 6.5 AND mood < 9",
        "mood = high or mood ~ ig",
        "date <= 2026-11-20",
        "date < 2026-11-20T19:30",
        "date = 2026-11-20 or date = 2026-10-14T19:15",
        "date >= -7d",
        "date >= last-session and date < today",
        "day = yesterday or day = today or day = +1d",
        "day >= 2026-11-20T12:00 and day < -1w",
        "week = 2026-W46 or week = today",
        "week >= 2026-w45 and week <= 2026-w47",
        "flags has triggered",
        "flags has triggered and not flags has skipped",
        "flags != triggered",
        "flags exists and not flags ~ e",
        "emotions.anxious > 50",
        "emotions exists and not emotions.sad exists",
        "emotions.sad in (10, 20, 30) or emotions.angry = quite",
        "emotions.mixed.calm >= 50",
        "type in (mood, exposure, \"thought-record\")",
        "title ~ bus",
        "title ~ \"*day\" or title ~ 'b?s*'",
        "title ~ \"50%\" or title ~ under_score or title ~ '\\\\'",
        "title = \"o'brien call\" or title < m",
        "text ~ panic and not text ~ supermarket",
        "title ~ über or text ~ ÜBER",
        "title ~ Über",
        "title = 'ÜBER ANXIOUS'",
        "not date >= 2026-11-01 and not (week = 2026-W46 or day < 2026-10-15)",
        "not words > 100 and not private = true",
        "distress exists and not mood exists",
        "not distress >= 50",
        "distress != 70 and mood != 7",
        "(type = mood or type = exposure) and (distress >= 60 or flags has overwhelmed)",
        "not (type = mood or type = session) and distress < 30 or mood <= 2",
        "homework = breathing-478 or homework = thought-records",
        "homework ~ '*-*' and homework in (bus-exposure, \"Thought-Records\")",
        "words > 100",
        "words <= 20 or words = 150",
        "private = true",
        "private = 1 or private = no",
        "path ~ \"journal/2026/11/*\" and date exists",
        "path ~ sessions",
        "tags has work or tags has WIN",
        "\"date\" exists and not date exists",
        "\"type\" = weird-type",
        "due <= 2026-11-20 or due > 2026-11-21T08:00",
        "due = soon or due ~ 11-2",
        "done = true or done = 0",
        "\"a'b\" = 1 or \"x;DROP TABLE record\" exists",
        "not (type = note) and not date exists",
        "nosuchfield = 5 or not nosuchfield = 6",
        "title = 5 or words = 3 or date = 20",
        "mood ~ 6 and not mood = 6",
        // A number field compared with another: their numbers, not the text of the name.
        "mood < distress",
        "distress != mood or emotions.anxious > emotions.sad",
        "not emotions.sad >= emotions.anxious",
        "mood = \"distress\" or mood <= mood",
        "\"mood\" > helpful or flags = mood or title ~ mood",
        "suds-peak > suds-after and suds-before >= suds-peak",
    ]

    private func checkAgainstOracle(_ entries: [Entry], minimumInteresting: Int) throws {
        let queue = try QueryIndex.make(entries)
        let compiler = QueryCompiler(context: Self.context)
        let oracle = QueryOracle(context: Self.context)
        var interesting = 0
        for query in Self.oracleQueries {
            let expression = try QueryParser.parse(query)
            let sql = try QueryIndex.paths(queue, compiler.compile(expression))
            let expected = entries.filter { oracle.matches(expression, $0) }.map(\.path).sorted()
            #expect(sql == expected, "\(query): SQL found \(sql.count), oracle \(expected.count); only SQL: \(Set(sql).subtracting(expected).sorted().prefix(5)), only oracle: \(Set(expected).subtracting(sql).sorted().prefix(5))")
            if !expected.isEmpty, expected.count < entries.count { interesting += 1 }
        }
        #expect(interesting >= minimumInteresting, "only \(interesting) queries told records apart")
    }

    @Test func sqlAgreesWithTheReferenceEvaluatorOnTheExampleVault() throws {
        let example = try TemporaryVault.copyOfExample()
        defer { example.remove() }
        let entries = example.load().entries
        #expect(entries.count > 50)
        try checkAgainstOracle(entries, minimumInteresting: 25)
    }

    @Test func sqlAgreesWithTheReferenceEvaluatorOnAGeneratedVault() throws {
        let entries = GeneratedVault.entries(count: 400, seed: 20261125)
        try checkAgainstOracle(entries, minimumInteresting: 45)
    }

    @Test func generatedVaultHasTheValuesTheQueriesNeed() throws {
        // Guards the generator: if it stops producing these, the oracle test proves less.
        let entries = GeneratedVault.entries(count: 400, seed: 20261125)
        #expect(entries.contains { $0.date == nil && $0.fields.contains { $0.key == "date" } })
        #expect(entries.contains { $0.date?.hasTime == true } && entries.contains { $0.date?.hasTime == false })
        #expect(entries.contains { $0[("emotions")]?["mixed"] != nil })
        #expect(entries.contains { $0.title.contains("Über") } && entries.contains { $0.title.contains("%") })
        #expect(entries.contains { $0["mood"] == .double(7) } && entries.contains { $0["mood"] == .int(7) })
        // A number in quotes is read as the number in a known number field (`mood: '7'`), stays text in a key of one's own.
        #expect(entries.contains { $0["a'b"] == .string("1") } && entries.contains { $0["a'b"] == .int(2) })
    }
}

// MARK: - Meaning of single queries

extension QueryTests {
    private static let notes: [String: String] = [
        "a.md": "---\ntype: mood\ndate: 2026-11-20T19:30\nmood: 7.0\ndistress: 80\nflags: [Triggered, skipped]\n"
            + "emotions:\n  anxious: 75\ntitle: Bus Ride\n---\nShort body here.\n",
        "b.md": "---\ntype: mood\ndate: 2026-11-20\nmood: 7\ndistress: 30\nflags: overwhelmed\n---\n"
            + String(repeating: "word ", count: 120) + "\n",
        "c.md": "---\ntype: thought-record\ndate: 2026-11-21 08:00\nmood: '12'\nemotions:\n  anxious: 40\n"
            + "\"a'b\": 1\n\"x;DROP TABLE record\": yes\ntitle: \"x' OR 1=1 --\"\n---\nAbout the 50% bus_stop.\n",
        "d.md": "# Just a note\n\nNo front matter at all, with twenty words in it to compare against one hundred as text would sort.\n",
    ]

    private func run(_ query: String, context: QueryContext = QueryTests.context) throws -> [String] {
        let entries = Self.notes.map { EntryParser.parse(path: $0.key, text: $0.value) }
        let queue = try QueryIndex.make(entries)
        return try QueryIndex.paths(queue, QueryCompiler(context: context).compile(query))
    }

    /// Case is ignored by Unicode's rules, not only for A–Z: in computed fields (title,
    /// path, text) as in front-matter values.
    @Test func caseIsIgnoredBeyondASCII() throws {
        let entries = [
            EntryParser.parse(path: "Tagebuch/ärger.md", text: "---\ntype: reflection\ndate: 2026-11-20\ntitle: Ärger im Büro\n"
                              + "feeling: ÜBERFORDERT\n---\nEin Tag voller ÄRGER, und dann ein ÉTÉ-Lied.\n"),
            EntryParser.parse(path: "calm.md", text: "---\ntype: reflection\ndate: 2026-11-21\ntitle: Calm\n---\nQuiet.\n"),
        ]
        let queue = try QueryIndex.make(entries)
        func run(_ query: String) throws -> [String] {
            try QueryIndex.paths(queue, QueryCompiler(context: Self.context).compile(query))
        }
        #expect(try run("title ~ ärger") == ["Tagebuch/ärger.md"])
        #expect(try run("title = 'ärger im büro'") == ["Tagebuch/ärger.md"])
        #expect(try run("path ~ tagebuch/ÄRGER") == ["Tagebuch/ärger.md"])
        #expect(try run("text ~ été") == ["Tagebuch/ärger.md"])
        #expect(try run("feeling = überfordert") == ["Tagebuch/ärger.md"])
        #expect(try run("not text ~ ärger") == ["calm.md"])
    }

    @Test func numbersCompareAsNumbersAndTextIgnoresCase() throws {
        #expect(try run("mood = 7") == ["a.md", "b.md"]) // 7.0 and 7
        #expect(try run("mood > 10") == ["c.md"])         // '12' reads as a number
        #expect(try run("words > 100") == ["b.md"])       // "20" > "100" as text, not as numbers
        #expect(try run("words < 100") == ["a.md", "c.md", "d.md"])
        #expect(try run("flags has TRIGGERED") == ["a.md"])
        #expect(try run("flags = triggered") == ["a.md"])
        #expect(try run("Type = mood") == [])             // field names are case-sensitive
        #expect(try run("type = MOOD AND title ~ bus") == ["a.md"])
        #expect(try run("title = 'BUS RIDE'") == ["a.md"])
        #expect(try run("emotions.anxious > 50") == ["a.md"])
    }

    @Test func datesCompareByDayOrByTime() throws {
        #expect(try run("date <= 2026-11-20") == ["a.md", "b.md"]) // includes 19:30 that day
        #expect(try run("date < 2026-11-20T19:30") == ["b.md"])
        #expect(try run("date = 2026-11-20T19:30") == ["a.md"])
        #expect(try run("date >= today") == [])
        #expect(try run("date >= -5d") == ["a.md", "b.md", "c.md"])
        #expect(try run("date >= -4d") == ["c.md"])
        #expect(try run("date >= last-session and day < -4d") == ["a.md", "b.md"])
        #expect(try run("week = 2026-W47") == ["a.md", "b.md", "c.md"])
        #expect(try run("not date exists") == ["d.md"])
        #expect(try run("not date < 2026-11-21") == ["c.md", "d.md"]) // an undated record does not match, so `not` does
    }

    @Test func notEqualNeedsTheFieldWhileNotDoesNot() throws {
        #expect(try run("flags != skipped") == ["b.md"])
        #expect(try run("not flags has skipped") == ["b.md", "c.md", "d.md"])
        #expect(try run("distress != 80") == ["b.md"])
    }

    @Test func precedenceIsNotThenAndThenOr() throws {
        #expect(try run("type = note or type = mood and distress > 50") == ["a.md", "d.md"])
        #expect(try run("(type = note or type = mood) and distress > 50") == ["a.md"])
        #expect(try run("not type = mood and date exists") == ["c.md"])
        #expect(try run("not (type = mood and date exists)") == ["c.md", "d.md"])
        #expect(try run("NOT NOT type = note") == ["d.md"])
    }

    @Test func containsEscapesLikeAndGlobsOnlyWithWildcards() throws {
        #expect(try run("text ~ '50%'") == ["c.md"])
        #expect(try run("text ~ '%'") == ["c.md"])
        #expect(try run("text ~ b_s") == [])          // `_` is not a wildcard (bus would match)
        #expect(try run("text ~ bus_stop") == ["c.md"])
        #expect(try run("title ~ 'bus*'") == ["a.md"]) // a glob covers the whole value
        #expect(try run("title ~ 'ride*'") == [])
        #expect(try run("title ~ '*r?de'") == ["a.md"])
        #expect(try run("path ~ '?.md'") == ["a.md", "b.md", "c.md", "d.md"])
    }

    @Test func valuesAndFieldNamesAreBoundNotSpliced() throws {
        #expect(try run("title = \"x' OR 1=1 --\"") == ["c.md"])
        #expect(try run("title = \"y' OR 1=1 --\"") == [])
        #expect(try run("\"a'b\" = 1") == ["c.md"])
        #expect(try run("\"x;DROP TABLE record\" = yes") == ["c.md"])
        #expect(try run("\"x;DROP TABLE record\" exists or \"') OR 1=1 --\" exists") == ["c.md"])
        #expect(try run("'x\\' OR 1=1 --' exists") == [])
        let filter = try QueryCompiler(context: Self.context).compile("title = \"x' OR 1=1 --\" or \"x;DROP TABLE record\" = 1").sql
        #expect(!filter.sql.contains("DROP") && !filter.sql.contains("1=1") && !filter.sql.contains("'x"))
        let entries = Self.notes.map { EntryParser.parse(path: $0.key, text: $0.value) }
        let queue = try QueryIndex.make(entries)
        _ = try QueryIndex.paths(queue, filter)
        #expect(try queue.read { try $0.tableExists("record") && Int.fetchOne($0, sql: "SELECT count(*) FROM record") == 4 })
    }

    @Test func aFieldNoRecordHasMatchesNothingAndIsReported() throws {
        #expect(try run("distres >= 70") == [])
        let entries = Self.notes.map { EntryParser.parse(path: $0.key, text: $0.value) }
        let queue = try QueryIndex.make(entries)
        let expression = try QueryParser.parse("distres >= 70 and emotions exists and emotions.anxious > 1 and emotions.anxiuos > 1 "
                                               + "and words > 1 and \"words\" > 1 and distres < 5")
        let unknown = try queue.read { try UnknownFields.find(expression.fields, in: $0) }
        #expect(unknown.map(\.field.name) == ["distres", "emotions.anxiuos", "words"])
        #expect(unknown.first?.suggestion == "distress")
        #expect(unknown.first?.error.column == 1)
        #expect(unknown.first?.error.hint?.contains("did you mean 'distress'?") == true)
        #expect(unknown[1].suggestion == "emotions.anxious")
        #expect(unknown[1].error.message == "no record has a field 'emotions.anxiuos'")
    }

    @Test func lastSessionWithoutASessionIsAClearError() throws {
        let compiler = QueryCompiler(context: QueryContext(today: EntryDate(year: 2026, month: 11, day: 25)))
        #expect(throws: QuerySyntaxError.self) { try compiler.compile("date >= -7d and date >= last-session") }
        do {
            _ = try compiler.compile("date >= -7d and date >= last-session")
        } catch {
            #expect(error.message.contains("there is no session before today yet"))
            #expect(error.column == 25)
        }
    }

    @Test func lastSessionComesFromTheIndex() throws {
        let queue = try QueryIndex.make([
            EntryParser.parse(path: "s1.md", text: "---\ntype: session\ndate: 2026-11-03\n---\n"),
            EntryParser.parse(path: "s2.md", text: "---\ntype: session\ndate: 2026-11-17 14:00\n---\n"),
            EntryParser.parse(path: "s3.md", text: "---\ntype: session\ndate: 2026-11-25\n---\n"),
        ])
        let last = try queue.read { try Sessions.last(before: EntryDate(year: 2026, month: 11, day: 25), visibleTo: .owner, in: $0) }
        #expect(last?.sortKey == "2026-11-17T14:00:00")
        let none = try queue.read { try Sessions.last(before: EntryDate(year: 2026, month: 11, day: 3), visibleTo: .owner, in: $0) }
        #expect(none == nil)
    }

    @Test func relativeDatesAndValueKinds() throws {
        let expression = try QueryParser.parse("a = -7d or a = +3d or a = -2w or a = today or a = YESTERDAY or a = last-session "
                                               + "or a = 70 or a = -3 or a = 6.5 or a = 2026-11-01 or a = 2026-11-01T19:30 "
                                               + "or a = thought-record or a = '70' or a = 1e5 or a = -7x")
        let kinds = Self.values(expression).map(\.kind)
        #expect(kinds == [.relative(.days(-7)), .relative(.days(3)), .relative(.days(-14)), .relative(.days(0)),
                          .relative(.days(-1)), .relative(.lastSession), .number(70), .number(-3), .number(6.5),
                          .date(try DateParser.parse("2026-11-01")), .date(try DateParser.parse("2026-11-01T19:30")),
                          .text, .text, .text, .text])
    }

    private static func values(_ expression: QueryExpression) -> [QueryValue] {
        switch expression {
        case .condition(let condition):
            switch condition.test {
            case .compare(_, let value), .has(let value): [value]
            case .isIn(let values): values
            case .exists: []
            }
        case .not(let inner): values(inner)
        case .and(let left, let right), .or(let left, let right): values(left) + values(right)
        }
    }
}

// MARK: - Syntax errors

extension QueryTests {
    private func syntaxError(_ query: String) -> QuerySyntaxError? {
        do {
            _ = try QueryParser.parse(query)
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: [
        ("type = mood and distress >=", "expected a value after '>='", 28, "compare with a number or a date"),
        ("(type = mood and distress > 5", "this '(' is never closed", 1, "add ')'"),
        ("type = mood and (distress > 5 or (mood < 3)", "this '(' is never closed", 17, "add ')'"),
        ("type = mood)", "this ')' has no '(' before it", 12, "remove it"),
        ("distress => 70", "unknown operator '=>'", 10, "did you mean '>='? write distress >= 70"),
        ("mood == 5", "unknown operator '=='", 6, "did you mean '='? write mood = 5"),
        ("mood <> 5", "unknown operator '<>'", 6, "did you mean '!='?"),
        ("title !~ bus", "unknown operator '!~'", 7, "not (title ~ bus)"),
        ("type = mood distress > 5", "unexpected 'distress' after a complete condition", 13, "'and' or 'or'"),
        ("date >= 2026-11-20 19:30", "unexpected '19:30' after a complete condition", 20, "2026-11-20T19:30"),
        ("type in ()", "the list after 'in' is empty", 9, "type in (mood, reflection)"),
        ("type in (mood, )", "expected a value after ','", 16, "type in (mood, reflection)"),
        ("type in (mood reflection)", "expected ',' or ')' in the list, found 'reflection'", 15, "commas"),
        ("type in (mood", "this '(' is never closed", 9, "')'"),
        ("type in mood", "expected '(' after 'in'", 9, "type in (mood, reflection)"),
        ("title = \"unclosed", "this quote is never closed", 9, "matching \""),
        ("title = 'it\\'s", "this quote is never closed", 9, "matching '"),
        ("date >= 2026-13-45", "'2026-13-45' is not a real date: there is no month 13", 9, "YYYY-MM-DD"),
        ("date >= 2026-02-30", "'2026-02-30' is not a real date: month 2 of 2026 has 28 days", 9, "YYYY-MM-DD"),
        ("date >= 2026-11-01T25:00", "is not a real date", 9, "YYYY-MM-DD"),
        ("70 < distress", "expected a field name, found the value '70'", 1, "put the field first"),
        ("type = mood and", "expected a condition after 'and'", 16, "e.g."),
        ("thought-record", "expected an operator after 'thought-record'", 15, "type = thought-record"),
        ("type = mood and anxious", "expected an operator after 'anxious'", 24, "anxious exists"),
        ("distress 70", "expected an operator after 'distress', found '70'", 10, "distress = value"),
        ("type = and", "expected a value after '='", 8, "quote it"),
        ("and = 5", "expected a field name, found 'and'", 1, "quote a field name"),
        ("= mood", "expected a field name, found '='", 1, "starts with a field"),
        ("", "the query is empty", 1, "e.g."),
        ("not", "expected a condition after 'not'", 4, "e.g."),
        ("()", "expected a field name, found ')'", 2, "starts with a field"),
    ])
    func syntaxErrorsSayWhatAndWhere(_ query: String, _ message: String, _ column: Int, _ hint: String) throws {
        let error = try #require(syntaxError(query), "\(query) should not parse")
        #expect(error.message.contains(message), "\(query): \(error.message)")
        #expect(error.column == column, "\(query): column \(error.column)")
        #expect(error.hint?.contains(hint) == true, "\(query): \(error.hint ?? "no hint")")
    }

    /// Found by the query fuzzer: 9,000 '(' overflowed the stack of the recursive parser.
    /// Nesting and length are bounded, with a message, and a query at the bounds still runs.
    @Test func deepOrLongQueriesAreRefusedNotCrashed() throws {
        for hostile in [String(repeating: "(", count: 9_000), String(repeating: "(", count: 100_000) + "a = 1",
                        String(repeating: "not ", count: 50_000) + "a = 1"] {
            #expect { try QueryParser.parse(hostile) } throws: { error in
                (error as? QuerySyntaxError)?.message == "the query is nested more than 32 levels deep (brackets and 'not')"
            }
        }
        let deepest = String(repeating: "(", count: 30) + "mood = 7" + String(repeating: ")", count: 30) // 32 levels with the "not"
        #expect(try run("not " + deepest) == ["c.md", "d.md"])
        #expect(throws: QuerySyntaxError.self) { try QueryParser.parse("not not " + deepest) }
        #expect(try run(String(repeating: "not ", count: 30) + "(mood = 7)") == ["a.md", "b.md"])
        let longest = Array(repeating: "mood = 7", count: 200).joined(separator: " and ")
        #expect(try run(longest) == ["a.md", "b.md"])
        #expect(try run(Array(repeating: "distress > 200", count: 199).joined(separator: " or ") + " or mood = 12") == ["c.md"])
        #expect { try QueryParser.parse(longest + " and mood = 7") } throws: { error in
            (error as? QuerySyntaxError)?.message == "the query has more than 200 conditions"
        }
    }

    @Test func renderingShowsTheQueryWithACaret() throws {
        let error = try #require(syntaxError("type = mood and distress >="))
        #expect(error.render(query: "type = mood and distress >=") == """
            between: error: expected a value after '>='
              type = mood and distress >=
                                         ^
            hint: compare with a number or a date, e.g. distress >= 70

            """)
        let tabbed = try #require(syntaxError("mood\t== 5"))
        #expect(tabbed.render(query: "mood\t== 5").contains("  mood == 5\n       ^\n"))
    }

    @Test func aLongQueryIsShownAroundTheProblemOnly() throws {
        func lines(_ query: String) throws -> (shown: String, caret: String) {
            let error = try #require(syntaxError(query))
            let printed = error.render(query: query).split(separator: "\n", omittingEmptySubsequences: false)
            return (String(printed[1].dropFirst(2)), String(printed[2].dropFirst(2)))
        }
        // The caret under a problem in the middle of 9,000 characters, cut both sides.
        let long = "title ~ \"" + String(repeating: "a worry I keep having ", count: 200) + "\""
        let (shown, caret) = try lines(long + " and distress >=> 3 and " + long)
        #expect(shown.count == QuerySyntaxError.shownWidth + 2)
        #expect(shown.hasPrefix("…") && shown.hasSuffix("…"))
        #expect(Array(shown)[caret.count - 1] == ">" && caret.hasSuffix("^"))
        // Missing at the end: the end is shown, the caret one past it.
        let (tail, tailCaret) = try lines(long + " and distress >=")
        #expect(tail.hasPrefix("…") && tail.hasSuffix("distress >="))
        #expect(tailCaret.count == tail.count + 1)
        // At the start: nothing cut before.
        let (head, headCaret) = try lines(">= 3 and " + long)
        #expect(!head.hasPrefix("…") && head.hasSuffix("…") && headCaret == "^")
    }

    @Test func keywordsIgnoreCaseAndQuotesHaveEscapes() throws {
        let expression = try QueryParser.parse("NOT a EXISTS And (b HAS x Or c IN (\"q \\\" r\", 's\\\\t'))")
        let b = QueryCondition(field: QueryField(name: "b", column: 19), test: .has(QueryValue(written: "x", kind: .text, column: 25)))
        let c = QueryCondition(field: QueryField(name: "c", column: 30), test: .isIn([
            QueryValue(written: "q \" r", kind: .text, column: 36), QueryValue(written: "s\\t", kind: .text, column: 46),
        ]))
        let a = QueryCondition(field: QueryField(name: "a", column: 5), test: .exists)
        #expect(expression == .and(.not(.condition(a)), .or(.condition(b), .condition(c))))
        let quotedField = try QueryParser.parse("\"emotions after.x\" = 'a b'")
        #expect(quotedField.fields == [QueryField(name: "emotions after.x", quoted: true, column: 1)])
        #expect(quotedField.fields.first?.computed == nil)
        #expect(try QueryParser.parse("\"date\" exists").fields.first?.computed == nil)
        #expect(try QueryParser.parse("date exists").fields.first?.computed == .date)
    }
}

// MARK: - Sorting

extension QueryTests {
    private func sorted(_ spec: String) throws -> [String] {
        let entries = Self.notes.map { EntryParser.parse(path: $0.key, text: $0.value) }
        let queue = try QueryIndex.make(entries)
        let order = RecordOrder.sorted(try QuerySortParser.parse(spec)).sql
        return try queue.read { db in
            try String.fetchAll(db, sql: "SELECT r.path FROM record r ORDER BY \(order.sql), r.path", arguments: order.arguments)
        }
    }

    @Test func sortsByComputedAndFrontMatterFieldsWithMissingValuesLast() throws {
        #expect(try sorted("date") == ["b.md", "a.md", "c.md", "d.md"])
        #expect(try sorted("-date") == ["c.md", "a.md", "b.md", "d.md"])
        #expect(try sorted("-distress") == ["a.md", "b.md", "c.md", "d.md"])
        #expect(try sorted("distress") == ["b.md", "a.md", "c.md", "d.md"])
        #expect(try sorted("mood,-words") == ["b.md", "a.md", "c.md", "d.md"]) // 7 (b has more words), 7.0, '12'
        #expect(try sorted("-mood") == ["c.md", "a.md", "b.md", "d.md"])
        #expect(try sorted("type, -path") == ["b.md", "a.md", "d.md", "c.md"]) // mood, note, thought-record
        #expect(try sorted("title") == ["b.md", "a.md", "d.md", "c.md"]) // b (the file name), bus ride, just a note, x' or…
        #expect(try sorted("+\"a'b\",path") == ["c.md", "a.md", "b.md", "d.md"])
        #expect(try sorted("emotions.anxious") == ["c.md", "a.md", "b.md", "d.md"])
        #expect(try sorted("flags") == ["b.md", "a.md", "c.md", "d.md"]) // first item: overwhelmed < triggered
    }

    @Test func sortListsAreCheckedAndBoundNotSpliced() throws {
        let order = RecordOrder.sorted(try QuerySortParser.parse("-\"x;DROP TABLE record\", date")).sql
        #expect(!order.sql.contains("DROP"))
        #expect(try sorted("-\"x;DROP TABLE record\", date") == ["c.md", "b.md", "a.md", "d.md"])
        let keys = try QuerySortParser.parse("-distress, +date,title")
        #expect(keys == [QuerySortKey(field: QueryField(name: "distress", column: 2), descending: true),
                         QuerySortKey(field: QueryField(name: "date", column: 13)),
                         QuerySortKey(field: QueryField(name: "title", column: 18))])
        for (spec, column, message) in [("", 1, "the sort list is empty"), ("date,,title", 6, "expected a field name"),
                                        ("date title", 6, "expected ',' between sort fields"), ("date,", 6, "found nothing"),
                                        ("-", 2, "found nothing"), ("-,date", 2, "found nothing"), ("date >", 6, "expected ','")] {
            do {
                _ = try QuerySortParser.parse(spec)
                Issue.record("\(spec) should not parse")
            } catch {
                #expect(error.column == column, "\(spec): \(error.column)")
                #expect(error.message.contains(message), "\(spec): \(error.message)")
            }
        }
    }
}
