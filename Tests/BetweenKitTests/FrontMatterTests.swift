import Foundation
import Testing
@testable import BetweenCore
@testable import BetweenKit

@Suite struct FrontMatterTests {
    // MARK: - Helpers

    private func parse(_ lines: [String], separator: String = "\n") -> SplitSource {
        FrontMatterParser.parse(lines.joined(separator: separator))
    }

    private func fields(_ split: SplitSource) -> [String] {
        split.frontMatter?.fields.map(\.key) ?? []
    }

    private func onlyError(_ split: SplitSource, sourceLocation: SourceLocation = #_sourceLocation) -> Diagnostic? {
        #expect(split.diagnostics.count == 1, "\(split.diagnostics.map(\.summary))", sourceLocation: sourceLocation)
        let diagnostic = split.diagnostics.first
        #expect(diagnostic?.severity == .error, sourceLocation: sourceLocation)
        #expect(diagnostic?.path == "", sourceLocation: sourceLocation)
        return diagnostic
    }

    private func date(_ value: FieldValue?) -> EntryDate? {
        if case .date(let date) = value { return date }
        return nil
    }

    // MARK: - The three forms

    @Test func jekyllStyleYAMLWithNestedMapsAndLists() throws {
        let split = parse([
            "---",
            "type: thought-record",
            "date: 2026-11-20 19:30",
            "homework: thought-record-daily",
            "situation: Manager asked to \"have a quick chat\" tomorrow",
            "emotions:",
            "  anxious: 80",
            "  ashamed: 40",
            "emotions-after: {anxious: 45, ashamed: 20}",
            "flags: [triggered]",
            "tags:",
            "  - work",
            "  - catastrophising",
            "---",
            "## Automatic thoughts",
            "I'm going to be let go.",
        ])
        #expect(split.diagnostics.isEmpty)
        #expect(split.hasFrontMatter)
        let frontMatter = try #require(split.frontMatter)
        #expect(frontMatter.format == .yaml)
        #expect(fields(split) == ["type", "date", "homework", "situation", "emotions", "emotions-after", "flags", "tags"])
        #expect(frontMatter["situation"] == .string("Manager asked to \"have a quick chat\" tomorrow"))
        #expect(frontMatter["emotions"]?["anxious"] == .int(80))
        #expect(frontMatter["emotions"] == .map([FieldPair(key: "anxious", value: .int(80)), FieldPair(key: "ashamed", value: .int(40))]))
        #expect(frontMatter["emotions-after"]?["ashamed"] == .int(20))
        #expect(frontMatter["flags"] == .list([.string("triggered")]))
        #expect(frontMatter["tags"] == .list([.string("work"), .string("catastrophising")]))
        // Positions are file positions: the YAML starts on file line 2.
        #expect(frontMatter.pair("type")?.keyPosition == SourcePosition(line: 2, column: 1))
        #expect(frontMatter.pair("type")?.valuePosition == SourcePosition(line: 2, column: 7))
        #expect(frontMatter.pair("tags")?.keyPosition == SourcePosition(line: 11, column: 1))
        guard case .map(let emotions) = frontMatter["emotions"] else { Issue.record("emotions is not a map"); return }
        #expect(emotions[1].keyPosition == SourcePosition(line: 8, column: 3))
        #expect(emotions[1].valuePosition == SourcePosition(line: 8, column: 12))
        #expect(split.body == "## Automatic thoughts\nI'm going to be let go.")
        #expect(split.bodyLineOffset == 14)
    }

    @Test func obsidianStyleProperties() throws {
        let split = parse([
            "---",
            "tags:",
            "  - homework",
            "  - breathing",
            "aliases:",
            "  - 4-7-8 breathing",
            "cssclasses:",
            "  - wide-page",
            "assigned: 2026-11-03",
            "due: 2026-11-17T09:00",
            "reviewed: 2026-11-20T21:15:30+13:00",
            "status: active",
            "private: false",
            "---",
            "Breathe in for 4, hold for 7, out for 8. Four rounds, twice a day.",
        ])
        #expect(split.diagnostics.isEmpty)
        let frontMatter = try #require(split.frontMatter)
        #expect(frontMatter["tags"] == .list([.string("homework"), .string("breathing")]))
        #expect(frontMatter["aliases"] == .list([.string("4-7-8 breathing")]))
        #expect(frontMatter["cssclasses"] == .list([.string("wide-page")]))
        let assigned = try #require(date(frontMatter["assigned"]))
        #expect(assigned.dayString == "2026-11-03")
        #expect(!assigned.hasTime)
        let due = try #require(date(frontMatter["due"]))
        #expect((due.hour, due.minute, due.utcOffsetMinutes) == (9, 0, nil))
        let reviewed = try #require(date(frontMatter["reviewed"]))
        #expect((reviewed.day, reviewed.hour, reviewed.minute, reviewed.second) == (20, 21, 15, 30))
        #expect(reviewed.utcOffsetMinutes == 13 * 60)
        #expect(frontMatter["private"] == .bool(false))
        #expect(split.bodyLineOffset == 14)
    }

    @Test func hugoYAML() throws {
        let split = parse([
            "---",
            "title: \"Opposite action: going to the market\"",
            "date: 2026-11-20T19:30:00+13:00",
            "draft: false",
            "params:",
            "  suds-before: 70",
            "  suds-after: 35",
            "---",
            "Went anyway. Stayed 20 minutes.",
        ])
        let frontMatter = try #require(split.frontMatter)
        #expect(frontMatter["title"] == .string("Opposite action: going to the market"))
        #expect(date(frontMatter["date"])?.utcOffsetMinutes == 780)
        #expect(frontMatter["params"]?["suds-after"] == .int(35))
        #expect(split.body == "Went anyway. Stayed 20 minutes.")
    }

    @Test func hugoTOML() throws {
        let split = parse([
            "+++",
            "title = \"Exposure: supermarket at rush hour\"",
            "date = 2026-11-20T19:30:00+13:00",
            "written = 2026-11-20T23:30:00",
            "assigned = 2026-11-03",
            "reminder = 07:45:00",
            "minutes = 25",
            "distress = 62.5",
            "private = true",
            "tags = [\"exposure\", \"shops\"]",
            "suds = { before = 75, peak = 85, after = 40 }",
            "",
            "[params]",
            "therapist = \"Dr. Aroha Ngata\"",
            "next-session = 2026-11-24",
            "+++",
            "Stayed until the anxiety came down by half.",
        ])
        #expect(split.diagnostics.isEmpty, "\(split.diagnostics.map(\.summary))")
        let frontMatter = try #require(split.frontMatter)
        #expect(frontMatter.format == .toml)
        // toml++ sorts keys; Between restores the written order of top-level keys.
        #expect(fields(split) == ["title", "date", "written", "assigned", "reminder", "minutes", "distress",
                                  "private", "tags", "suds", "params"])
        #expect(frontMatter["title"] == .string("Exposure: supermarket at rush hour"))
        let offsetTime = try #require(date(frontMatter["date"]))
        #expect((offsetTime.day, offsetTime.hour, offsetTime.minute, offsetTime.utcOffsetMinutes) == (20, 19, 30, 780))
        let localTime = try #require(date(frontMatter["written"]))
        #expect((localTime.day, localTime.hour, localTime.minute, localTime.utcOffsetMinutes) == (20, 23, 30, nil))
        #expect(localTime.dayString == "2026-11-20")
        let localDate = try #require(date(frontMatter["assigned"]))
        #expect(localDate.dayString == "2026-11-03" && !localDate.hasTime)
        #expect(frontMatter["reminder"] == .string("07:45:00"))
        #expect(frontMatter["minutes"] == .int(25))
        #expect(frontMatter["distress"] == .double(62.5))
        #expect(frontMatter["private"] == .bool(true))
        #expect(frontMatter["tags"] == .list([.string("exposure"), .string("shops")]))
        #expect(frontMatter["suds"]?["peak"] == .int(85))
        #expect(frontMatter["params"]?["therapist"] == .string("Dr. Aroha Ngata"))
        #expect(date(frontMatter["params"]?["next-session"])?.dayString == "2026-11-24")
        #expect(frontMatter.pair("minutes")?.keyPosition == SourcePosition(line: 7, column: 1))
        #expect(frontMatter.pair("minutes")?.valuePosition == SourcePosition(line: 7, column: 11))
        #expect(frontMatter.pair("params")?.keyPosition == SourcePosition(line: 13, column: 2))
        #expect(split.body == "Stayed until the anxiety came down by half.")
        #expect(split.bodyLineOffset == 16)
    }

    /// Every JSON type comes back as itself: a whole number that fits is an Int (even
    /// written `1.0` or `1e2`), anything else a Double, `true` a Bool and never 1, text
    /// never a number or a Bool.
    @Test func jsonValuesKeepTheirTypes() throws {
        let split = FrontMatterParser.parse("""
            {"a": 1, "b": -0, "c": 1.0, "d": 1e2, "e": 1.5e300, "f": 9223372036854775807, "g": 9223372036854775808,
             "i": true, "j": false, "k": [0, 1, true, "1", {"x": false}], "l": {}, "m": [], "n": 1e400,
             "o": -1.0e-5, "q": "true", "r": 2E-1, "s": -0.0, "t": null,
             "u": -9223372036854775808, "v": -9223372036854775809, "w": "a\\u0000b", "x": 1E2}
            Body
            """)
        #expect(split.diagnostics.isEmpty)
        let values = try #require(split.frontMatter).fields.map(\.value)
        #expect(values == [
            .int(1), .int(0), .int(1), .int(100), .double(1.5e300), .int(Int.max), .double(9223372036854775808),
            .bool(true), .bool(false), .list([.int(0), .int(1), .bool(true), .string("1"), .map([FieldPair(key: "x", value: .bool(false))])]),
            .map([]), .list([]), .string("1e400"), .double(-1e-5), .string("true"), .double(0.2), .int(0), .null,
            // Foundation reads -2^63 itself as a Double, like anything beyond.
            .double(-9223372036854775808), .double(-9223372036854775808), .string("a\u{0}b"), .int(100),
        ])
    }

    /// JSON lets an object name a key twice and a parser keeps one value silently; like
    /// YAML and TOML, Between refuses it, at any depth, pointing at the second one.
    @Test func aJSONKeyWrittenTwiceInOneObjectIsAnErrorAtAnyDepth() throws {
        for (lines, line, column, message) in [
            (["{", "  \"type\": \"mood\",", "  \"mood\": 3,", "  \"mood\": 4", "}"], 4, 3, "the key 'mood' is written twice in the front matter (first on line 3)"),
            (["{\"type\": \"mood\",", " \"urges\": {\"avoid\": 3,", "  \"avoid\": 5}}"], 3, 3, "the key 'avoid' is written twice in one object (first on line 2)"),
            (["{\"type\": \"note\", \"days\": [{\"k\": 1}, {\"k\": 2, \"\\u006b\": 3}]}"], 1, 46, "the key 'k' is written twice in one object (first on line 1)"),
        ] {
            let split = parse(lines + ["", "Body"])
            #expect(split.frontMatter == nil, "\(lines)")
            let diagnostic = onlyError(split)
            #expect(diagnostic?.message.hasPrefix(message) == true, "\(diagnostic?.message ?? "none")")
            #expect(diagnostic?.position == SourcePosition(line: line, column: column), "\(lines)")
            #expect(split.body == "\nBody")
        }
        // The same name in different objects, or as a value, is no repetition.
        let fine = parse(["{\"type\": \"note\", \"a\": {\"k\": 1}, \"b\": {\"k\": \"k\"}, \"c\": [{\"k\": 1}, {\"k\": 2}], \"k\": [\"k\", \"k\"]}", "", "Body"])
        #expect(fine.diagnostics.isEmpty, "\(fine.diagnostics.map(\.summary))")
        #expect(fine.frontMatter?["c"] == .list([.map([FieldPair(key: "k", value: .int(1))]), .map([FieldPair(key: "k", value: .int(2))])]))
    }

    @Test func hugoJSON() throws {
        let split = parse([
            "{",
            "  \"type\": \"activity\",",
            "  \"date\": \"2026-11-20T19:30:00+13:00\",",
            "  \"activity\": \"Walked to the beach with Mere\",",
            "  \"mastery\": 6,",
            "  \"pleasure\": 7.5,",
            "  \"skills\": [\"opposite action\", \"check the facts\"],",
            "  \"urges\": {\"withdraw\": 3, \"argue\": 1},",
            "  \"private\": false,",
            "  \"note\": null,",
            "  \"bad-date\": \"2026-13-45\"",
            "}",
            "",
            "Felt lighter afterwards.",
        ])
        #expect(split.diagnostics.isEmpty, "\(split.diagnostics.map(\.summary))")
        let frontMatter = try #require(split.frontMatter)
        #expect(frontMatter.format == .json)
        #expect(fields(split) == ["type", "date", "activity", "mastery", "pleasure", "skills", "urges", "private", "note", "bad-date"])
        #expect(date(frontMatter["date"])?.hour == 19)
        #expect(frontMatter["mastery"] == .int(6))
        #expect(frontMatter["pleasure"] == .double(7.5))
        #expect(frontMatter["skills"] == .list([.string("opposite action"), .string("check the facts")]))
        // Nested JSON objects come back sorted by key.
        #expect(frontMatter["urges"] == .map([FieldPair(key: "argue", value: .int(1)), FieldPair(key: "withdraw", value: .int(3))]))
        #expect(frontMatter["private"] == .bool(false))
        #expect(frontMatter["note"] == .null)
        #expect(frontMatter["bad-date"] == .string("2026-13-45"))
        #expect(frontMatter.pair("mastery")?.keyPosition == SourcePosition(line: 5, column: 3))
        #expect(frontMatter.pair("mastery")?.valuePosition == SourcePosition(line: 5, column: 14))
        #expect(split.body == "\nFelt lighter afterwards.")
        #expect(split.bodyLineOffset == 12)
    }

    @Test func everyTOMLSyntaxFormIsAccepted() throws {
        // The syntax check in front of toml++ must not refuse valid TOML (examples from the TOML 1.0 spec).
        let split = parse([
            "+++",
            #"str1 = "I'm a string. \"You can quote me\". Name\tJos\u00E9\nLocation\tSF.""#,
            #"str2 = """"#, "Roses are red", #"Violets are blue""""#,
            #"str3 = """\"#, #"       The quick brown \"#, #"       fox.""""#,
            #"str5 = """Here are three quotation marks: ""\".""""#,
            #"str7 = """"This," she said, "is just a pointless statement.""""#,
            #"winpath = 'C:\Users\nodejs\templates'"#,
            "lines = '''", "The first newline is", "trimmed in raw strings.", "'''",
            #"quot15 = '''Here are fifteen quotation marks: """""""""""""""'''"#,
            "int1 = +99", "int2 = 1_000", "hex = 0xDEAD_BEEF", "oct = 0o755", "bin = 0b1101_0110",
            "flt1 = +1.0", "flt2 = -0.01", "flt3 = 5e+22", "flt4 = 6.626e-34", "flt5 = 224_617.445_991_228",
            "sf1 = inf", "sf2 = +inf", "sf3 = -nan",
            "odt1 = 1979-05-27T00:32:00.999999-07:00", "odt2 = 1979-05-27 07:32:00Z",
            "ldt = 1979-05-27T07:32:00", "ld = 1979-05-27", "lt = 00:32:00.999999",
            #"arr = [ [ 1, 2 ], ["a", 'b', "c"] ]"#,
            "arr2 = [", "  1,", "  2, # a comment", "]",
            #""quoted.key" = 1"#,
            #"site."google.com" = true"#,
            "point = { x = 1, y.z = 2 }  # trailing comment",
            #"[dog."tater.man"]"#, #"type.name = "pug""#,
            "[[fruits]]", #"name = "apple""#, "[[fruits]]", #"name = "banana""#,
            "+++",
        ])
        #expect(split.diagnostics.isEmpty, "\(split.diagnostics.map(\.summary))")
        let frontMatter = try #require(split.frontMatter)
        #expect(frontMatter["str1"] == .string("I'm a string. \"You can quote me\". Name\tJos\u{E9}\nLocation\tSF."))
        #expect(frontMatter["str3"] == .string("The quick brown fox."))
        // (str7's value is toml++'s business: 3.4 drops its final quote.)
        #expect(frontMatter["str7"]?.text?.hasPrefix("\"This,\" she said") == true)
        #expect(frontMatter["hex"] == .int(0xDEAD_BEEF))
        #expect(frontMatter["flt3"] == .double(5e22))
        #expect(date(frontMatter["odt1"])?.utcOffsetMinutes == -7 * 60)
        #expect(frontMatter["site"]?["google.com"] == .bool(true))
        #expect(frontMatter["fruits"] == .list([.map([FieldPair(key: "name", value: .string("apple"))]),
                                                .map([FieldPair(key: "name", value: .string("banana"))])]))
        #expect(fields(split).first == "str1")
    }

    @Test func malformedTOMLNeverReachesTOMLPlusPlus() {
        // Each of these made toml++ hit an internal assert and abort the process.
        let inputs = [
            "[}params]\nx = 1",
            #"[\params]"# + "\nx = 1",
            "s = { a =2026-13-45 1, b = [1, 2] }",
            "x =~ 1",
            "t = 07=:32:00",
            #"k = "\u+123""#,
        ]
        for input in inputs {
            let split = FrontMatterParser.parse("+++\n\(input)\n+++\nBody")
            #expect(split.frontMatter == nil, "\(input)")
            #expect(split.diagnostics.first?.message.hasPrefix("front matter is not valid TOML") == true, "\(input)")
            #expect(split.diagnostics.first?.position?.line == 2, "\(input)")
            #expect(split.body == "Body")
        }
    }

    @Test func jsonKeysWithEscapes() {
        let split = FrontMatterParser.parse(#"{"caf\u00e9": "flat white", "tab\tkey": 1}"# + "\n")
        #expect(split.diagnostics.isEmpty)
        #expect(split.frontMatter?.fields.map(\.key) == ["caf\u{E9}", "tab\tkey"])
    }

    @Test func jsonBodyOnTheClosingBracesLine() {
        let split = FrontMatterParser.parse("{\"mood\": 4} Rough morning.\nBetter by lunch.")
        #expect(split.frontMatter?["mood"] == .int(4))
        #expect(split.body == " Rough morning.\nBetter by lunch.")
        #expect(split.bodyLineOffset == 0)
    }

    @Test func braceThatIsNotJSONIsANote() {
        let split = FrontMatterParser.parse("{ a thought I keep having }\nIt isn't true.")
        #expect(!split.hasFrontMatter)
        #expect(split.body == "{ a thought I keep having }\nIt isn't true.")
    }

    @Test func unclosedJSON() {
        let split = FrontMatterParser.parse("{\"mood\": 4,\n\"note\": \"forgot to close\nthe quote}\nBody")
        #expect(split.hasFrontMatter)
        #expect(split.frontMatter == nil)
        #expect(onlyError(split)?.message.contains("never closes") == true)
        #expect(split.body.hasPrefix("{\"mood\""))
        #expect(split.bodyLineOffset == 0)
    }

    @Test func invalidJSON() {
        let split = FrontMatterParser.parse("{\"mood\": 4, \"fit\": }\nBody")
        #expect(onlyError(split)?.message.hasPrefix("front matter is not valid JSON (invalid value); ") == true)
        #expect(onlyError(split)?.position == SourcePosition(line: 1, column: 20))
        // Foundation's own sentence loses its full stop inside the parentheses.
        let surrogate = FrontMatterParser.parse("{\"note\": \"\\ud800\"}\nBody")
        #expect(onlyError(surrogate)?.message.contains(".)") == false, "\(onlyError(surrogate)?.message ?? "")")
        #expect(split.frontMatter == nil)
        #expect(split.body == "Body")
    }

    // MARK: - Values

    @Test func zonelessTimeIsKeptAsWritten() throws {
        let split = parse(["---", "date: 2026-11-20 23:30", "---", ""])
        let written = try #require(date(split.frontMatter?["date"]))
        #expect(written.dayString == "2026-11-20")
        #expect((written.hour, written.minute, written.utcOffsetMinutes) == (23, 30, nil))
        #expect(written.text == "2026-11-20 23:30")
    }

    @Test func quotedDateStaysTextUnquotedIsADate() {
        let split = parse(["---", "assigned: \"2026-11-20\"", "due: 2026-11-20", "reviewed: '2026-11-21'", "---"])
        #expect(split.frontMatter?["assigned"] == .string("2026-11-20"))
        #expect(split.frontMatter?["reviewed"] == .string("2026-11-21"))
        #expect(date(split.frontMatter?["due"])?.dayString == "2026-11-20")
    }

    @Test func impossibleDateStaysText() {
        let split = parse(["---", "date: 2026-13-45", "---"])
        #expect(split.diagnostics.isEmpty)
        #expect(split.frontMatter?["date"] == .string("2026-13-45"))
    }

    @Test func wordsStayText() {
        let split = parse(["---", "mood: high", "fit: yes", "helpful: no", "flags: [on, off]", "country: NO", "---"])
        let frontMatter = split.frontMatter
        // YAML 1.2 core schema: only true/false are booleans.
        #expect(frontMatter?["mood"] == .string("high"))
        #expect(frontMatter?["fit"] == .string("yes"))
        #expect(frontMatter?["helpful"] == .string("no"))
        #expect(frontMatter?["flags"] == .list([.string("on"), .string("off")]))
        #expect(frontMatter?["country"] == .string("NO"))
    }

    @Test func scalarsByTheCoreSchema() {
        let split = parse([
            "---",
            "a: ~", "b: null", "c:", "d: True", "e: FALSE", "f: -12", "g: +7", "h: 0x1F", "i: 0o17",
            "j: 1e3", "k: .5", "l: 3.25", "m: 99999999999999999999", "n: 1_000", "o: '7'", "p: 1:30",
            "---",
        ])
        let frontMatter = split.frontMatter
        #expect(frontMatter?["a"] == .null && frontMatter?["b"] == .null && frontMatter?["c"] == .null)
        #expect(frontMatter?["d"] == .bool(true) && frontMatter?["e"] == .bool(false))
        #expect(frontMatter?["f"] == .int(-12) && frontMatter?["g"] == .int(7))
        #expect(frontMatter?["h"] == .int(31) && frontMatter?["i"] == .int(15))
        #expect(frontMatter?["j"] == .double(1000) && frontMatter?["k"] == .double(0.5) && frontMatter?["l"] == .double(3.25))
        #expect(frontMatter?["m"] == .double(1e20))
        #expect(frontMatter?["n"] == .string("1_000"))
        #expect(frontMatter?["o"] == .string("7"))
        #expect(frontMatter?["p"] == .string("1:30"))
    }

    @Test func hugeNumbersStayText() {
        let yaml = parse(["---", "distress: 1e400", "mood: -1e400", "---"])
        #expect(yaml.frontMatter?["distress"] == .string("1e400"))
        #expect(yaml.frontMatter?["mood"] == .string("-1e400"))
        let json = FrontMatterParser.parse("{\"distress\": 1e400}\n")
        #expect(json.diagnostics.isEmpty)
        #expect(json.frontMatter?["distress"] == .string("1e400"))
    }

    @Test func nanAndInfinityAreDoubles() {
        let split = parse(["---", "a: .nan", "b: .inf", "c: -.Inf", "---"])
        #expect(split.frontMatter?["a"]?.number?.isNaN == true)
        #expect(split.frontMatter?["b"] == .double(.infinity))
        #expect(split.frontMatter?["c"] == .double(-.infinity))
    }

    @Test func tagsGivePlainData() {
        let split = parse([
            "---",
            "title: !!python/object/apply:os.system [\"rm -rf /\"]",
            "note: !custom calm down",
            "mood: !!str 7",
            "distress: !!int 40",
            "---",
        ])
        #expect(split.diagnostics.isEmpty)
        #expect(split.frontMatter?["title"] == .list([.string("rm -rf /")]))
        #expect(split.frontMatter?["note"] == .string("calm down"))
        #expect(split.frontMatter?["mood"] == .string("7"))
        #expect(split.frontMatter?["distress"] == .int(40))
    }

    @Test func aliasesExpandToPlainData() {
        let split = parse(["---", "usual: &usual [breathing, walk]", "today: *usual", "---"])
        #expect(split.diagnostics.isEmpty)
        #expect(split.frontMatter?["today"] == .list([.string("breathing"), .string("walk")]))
    }

    @Test func complexKeyIsSkippedWithAWarning() {
        let split = parse(["---", "? [a, b]", ": pair", "mood: 5", "1: first", "---"])
        #expect(fields(split) == ["mood", "1"])
        #expect(split.diagnostics.map(\.severity) == [.warning])
        #expect(split.diagnostics.first?.position == SourcePosition(line: 2, column: 3))
    }

    // MARK: - Fences

    @Test func dotsCloseYAML() {
        let split = parse(["---", "mood: 6", "...", "Body text"])
        #expect(split.frontMatter?["mood"] == .int(6))
        #expect(split.body == "Body text")
        #expect(split.bodyLineOffset == 3)
    }

    @Test func fencesMayHaveTrailingSpaces() {
        let split = parse(["---  ", "mood: 6", "--- \t", "Body"])
        #expect(split.frontMatter?["mood"] == .int(6))
        #expect(split.body == "Body")
    }

    @Test func byteOrderMarkIsSkipped() {
        let split = FrontMatterParser.parse("\u{FEFF}---\nmood: 3\n---\nHeavy day.")
        #expect(split.frontMatter?["mood"] == .int(3))
        #expect(split.frontMatter?.pair("mood")?.keyPosition == SourcePosition(line: 2, column: 1))
        #expect(split.body == "Heavy day.")
        let plain = FrontMatterParser.parse("\u{FEFF}Just a note.")
        #expect(!plain.hasFrontMatter && plain.body == "Just a note.")
    }

    @Test func crlfLineEndings() throws {
        let split = parse(["---", "mood: 5", "tags:", "  - sleep", "---", "# Sleep diary", "", "Woke at 3am again."],
                          separator: "\r\n")
        let frontMatter = try #require(split.frontMatter)
        #expect(frontMatter["mood"] == .int(5))
        #expect(frontMatter["tags"] == .list([.string("sleep")]))
        #expect(frontMatter.pair("tags")?.keyPosition == SourcePosition(line: 3, column: 1))
        #expect(split.body == "# Sleep diary\n\nWoke at 3am again.")
        #expect(split.bodyLineOffset == 5)
        let broken = parse(["---", "title: Step 2: breathe", "---", "x"], separator: "\r\n")
        #expect(onlyError(broken)?.position == SourcePosition(line: 2, column: 14))
    }

    @Test func laterDashesAreNotFrontMatter() {
        let text = "# Session notes\n\n---\nmood: 4\n---\nMore notes."
        let split = FrontMatterParser.parse(text)
        #expect(!split.hasFrontMatter)
        #expect(split.frontMatter == nil)
        #expect(split.body == text)
        #expect(split.bodyLineOffset == 0)
    }

    @Test func horizontalRulesAtTheTopAreNotFrontMatter() {
        for first in ["***", "----", "--- title", " ---", "+++ toml", "___"] {
            let split = FrontMatterParser.parse("\(first)\nmood: 4\n---\nText")
            #expect(!split.hasFrontMatter, "\(first)")
            #expect(split.diagnostics.isEmpty, "\(first)")
            #expect(split.body.hasPrefix(first))
        }
    }

    @Test func unclosedYAML() {
        let split = parse(["---", "mood: 4", "distress: 60", "", "Forgot the closing fence."])
        #expect(split.hasFrontMatter)
        #expect(split.frontMatter == nil)
        let diagnostic = onlyError(split)
        #expect(diagnostic?.message == "front matter starts with '---' on line 1 but is never closed; add a line with '---' after the last field")
        #expect(diagnostic?.position == SourcePosition(line: 1, column: 1))
        // Nothing is lost for search: the body is everything after the opening fence.
        #expect(split.body == "mood: 4\ndistress: 60\n\nForgot the closing fence.")
        #expect(split.bodyLineOffset == 1)
    }

    @Test func onlyAFence() {
        for text in ["---\n", "---"] {
            let split = FrontMatterParser.parse(text)
            #expect(split.hasFrontMatter && split.frontMatter == nil)
            #expect(onlyError(split)?.message.contains("never closed") == true)
            #expect(split.body == "")
            #expect(split.bodyLineOffset == 1)
        }
    }

    @Test func unclosedTOML() {
        let split = FrontMatterParser.parse("+++\nmood = 4\n")
        #expect(onlyError(split)?.message.contains("'+++'") == true)
        #expect(split.body == "mood = 4\n")
    }

    @Test func emptyFrontMatter() throws {
        for text in ["---\n---\nBody", "---\n\n# just a comment\n---\nBody", "---\n~\n---\nBody", "+++\n+++\nBody"] {
            let split = FrontMatterParser.parse(text)
            #expect(split.diagnostics.isEmpty, "\(text)")
            #expect(try #require(split.frontMatter).fields.isEmpty)
            #expect(split.body == "Body")
        }
    }

    @Test func noFrontMatterIsANote() {
        let split = FrontMatterParser.parse("Called Mum. It went better than I feared.\n")
        #expect(!split.hasFrontMatter && split.frontMatter == nil && split.diagnostics.isEmpty)
        #expect(split.body == "Called Mum. It went better than I feared.\n")
        #expect(split.bodyLineOffset == 0)
        #expect(FrontMatterParser.parse("").body == "")
    }

    // MARK: - Problems

    @Test func malformedYAMLPointsAtTheFileLine() {
        let split = parse([
            "---",
            "type: reflection",
            "mood: 6",
            "note: Step 2: breathe out slowly",
            "---",
            "Body",
        ])
        #expect(split.hasFrontMatter && split.frontMatter == nil)
        let diagnostic = onlyError(split)
        // YAML line 3 is file line 4; the second ':' is at column 13.
        #expect(diagnostic?.position == SourcePosition(line: 4, column: 13))
        #expect(diagnostic?.message.contains("mapping values are not allowed in this context") == true)
        #expect(diagnostic?.message.contains("needs quotes") == true)
        #expect(split.body == "Body")
    }

    @Test func unclosedQuoteInYAML() {
        let split = parse(["---", "title: \"Evening check-in", "mood: 5", "---", "Body"])
        let diagnostic = onlyError(split)
        #expect(diagnostic?.message.contains("closing quote") == true)
        #expect((diagnostic?.position?.line ?? 0) >= 2)
    }

    @Test func duplicateKeys() {
        let split = parse(["---", "mood: 4", "distress: 30", "mood: 6", "---"])
        #expect(split.frontMatter == nil)
        let diagnostic = onlyError(split)
        #expect(diagnostic?.message.contains("'mood'") == true)
        #expect(diagnostic?.message.contains("first on line 2") == true)
        #expect(diagnostic?.position == SourcePosition(line: 4, column: 1))
        let json = FrontMatterParser.parse("{\n\"mood\": 4,\n\"mood\": 6\n}\n")
        #expect(onlyError(json)?.position == SourcePosition(line: 3, column: 1))
    }

    @Test func topLevelMustBeAMapping() {
        let list = parse(["---", "- breathing", "- journaling", "---"])
        #expect(list.frontMatter == nil && list.hasFrontMatter)
        let listError = onlyError(list)
        #expect(listError?.message == "front matter must be a set of `key: value` lines, but this is a list")
        #expect(listError?.position == SourcePosition(line: 2, column: 1))
        let scalar = parse(["---", "Felt okay today", "---"])
        #expect(onlyError(scalar)?.message == "front matter must be a set of `key: value` lines, but this is text")
    }

    @Test func malformedTOMLPointsAtTheFileLine() {
        let split = parse(["+++", "mood = 4", "title = Evening walk", "+++", "Body"])
        #expect(split.frontMatter == nil)
        let diagnostic = onlyError(split)
        #expect(diagnostic?.position?.line == 3)
        #expect(diagnostic?.message.hasPrefix("front matter is not valid TOML") == true)
        #expect(split.body == "Body")
    }

    /// toml++ returns text as C strings, so an escaped NUL would silently cut a value
    /// or a key short: it is refused where it is written (at the `u` of `\u0000`) instead.
    @Test func aTOMLEscapedNULIsRefusedNotCutShort() {
        for (line, column) in [("note = \"before\\u0000after\"", 16), ("\"key\\U00000000\" = 1", 6),
                               ("note = \"\"\"\nline\\u0000\"\"\"", 6)] {
            let split = parse(["+++", "type = \"reflection\"", line, "+++", "Body"])
            #expect(split.frontMatter == nil, "\(line)")
            let diagnostic = onlyError(split)
            #expect(diagnostic?.message.contains("escapes a NUL character") == true, "\(line)")
            #expect(diagnostic?.position?.line == (line.contains("\n") ? 4 : 3), "\(line)")
            #expect(diagnostic?.position?.column == column, "\(line)")
            #expect(split.body == "Body")
        }
        // Any other escaped character is kept.
        #expect(parse(["+++", "note = \"tab\\u0009end \\U0001F331\"", "+++", "Body"]).frontMatter?.fields.first?.value == .string("tab\tend 🌱"))
    }

    @Test func frontMatterOverOneMebibyteIsNotRead() {
        let filler = String(repeating: "note: \(String(repeating: "x", count: 100))\n", count: 11_000)
        let split = FrontMatterParser.parse("---\n" + filler + "---\nStill here.")
        #expect(split.frontMatter == nil)
        #expect(onlyError(split)?.message.contains("1 MiB") == true)
        #expect(split.body == "Still here.")
    }

    // MARK: - Hostile input

    @Test(.timeLimit(.minutes(1))) func aliasBombIsBounded() {
        var lines = ["---", "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]"]
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        for (previous, name) in zip(names, names.dropFirst()) {
            lines.append("\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]")
        }
        lines += ["---", "Body"]
        let split = parse(lines)
        #expect(split.frontMatter == nil)
        #expect(onlyError(split)?.message.contains("more than 100000 values") == true)
        #expect(split.body == "Body")
    }

    @Test func aliasAsKeyIsRefusedBeforeParsing() {
        let plain = parse(["---", "big: &big [x, y]", "*big : oops", "---"])
        #expect(onlyError(plain)?.message.contains("alias '*big'") == true)
        #expect(plain.diagnostics.first?.position == SourcePosition(line: 3, column: 1))
        let inFlowKey = parse(["---", "big: &big [x, y]", "[*big, z]: oops", "---"])
        #expect(onlyError(inFlowKey)?.message.contains("alias '*big'") == true)
        let explicit = parse(["---", "big: &big [x, y]", "? *big", ": oops", "---"])
        #expect(onlyError(explicit)?.message.contains("there is a '?' on line 3") == true, "the file's line, not the front matter's")
    }

    @Test(.timeLimit(.minutes(1))) func deepFlowNestingGivesADiagnostic() {
        let depth = 10_000
        let split = FrontMatterParser.parse("---\nplan: " + String(repeating: "[", count: depth)
                                            + String(repeating: "]", count: depth) + "\n---\nBody")
        #expect(split.frontMatter == nil)
        #expect(onlyError(split)?.message.contains("nested more than 64 levels") == true)
        #expect(split.body == "Body")
    }

    @Test func moderatelyDeepNestingIsRefusedByTheConverter() {
        let yaml = FrontMatterParser.parse("---\nplan: " + String(repeating: "[", count: 100) + String(repeating: "]", count: 100) + "\n---\n")
        #expect(onlyError(yaml)?.message.contains("nested more than 64 levels") == true)
        #expect(yaml.diagnostics.first?.position?.line == 2)
        let fine = FrontMatterParser.parse("---\nplan: " + String(repeating: "[", count: 60) + String(repeating: "]", count: 60) + "\n---\n")
        #expect(fine.diagnostics.isEmpty)
    }

    @Test(.timeLimit(.minutes(1))) func deepBlockNestingGivesADiagnostic() {
        var yaml = "---\n"
        for level in 0..<1_200 { yaml += String(repeating: " ", count: level) + "k:\n" }
        let split = FrontMatterParser.parse(yaml + "---\nBody")
        #expect(split.frontMatter == nil)
        #expect(onlyError(split)?.message.contains("nested more than 64 levels") == true)
        let dashes = FrontMatterParser.parse("---\nk: \n" + String(repeating: "- ", count: 3_000) + "x\n---\n")
        #expect(dashes.frontMatter == nil && dashes.diagnostics.count == 1)
    }

    @Test(.timeLimit(.minutes(1))) func deepTOMLAndJSONNestingGiveDiagnostics() {
        let toml = FrontMatterParser.parse("+++\nplan = " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n+++\n")
        #expect(onlyError(toml)?.message.contains("nested more than 64 levels") == true)
        #expect(toml.diagnostics.first?.position?.line == 2)
        let json = FrontMatterParser.parse("{\"plan\": " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "}\n")
        #expect(onlyError(json)?.message.contains("nested more than 64 levels") == true)
        let tables = FrontMatterParser.parse("+++\n[" + (0..<100).map { "t\($0)" }.joined(separator: ".") + "]\nx = 1\n+++\n")
        #expect(onlyError(tables)?.message.contains("nested more than 64 levels") == true)
    }

    @Test(.timeLimit(.minutes(1))) func aHundredThousandKeys() {
        var yaml = "---\n"
        yaml.reserveCapacity(1_100_000)
        for index in 0..<100_000 { yaml += "k\(index): \(index % 10)\n" }
        let split = FrontMatterParser.parse(yaml + "---\nBody")
        if let frontMatter = split.frontMatter {
            #expect(frontMatter.fields.count == 100_000)
            #expect(frontMatter["k99999"] == .int(9))
        } else {
            #expect(onlyError(split) != nil)
        }
        #expect(split.body == "Body")
    }

    @Test func controlCharactersGiveADiagnostic() {
        let split = FrontMatterParser.parse("---\nmood: 4\nnote: bell\u{07}here\n---\n")
        #expect(split.frontMatter == nil)
        #expect(onlyError(split)?.position?.line == 3)
        let toml = FrontMatterParser.parse("+++\nnote = \"a\u{0}b\"\n+++\n")
        #expect(onlyError(toml)?.message.contains("NUL") == true)
    }

    @Test func unicodeLineSeparatorsKeepFilePositions() {
        // libyaml counts U+2028 as a line break; the file (and cmark) do not.
        let split = FrontMatterParser.parse("---\nnote: \"one\u{2028}two\"\nmood: 4\n---\n")
        #expect(split.frontMatter?.pair("mood")?.keyPosition == SourcePosition(line: 3, column: 1))
    }

    @Test func manyBracketsAtShallowDepthAreFine() {
        // More than 64 brackets in total, none deep: parsed (on a large stack), not refused.
        let items = (0..<80).map { "  - [\($0), \($0 + 1)]" }
        let split = parse(["---", "pairs:"] + items + ["---"])
        #expect(split.diagnostics.isEmpty)
        guard case .list(let pairs) = split.frontMatter?["pairs"] else { Issue.record("pairs is not a list"); return }
        #expect(pairs.count == 80)
    }

    /// The fast path over libyaml's events (`YAMLEventReader`) must read whatever it
    /// accepts exactly as the Yams path does, and leave everything unusual to it.
    @Test func theEventReaderAgreesWithTheYamsPath() throws {
        func blocks(_ text: String) -> [FrontMatterBlock] {
            if case .block(let block) = FrontMatterSplitter.split(FrontMatterText.normalised(text)), block.format == .yaml { return [block] }
            return []
        }
        func eventFields(_ block: FrontMatterBlock) -> [FieldPair]? {
            YAMLEventReader.fields(FrontMatterText.string(block.content), positions: YAMLPositionMap(block.content, firstLine: block.firstLine))
        }
        var texts = GeneratedVault.files(count: 600, seed: 20_261_127).map(\.text)
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for folder in ["examples/vault", "fuzz/corpus/entry", "templates"] {
            let base = root.appendingPathComponent(folder)
            for case let file as URL in FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) ?? .init()
            where file.pathExtension != "json" {
                if let data = try? Data(contentsOf: file) { texts.append(String(decoding: data, as: UTF8.self)) }
            }
        }
        let plain = [
            "a: 1\nb: -2.5e3\nc: 0x1F\nd: 0o17\ne: .inf\nf: ~\ng:\nh: true\ni: FALSE\nj: yes\nk: 2026-11-20 21:00\nl: 2026-11-20T21:00+01:00",
            "quoted: 'it''s 7'\ndouble: \"tab\\there\"\nempty: ''\n\"key with: colon\": x\n'': blank key",
            "list: [a, 'b', \"c\", 1, 2.0, ~]\nblock:\n  - one\n  -\n  - - nested\n    - list\nempty: []\nmap: {}",
            "emotions:\n  anxious: 70\n  sad: 20\n  deeper:\n    still: {x: 1, y: [2, 3]}\nafter: 1",
            "text: |\n  line one\n\n  line three\nfolded: >\n  folded\n  text\nkept: |+\n  keep\n\nstrip: >-\n  strip",
            "# a comment\nmood: 4 # trailing comment\nüber: naïve ☕️\nemoji: 😮‍💨\nspaces:    padded   ",
            "multi: this is\n  one plain\n  scalar\nurl: https://example.org/a?b=c#d\ntime: 21:00\nversion: 1.2.3",
            "",
            "# only a comment",
        ]
        let unusual = [
            "a: &x 1\nb: *x", "a: !!str 1", "a: !custom x", "a: 1\na: 2", "a: 1\n'a': 2", "? [a, b]\n: c", "[a, b]: c",
            "- a\n- b", "just text", "~", "a: [1, 2", "a:\tb: c", "a: 'unclosed", "x: !!binary aGk=",
        ]
        texts += (plain + unusual).map { "---\n" + $0 + "\n---\nbody\n" }
        var fast = 0
        for text in texts {
            for block in blocks(text) where YAMLInputGuard.check(block.content, firstLine: block.firstLine) == .safe {
                guard let fields = eventFields(block) else { continue }
                fast += 1
                let yams = YAMLFrontMatter.compose(FrontMatterText.string(block.content),
                                                   YAMLPositionMap(block.content, firstLine: block.firstLine), .frontMatter)
                // Compared as text: `.nan` is a value both read, but never equal to itself.
                #expect(yams.fields.map { "\($0)" } == "\(fields)" && yams.diagnostics.isEmpty, "\(text.debugDescription)")
            }
        }
        #expect(fast >= 600, "the fast path took only \(fast) of \(texts.count)")
        for text in plain {
            let block = try #require(blocks("---\n" + text + "\n---\n").first)
            #expect(eventFields(block) != nil, "\(text)")
        }
        for text in unusual {
            let block = try #require(blocks("---\n" + text + "\n---\n").first)
            #expect(eventFields(block) == nil, "\(text)")
        }
    }

}
