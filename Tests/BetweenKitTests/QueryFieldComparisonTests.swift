import Foundation
import Testing
@testable import BetweenCore
@testable import BetweenIndex
@testable import BetweenKit

/// `suds-peak > suds-after`: a number field compared with another compares their numbers
/// (a person means the fields, not the text "suds-after"), and the hints that point a
/// person from a field that isn't there to the one meant.
@Suite struct QueryFieldComparisonTests {
    static let notes: [String: String] = [
        "came-down.md": "---\ntype: exposure\ndate: 2026-11-19 08:10\nsuds-before: 60\nsuds-peak: 75\nsuds-after: 30\n---\nRush hour bus.\n",
        "stayed-up.md": "---\ntype: exposure\ndate: 2026-11-20 08:10\nsuds-before: 70\nsuds-peak: 80\nsuds-after: 80\n---\nGot off early.\n",
        "no-after.md": "---\ntype: exposure\ndate: 2026-11-21 08:10\nsuds-peak: 90\n---\nToo much today.\n",
        "words.md": "---\ntype: thought-record\ndate: 2026-11-22\nsuds-after: low\nemotions: {anxious: 80}\n"
            + "emotions-after: {anxious: 40}\nmood: 4\n---\nThe meeting.\n",
        "named.md": "---\ntype: reflection\ndate: 2026-11-23\nnote: suds-after\nmood: 5\n---\nA word that is a field's name.\n",
    ]

    private func run(_ query: String) throws -> [String] {
        let entries = Self.notes.map { EntryParser.parse(path: $0.key, text: $0.value) }
        let queue = try QueryIndex.make(entries)
        let expression = try QueryParser.parse(query)
        let paths = try QueryIndex.paths(queue, QueryCompiler(context: QueryTests.context).compile(expression))
        let oracle = QueryOracle(context: QueryTests.context)
        #expect(paths == entries.filter { oracle.matches(expression, $0) }.map(\.path).sorted(), "\(query): the reference evaluator differs")
        return paths
    }

    @Test func twoNumberFieldsCompareTheirNumbers() throws {
        #expect(try run("suds-peak > suds-after") == ["came-down.md"])
        #expect(try run("suds-peak >= suds-after") == ["came-down.md", "stayed-up.md"])
        #expect(try run("suds-after = suds-peak") == ["stayed-up.md"])
        #expect(try run("suds-after != suds-peak") == ["came-down.md"], "!= needs a number in both")
        #expect(try run("not suds-peak > suds-after") == ["named.md", "no-after.md", "stayed-up.md", "words.md"])
        #expect(try run("emotions-after.anxious < emotions.anxious") == ["words.md"])
        #expect(try run("suds-before < suds-peak and suds-after < suds-before") == ["came-down.md"])
    }

    @Test func quotedNamesOtherOperatorsAndOtherFieldsStayText() throws {
        #expect(try run("note = suds-after") == ["named.md"], "note is no number field: the word is text")
        #expect(try run("mood = \"suds-after\"") == [])
        #expect(try run("suds-after = 'low'") == ["words.md"])
        #expect(try run("note ~ suds") == ["named.md"])
        #expect(try run("type = exposure and suds-after in (suds-peak, 30)") == ["came-down.md"], "in compares values")
        let parsed = try QueryParser.parse("type = mood and mood ~ distress and mood = emotions and mood > emotions. and mood > distress")
        let kinds = parsed.fields.map(\.name)
        #expect(kinds == ["type", "mood", "mood", "mood", "mood", "distress"], "only the last compares two fields")
    }

    @Test func aMisspeltFieldOnTheRightIsReportedToo() throws {
        let entries = Self.notes.map { EntryParser.parse(path: $0.key, text: $0.value) }
        let queue = try QueryIndex.make(entries)
        let expression = try QueryParser.parse("suds-peak > suds-after and mood > distress")
        let unknown = try queue.read { try UnknownFields.find(expression.fields, in: $0) }
        #expect(unknown.map(\.field.name) == ["distress"])
        #expect(unknown.first?.warning == "'distress' is not a field in any note, so a comparison with it is never true")
    }

    // MARK: - Hints, through the tool

    @Test func aFieldNoNoteHasIsAWarningWithTheFieldMeant() throws {
        let vault = try TemporaryVault(["between.yml": "", "j/a.md": "---\ntype: mood\ndate: 2026-11-20\nmood: 6\n---\n"])
        defer { vault.remove() }
        let query = try CLI.run(["query", "Mood >= 5", "--vault", vault.root])
        #expect(query.status == 0 && query.stdout.isEmpty)
        #expect(query.stderr == "between: warning: 'Mood' is not a field in any note, so a comparison with it is never true; "
                + "did you mean 'mood'? (field names are case-sensitive)\n")
        #expect(try CLI.run(["query", "Mood >= 5", "--quiet", "--vault", vault.root]).stderr.isEmpty)
        #expect(try CLI.run(["query", "Mood >= 5", "--strict", "--vault", vault.root]).status == 2)
        let export = try CLI.run(["export", "sleep > 3", "--vault", vault.root])
        #expect(export.stderr.contains("between: warning: 'sleep' is not a field in any note, so a comparison with it is never true\n"))
    }

    @Test func trendPointsAtTheFieldMeant() throws {
        let vault = try TemporaryVault(["between.yml": "",
                                        "j/a.md": "---\ntype: mood\ndate: 2026-11-20\nmood: 6\nemotions: {sad: 3}\n---\n",
                                        "j/b.md": "---\ntype: exposure\ndate: 2026-11-21\nsuds-peak: 70\n---\n"])
        defer { vault.remove() }
        let moods = try CLI.run(["trend", "moods", "--vault", vault.root])
        #expect(moods.status == 1)
        #expect(moods.stderr == "between: error: no entries have a number in 'moods'; did you mean 'mood'?\n")
        let distres = try CLI.run(["trend", "distres", "--vault", vault.root])
        #expect(distres.stderr.contains("did you mean 'distress'?"), "a known field, even if no note has it yet")
        let sleep = try CLI.run(["trend", "sleep", "--vault", vault.root])
        #expect(sleep.stderr == "between: error: no entries have a number in 'sleep'; fields with numbers: mood, suds-peak, emotions.…\n")
        let none = try CLI.run(["trend", "mood", "--homework", "bus", "--vault", vault.root])
        #expect(none.stderr == "between: error: no entries have a number in 'mood' for bus\n")
        let questionnaire = try CLI.run(["trend", "mood", "--type", "phq9", "--vault", vault.root])
        #expect(questionnaire.status == 2 && questionnaire.stderr.contains("phq9 is a questionnaire, so its notes are of type measure"))
    }

    @Test func aQuestionnaireGivenAsATypeSaysWhichTypeAndHowToQuery() throws {
        let vault = try TemporaryVault(["between.yml": ""])
        defer { vault.remove() }
        for name in ["phq9", "PHQ-9", "gad_7"] {
            let list = try CLI.run(["list", "--type", name, "--vault", vault.root])
            #expect(list.status == 2)
            #expect(list.stderr.contains("\(name) is a questionnaire, so its notes are of type measure; use --type measure, or "
                                         + "`between query 'instrument = \(name.lowercased().filter { $0.isLetter || $0.isNumber })'`"),
                    "\(list.stderr)")
        }
        #expect(EntryType.problem(withName: "measure") == nil)
        #expect(EntryType.problem(withName: "moods") == "unknown type 'moods'. Did you mean 'mood'? Types: homework, session, reflection, "
                + "thought-record, exposure, activity, mood, diary-card, measure, safety-plan, note.")
        #expect(EntryType.problem(withName: String(repeating: "phq9", count: 10_000))?.hasPrefix("unknown type") == true)
    }
}
