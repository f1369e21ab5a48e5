import Foundation
import Testing
@testable import BetweenCore
@testable import BetweenKit

/// Privacy fails closed: a note that might be meant as private is private, and a
/// warning at the spot says why and what to write (docs/format.md, "Private entries").
@Suite struct FailClosedPrivacyTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var text: String
        /// Where the warning about privacy points.
        var line: Int
        var column: Int
        /// Words the warning must contain.
        var says: [String]
        var testDescription: String { name }
    }

    static func yaml(_ line: String) -> String {
        "---\ntype: reflection\ndate: 2026-11-20 21:00\n\(line)\n---\n# Mum's visit\nI couldn't say it to her.\n"
    }

    static let spellings: [Case] = [
        Case(name: "Private: true", text: yaml("Private: true"), line: 4, column: 1, says: ["'Private' looks like `private`", "capital letters"]),
        Case(name: "PRIVATE: false", text: yaml("PRIVATE: false"), line: 4, column: 1, says: ["'PRIVATE'", "`private: false` to share it"]),
        Case(name: "a Cyrillic і", text: yaml("pr\u{456}vate: true"), line: 4, column: 1, says: ["'pr<U+0456>vate'", "another alphabet"]),
        Case(name: "a Cyrillic а and о", text: yaml("priv\u{430}te: true"), line: 4, column: 1, says: ["another alphabet"]),
        Case(name: "a Greek ρ", text: yaml("\u{3C1}rivate: true"), line: 4, column: 1, says: ["another alphabet"]),
        Case(name: "a zero-width space", text: yaml("pri\u{200B}vate: true"), line: 4, column: 1, says: ["'pri<U+200B>vate'", "invisible"]),
        Case(name: "a soft hyphen", text: yaml("pri\u{AD}vate: true"), line: 4, column: 1, says: ["invisible"]),
        Case(name: "full-width letters", text: yaml("\u{FF50}\u{FF52}\u{FF49}\u{FF56}\u{FF41}\u{FF54}\u{FF45}: true"), line: 4, column: 1,
             says: ["full-width"]),
        Case(name: "an accent", text: yaml("pri\u{301}vate: true"), line: 4, column: 1, says: ["accent"]),
        Case(name: "spaces in a quoted key", text: yaml("\" private \": true"), line: 4, column: 1, says: ["spaces"]),
        Case(name: "a typing slip", text: yaml("privte: true"), line: 4, column: 1, says: ["'privte'", "slip"]),
        Case(name: "private: (blank)", text: yaml("private:"), line: 4, column: 1, says: ["no value", "`private: true`"]),
        Case(name: "private: null", text: yaml("private: null"), line: 4, column: 1, says: ["no value"]),
        Case(name: "private: ~", text: yaml("private: ~"), line: 4, column: 1, says: ["no value"]),
        Case(name: "private: no", text: yaml("private: no"), line: 4, column: 10, says: ["but it is 'no'", "`private: false` to share it"]),
        Case(name: "private: \"false\"", text: yaml("private: \"false\""), line: 4, column: 10, says: ["but it is 'false'"]),
        Case(name: "private: yes", text: yaml("private: yes"), line: 4, column: 10, says: ["but it is 'yes'"]),
        Case(name: "private: 0", text: yaml("private: 0"), line: 4, column: 10, says: ["but it is '0'"]),
        Case(name: "private: [maybe]", text: yaml("private: [maybe]"), line: 4, column: 10, says: ["but it is a list"]),
        Case(name: "TOML Private", text: "+++\ntype = \"reflection\"\nPrivate = true\n+++\nBody\n", line: 3, column: 1,
             says: ["'Private'", "`private = true`", "`private = false` to share it"]),
        Case(name: "TOML private under [params]", text: "+++\ntitle = \"Walk\"\n[params]\nprivate = true\n+++\nBody\n", line: 3, column: 2,
             says: ["'params.private' is inside another field", "above any [table] line"]),
        Case(name: "YAML private nested in a map", text: yaml("meta:\n  private: yes"), line: 5, column: 3, says: ["'meta.private'"]),
        Case(name: "JSON PRIVATE", text: "{\"type\": \"reflection\", \"PRIVATE\": true}\nBody\n", line: 1, column: 24,
             says: ["`\"private\": true`"]),
        Case(name: "JSON private: null", text: "{\"private\": null}\nBody\n", line: 1, column: 2, says: ["no value", "`\"private\": false`"]),
    ]

    @Test(arguments: spellings)
    func aSpellingOfPrivateMakesTheNotePrivateWithAWarningAtTheKey(_ spelling: Case) throws {
        let entry = EntryParser.parse(path: "journal/visit.md", text: spelling.text)
        #expect(entry.isPrivate)
        let warning = try #require(entry.diagnostics.first { $0.message.contains("private") }, "\(entry.diagnostics)")
        #expect(warning.severity == .warning)
        #expect(warning.position == SourcePosition(line: spelling.line, column: spelling.column), "\(warning.summary)")
        for words in spelling.says {
            #expect(warning.message.contains(words), "\(warning.message)")
        }
        #expect(warning.message.contains("private"))
        // Exactly one warning about it: the key is judged once, not also as an unknown-type field.
        #expect(entry.diagnostics.filter { $0.message.contains("private") }.count == 1, "\(entry.diagnostics)")
    }

    @Test func onlyTheBooleanFalseSharesANoteAndOnlyTrueNeedsNoWords() {
        let shared = EntryParser.parse(path: "a.md", text: Self.yaml("private: false"))
        #expect(!shared.isPrivate && shared.diagnostics.isEmpty)
        let kept = EntryParser.parse(path: "a.md", text: Self.yaml("private: true"))
        #expect(kept.isPrivate && kept.diagnostics.isEmpty)
        // A look-alike key wins over `private: false`: one of the two says private.
        #expect(EntryParser.parse(path: "a.md", text: Self.yaml("private: false\nPrivate: true")).isPrivate)
        // A nested `private: false` doesn't make anything private; a nested list of maps is searched too.
        #expect(!EntryParser.parse(path: "a.md", text: Self.yaml("meta: {private: false}")).isPrivate)
        #expect(EntryParser.parse(path: "a.md", text: Self.yaml("people: [{name: Sam, private: true}]")).isPrivate)
        // Ordinary keys that merely resemble it are left alone.
        for key in ["privacy-note", "pirate", "prize", "rival", "privately-funded"] {
            let entry = EntryParser.parse(path: "a.md", text: Self.yaml("\(key): true"))
            #expect(!entry.isPrivate && entry.diagnostics.isEmpty, "\(key)")
        }
    }

    @Test func theVaultDefaultDecidesOnlyWhenNothingIsWritten() {
        let privateByDefault = EntryParser.Options(privateByDefault: true)
        #expect(EntryParser.parse(path: "a.md", text: "# Plain\n", options: privateByDefault).isPrivate)
        #expect(!EntryParser.parse(path: "a.md", text: Self.yaml("private: false"), options: privateByDefault).isPrivate)
        #expect(EntryParser.parse(path: "a.md", text: Self.yaml("private:"), options: .init(privateByDefault: false)).isPrivate)
    }

    // MARK: - Front matter that can't be read

    static let broken: [(name: String, text: String, line: Int)] = [
        ("a YAML error", "---\ntitle: [oops\nprivate: true\n---\n# Broken\n", 3),
        ("a duplicate key", "---\ntype: mood\nmood: 3\nmood: 4\nPrivate: TRUE\n---\n# Twice\n", 5),
        ("an unclosed fence", "---\ntype: reflection\nprivate: true\n# Never closed\n", 3),
        ("a TOML error", "+++\ntitle = unquoted words\nprivate = true\n+++\n# Broken TOML\n", 3),
        ("an unclosed TOML fence", "+++\nprivate = true\n", 2),
        ("a JSON error", "{\"title\": oops, \"private\": true}\n# Broken JSON\n", 1),
        ("an unclosed JSON object", "{\"private\": true,\n\"title\": \"x\"\n# Broken JSON\n", 1),
        ("front matter over 1 MiB", "---\nprivate: true\nnote: " + String(repeating: "x", count: 1_100_000) + "\n---\n# Long\n", 2),
        ("a look-alike word in broken YAML", "---\nmood: : :\npr\u{456}vate: true\n---\n", 3),
        ("privately, in broken YAML", "---\nnote: [kept privately\n---\n", 2),
        ("git conflict markers", "---\ntype: mood\n<<<<<<< HEAD\nmood: 4\nprivate: true\n=======\nmood: 5\n>>>>>>> phone\n---\n# Conflict\n", 5),
        ("conflict markers around the fences", "<<<<<<< HEAD\n---\nprivate: true\n---\n=======\n---\nmood: 3\n---\n>>>>>>> b\n", 3),
    ]

    @Test func brokenFrontMatterThatMentionsPrivateKeepsTheNotePrivate() throws {
        for (name, text, line) in Self.broken {
            let entry = EntryParser.parse(path: "journal/broken.md", text: text)
            #expect(entry.isPrivate, "\(name)")
            #expect(entry.diagnostics.contains { $0.severity == .error }, "\(name): the problem itself is still an error")
            let warning = entry.diagnostics.first { $0.message.contains("can't be read, and it mentions 'private'") }
            #expect(warning?.severity == .warning, "\(name): \(entry.diagnostics.map(\.summary))")
            #expect(warning?.position?.line == line, "\(name): \(warning?.summary ?? "no warning")")
        }
    }

    @Test func brokenFrontMatterWithoutAMentionFollowsTheVaultDefault() {
        let text = "---\ntitle: [oops\nmood: 4\n---\n# Broken but shared\n"
        #expect(!EntryParser.parse(path: "a.md", text: text).isPrivate)
        #expect(EntryParser.parse(path: "a.md", text: text, options: .init(privateByDefault: true)).isPrivate)
    }

    @Test func gitConflictMarkersGetTheirOwnMessageAtTheMarker() throws {
        let yaml = "---\ntype: mood\ndate: 2026-11-20\n<<<<<<< HEAD\nmood: 4\n=======\nmood: 5\n>>>>>>> phone\n---\n# Evening\n"
        let entry = EntryParser.parse(path: "journal/mood.md", text: yaml)
        let error = try #require(entry.diagnostics.first { $0.severity == .error })
        #expect(error.message.hasPrefix("this file has unresolved git conflict markers"))
        #expect(error.message.contains("delete the other one and the marker lines"))
        #expect(error.position == SourcePosition(line: 4, column: 1))
        #expect(!entry.diagnostics.contains { $0.message.contains("YAML") }, "no YAML error on top: \(entry.diagnostics)")
        #expect(entry.fields.isEmpty, "`mood: 4 <<<<<<< HEAD` would be valid YAML, and wrong")
        // A conflict that plain YAML would accept is caught as well.
        let quiet = EntryParser.parse(path: "a.md", text: "---\nmood: 4\n<<<<<<< HEAD\n---\nBody\n")
        #expect(quiet.diagnostics.first?.message.hasPrefix("this file has unresolved git conflict markers") == true)
        // TOML and JSON, and a file that starts with a marker.
        for text in ["+++\nmood = 4\n>>>>>>> phone\n+++\n", "{\"mood\": 4,\n<<<<<<< HEAD\n}\n", "<<<<<<< HEAD\n# Title\n=======\n>>>>>>> b\n"] {
            let other = EntryParser.parse(path: "a.md", text: text)
            #expect(other.diagnostics.contains { $0.message.hasPrefix("this file has unresolved git conflict markers") }, "\(text)")
        }
        // A lone `=======` is a Markdown heading underline, not a conflict; so is one in the body.
        #expect(EntryParser.parse(path: "a.md", text: "---\nmood: 4\n---\nTitle\n=======\n").diagnostics.isEmpty)
    }

    // MARK: - The whole way to the shared outputs

    @Test func aBrokenPrivateNoteStaysOutOfExportsAndDigests() throws {
        let vault = try TemporaryVault([
            "journal/2026-11-20-secret.md": "---\ntype: reflection\ndate: 2026-11-20 22:00\ntitle: [unclosed\nprivate: true\n---\n# Zqsecret heading\nZqsecret body.\n",
            "journal/2026-11-21-cyr.md": "---\ntype: reflection\ndate: 2026-11-21 22:00\npr\u{456}vate: true\n---\n# Zqcyrillic heading\nIs zqcyrillic ok?\n",
            "journal/2026-11-22-shared.md": "---\ntype: reflection\ndate: 2026-11-22 22:00\nprivate: false\n---\n# Zqshared heading\nIs zqshared ok?\n",
        ])
        defer { vault.remove() }
        let today = ["BETWEEN_TODAY": "2026-11-25"]
        for arguments in [["export", "--format", "csv"], ["export", "--format", "jsonl"],
                          ["digest", "--since", "2026-11-01", "--format", "json"]] {
            let result = try CLI.run(arguments + ["--vault", vault.root], environment: today)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(!result.stdout.contains("secret") && !result.stdout.lowercased().contains("zqcyrillic"), "\(arguments): \(result.stdout)")
            #expect(result.stdout.contains("shared"), "\(arguments): \(result.stdout)")
        }
        let sql = try CLI.run(["sql", "SELECT path, private FROM record ORDER BY path", "--format", "csv", "--vault", vault.root])
        #expect(sql.stdout.contains("journal/2026-11-20-secret.md,1") && sql.stdout.contains("journal/2026-11-21-cyr.md,1"), "\(sql.stdout)")
        let included = try CLI.run(["export", "--format", "csv", "--include-private", "--vault", vault.root])
        #expect(included.stdout.contains("2026-11-20-secret.md") && included.stdout.contains("2026-11-21-cyr.md"))
    }

    @Test func newEntriesSayPrivateFalseOrTrueSoTheyPassCheckSilently() throws {
        for privateByDefault in [false, true] {
            let vault = try TemporaryVault(["between.yml": "private-by-default: \(privateByDefault)\n"])
            defer { vault.remove() }
            let created = try CLI.run(["new", "mood", "--date", "2026-11-20 19:30", "--vault", vault.root])
            #expect(created.status == 0, "\(created.stderr)")
            let path = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            let text = try String(contentsOfFile: path.hasPrefix("/") ? path : vault.root + "/" + path, encoding: .utf8)
            #expect(text.contains("\nprivate: \(privateByDefault)   #"), "\(text)")
            let check = try CLI.run(["check", "--vault", vault.root])
            #expect(check.status == 0 && !check.stdout.contains("private"), "\(check.stdout)")
        }
    }
}
