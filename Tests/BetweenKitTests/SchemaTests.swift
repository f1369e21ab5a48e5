import Foundation
import Testing
@testable import BetweenCore
@testable import BetweenKit

/// The entry templates, filled, are valid notes with every field of their type; and
/// `between schema` accepts every filled template and every file of the example vault
/// (validated with Python's `jsonschema`, which the Makefile installs).
@Suite struct SchemaTests {
    /// Values that could break YAML if pasted in as they are.
    static let values = EntryTemplate.Values(
        date: EntryDate(year: 2026, month: 11, day: 20, hour: 19, minute: 30),
        title: "Dev's \"quick chat\": 50% # not a comment", homework: "breathing-478", id: "bus-exposure",
        crisisLine: "Samaritans: 116 123")

    /// Every built-in entry template, filled, in a vault with the assignment they name.
    static func filledVault() throws -> TemporaryVault {
        var files = ["between.yml": "crisis-line: \"Samaritans: 116 123\"\n",
                     "homework/breathing-478.md": "---\ntype: homework\n---\n"]
        for kind in EntryKind.all {
            let path = EntryPath(kind: kind, date: values.date, assignmentID: values.id).relativePath(attempt: 1)
            files[path] = try EntryTemplate.render(kind, values: values, store: TemplateStore())
        }
        return try TemporaryVault(files)
    }

    @Test func everyKindHasABuiltInTemplate() {
        let names = Set(TemplateStore().builtInNames)
        for kind in EntryKind.all {
            #expect(names.contains(kind.templateName), "templates/\(kind.templateName) is missing")
        }
    }

    @Test func everyFilledTemplatePassesCheckWithEveryFieldOfItsType() throws {
        let vault = try Self.filledVault()
        defer { vault.remove() }
        let check = try CLI.run(["check"], in: vault.root)
        // The questionnaires' answers are left blank for the person to give: a warning
        // that they are not scored yet is the only thing check says.
        let lines = check.stdout.split(separator: "\n").filter { $0.contains(": warning: ") || $0.contains(": error: ") }
        #expect(check.status == 0, "\(check.stdout)")
        #expect(lines.count == 2 && lines.allSatisfy { $0.contains("is not scored yet: none of its") }, "\(check.stdout)")
        for entry in vault.load().entries where entry.path != "homework/breathing-478.md" {
            let kind = try #require(EntryKind.all.first { entry.path.hasSuffix("-\($0.name).md") || entry.type == $0.type && $0.instrument == nil })
            #expect(entry.type == kind.type, "\(entry.path)")
            let keys = Set(entry.fields.map(\.key))
            let missing = FieldCatalog.fields(for: entry.type).map(\.name).filter { !keys.contains($0) }
            #expect(missing.isEmpty, "\(entry.path) lacks \(missing)")
            #expect(entry.date?.isoText == "2026-11-20T19:30" || entry.type == .homework, "\(entry.path)")
            if entry.type == .homework {
                #expect(entry.homeworkID == "bus-exposure" && entry.text("assigned") == "2026-11-20")
            } else if entry.type.hasCommonFields {
                #expect(entry.text("homework") == "breathing-478", "\(entry.path)")
            }
            #expect(entry.text("title") == Self.values.title, "\(entry.path)")
        }
    }

    @Test func questionnairesCarryTheStandardItemsAndAnswerScale() throws {
        let phq9 = try #require(TemplateStore().builtInText(named: "phq9.md.mustache"))
        let items = phq9.split(separator: "\n").filter { $0.hasPrefix("  -    # ") }
        #expect(items.count == 9)
        #expect(items.first == "  -    # 1. Little interest or pleasure in doing things")
        #expect(items.last == "  -    # 9. Thoughts that you would be better off dead or of hurting yourself in some way")
        #expect(phq9.contains("0 not at all, 1 several days, 2 more than half the days, 3 nearly every day"))
        let gad7 = try #require(TemplateStore().builtInText(named: "gad7.md.mustache"))
        let gadItems = gad7.split(separator: "\n").filter { $0.hasPrefix("  -    # ") }
        #expect(gadItems.count == 7 && gadItems.first == "  -    # 1. Feeling nervous, anxious, or on edge")
        let rendered = EntryParser.parse(path: "p.md", text: try EntryTemplate.render(EntryKind.all.first { $0.name == "phq9" }!,
                                                                                      values: Self.values, store: TemplateStore()))
        // No answer is filled in for the person: nine blanks, not scored, and no question 9 read.
        #expect(rendered["items"] == .list(Array(repeating: .null, count: 9)))
        #expect(MeasureScore(rendered) == nil && RaiseRules.questionNine(rendered) == nil)
        #expect(rendered.diagnostics.map(\.message) == ["this PHQ-9 is not scored yet: none of its 9 questions has an answer yet; give each question an answer from 0 to 3"])
        #expect(rendered.body.plainText.contains("Samaritans: 116 123"), "the crisis line from between.yml is shown")
    }

    @Test func bodiesHaveTheSectionsOfTheirKind() throws {
        func sections(_ name: String) throws -> [String] {
            let kind = try EntryKind.named(name)
            let text = try EntryTemplate.render(kind, values: Self.values, store: TemplateStore())
            return EntryParser.parse(path: "x.md", text: text).body.sections.map(\.heading)
        }
        #expect(try sections("thought-record") == ["Situation", "Emotions", "Automatic thoughts", "Evidence for",
                                                   "Evidence against", "Balanced thought", "Emotions after"])
        #expect(try sections("exposure") == ["Prediction", "What happened", "What I learned"])
        #expect(try sections("safety-plan") == ["My safety plan", "Warning signs", "Things I can do on my own",
                                                "People and places that take my mind off it", "People I can ask for help",
                                                "Professionals and services", "Making my surroundings safer", "What matters to me"])
        let prompts = EntryParser.parse(path: "r.md", text: try EntryTemplate.render(try EntryKind.named("reflection"),
                                                                                     values: Self.values, store: TemplateStore()))
        #expect(prompts.body.questions.isEmpty && !prompts.body.plainText.contains("own words"), "prompts are comments, not content")
    }

    @Test func aVaultTemplateReplacesTheBuiltInOfTheSameName() throws {
        let vault = try TemporaryVault(["between.yml": "",
                                        "templates/mood.md.mustache": "---\ntype: mood\ndate: {{date}}\ntitle: {{title}}\n---\nMy own: {{text.title}}\n"])
        defer { vault.remove() }
        let result = try CLI.run(["new", "mood", "--title", "Tom & Jo's: <b>", "--date", "2026-11-20 10:00", "--no-edit"], in: vault.root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try vault.read("journal/2026/11/2026-11-20-1000-mood.md")
                    == "---\ntype: mood\ndate: 2026-11-20 10:00\ntitle: \"Tom & Jo's: <b>\"\n---\nMy own: Tom & Jo's: <b>\n")
        try vault.write("templates/gad7.md.mustache", "---\n{{#date}}\n")
        let broken = try CLI.run(["new", "gad7", "--no-edit"], in: vault.root)
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("templates/gad7.md.mustache:") && broken.stderr.contains("never closed"))
    }

    // MARK: - JSON Schema

    static let hasJSONSchema: Bool = (try? python(["-c", "import jsonschema"]).status) == 0

    @Test(.enabled(if: SchemaTests.hasJSONSchema, "needs python3 with jsonschema (pip install jsonschema); skipped"))
    func theSchemaAcceptsEveryFilledTemplateAndEveryExampleFile() throws {
        let vault = try Self.filledVault()
        defer { vault.remove() }
        let example = try TemporaryVault.copyOfExample()
        defer { example.remove() }
        let schema = try CLI.run(["schema"])
        #expect(schema.status == 0)
        try vault.write(".tools/schema.json", schema.stdout)
        for folder in [vault.root, example.root] {
            let list = try CLI.run(["list", "--format", "json", "--vault", folder])
            try vault.write(".tools/records.json", list.stdout)
            let records = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
            #expect(records.count >= EntryKind.all.count)
            let errors = try Self.validate(vault)
            #expect(errors.isEmpty, "\(folder): \(errors)")
        }
        // The validation can fail: a rating out of range and a short questionnaire are refused.
        try vault.write(".tools/records.json", """
            [{"path": "bad.md", "fields": {"type": "measure", "date": "2026-11-20", "mood": 14, "items": [1, 2]}}]
            """)
        let errors = try Self.validate(vault)
        #expect(errors.contains("bad.md: mood: 14 is greater than the maximum of 10"))
        #expect(errors.contains { $0.hasPrefix("bad.md: items: [1, 2] is too short") })
    }

    /// Validates each record's `fields` against the schema; one line per problem.
    static func validate(_ vault: TemporaryVault) throws -> [String] {
        let script = """
        import json, sys
        from jsonschema import Draft202012Validator
        schema = json.load(open(sys.argv[1]))
        Draft202012Validator.check_schema(schema)
        validator = Draft202012Validator(schema)
        for record in json.load(open(sys.argv[2])):
            for error in sorted(validator.iter_errors(record["fields"]), key=str):
                where = "/".join(str(part) for part in error.absolute_path)
                print(record["path"] + ": " + where + ": " + error.message)
        """
        let result = try python(["-c", script, vault.root + "/.tools/schema.json", vault.root + "/.tools/records.json"])
        #expect(result.status == 0, "\(result.output)")
        return result.output.split(separator: "\n").map(String.init)
    }

    static func python(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
