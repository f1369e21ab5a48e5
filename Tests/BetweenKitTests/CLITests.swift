import Foundation
import Testing

/// The `between` command as a person runs it: output, messages and exit codes.
@Suite struct CLITests {
    @Test func checkPassesOnTheExampleVault() throws {
        let example = try TemporaryVault.copyOfExample()
        defer { example.remove() }
        let result = try CLI.run(["check", "--vault", example.root])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(!result.stdout.contains("error:"))
    }

    @Test func checkReportsEachProblemLikeACompilerAndExitsOne() throws {
        let vault = try TemporaryVault([
            "between.yml": "",
            "ok.md": "---\ntype: mood\ndate: 2026-11-20\nmood: 7\n---\nGood walk.\n",
            "bad.md": "---\ntype: mood\ndate: 2026-11-20\nmood: 14\n---\n",
            "broken.md": "---\ntitle: [unclosed\n---\nbody\n",
        ])
        defer { vault.remove() }
        let result = try CLI.run(["check"], in: vault.root)
        #expect(result.status == 1)
        #expect(result.stdout.contains("""
        bad.md:4:7: error: mood should be a number from 0 to 10, but it is 14
            mood: 14
                  ^
        """))
        #expect(result.stdout.contains("broken.md:"))
        #expect(!result.stdout.contains("ok.md"))
        #expect(result.stderr.contains("2 errors and 0 warnings in 2 files"))
    }

    @Test func checkExitsTwoWhenTheVaultIsMissing() throws {
        let result = try CLI.run(["check", "--vault", "/nonexistent/between-vault"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("between: error: the vault folder /nonexistent/between-vault (from --vault) does not exist"))
        let environment = try CLI.run(["list"], environment: ["BETWEEN_VAULT": "/nonexistent/env-vault"])
        #expect(environment.status == 2)
        #expect(environment.stderr.contains("(from BETWEEN_VAULT)"))
    }

    @Test func usageErrorsExitTwo() throws {
        let example = try TemporaryVault.copyOfExample()
        defer { example.remove() }
        let unknownType = try CLI.run(["list", "--type", "thought-recrod", "--vault", example.root])
        #expect(unknownType.status == 2)
        #expect(unknownType.stderr.contains("Did you mean 'thought-record'?"))
        #expect(try CLI.run(["frobnicate"]).status == 2)
        #expect(try CLI.run(["list", "--format", "xml", "--vault", example.root]).status == 2)
        let help = try CLI.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("not a crisis service"))
    }

    /// `list`, `schema` and `trend` take `--type` alike: an unknown type is a usage error,
    /// before any note is read, with the closest type and the list of types; a known one
    /// narrows what they show.
    @Test func everyTypeOptionRefusesAnUnknownTypeTheSameWay() throws {
        let example = try TemporaryVault.copyOfExample()
        defer { example.remove() }
        let types = "homework, session, reflection, thought-record, exposure, activity, mood, diary-card, measure, safety-plan, note"
        for command in [["list"], ["schema"], ["trend", "mood"]] {
            let wrong = try CLI.run(command + ["--type", "thought-recrod", "--vault", example.root])
            #expect(wrong.status == 2 && wrong.stdout.isEmpty)
            #expect(wrong.stderr.hasPrefix("between: error: unknown type 'thought-recrod'. Did you mean 'thought-record'? Types: \(types).\n"
                                           + "Usage: between \(command[0]) "), "\(wrong.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: example.root + "/.between"), "refused before the vault is read")
        let schema = try CLI.run(["schema", "--type", "exposure"])
        #expect(schema.status == 0 && schema.stdout.contains("\"title\": \"Between exposure front matter\""))
        let trend = try CLI.run(["trend", "mood", "--type", "mood", "--by", "day", "--vault", example.root])
        let allTypes = try CLI.run(["trend", "mood", "--by", "day", "--vault", example.root])
        #expect(trend.status == 0 && allTypes.status == 0 && trend.stdout != allTypes.stdout, "only mood check-ins: fewer points")
    }

    /// The first thing a person reads: every paragraph wrapped whole at 80 columns (a
    /// line break written inside a sentence once left "your local" on a line of its own).
    @Test func theTopLevelHelpReadsAsReviewed() throws {
        let help = try CLI.run(["--help"], environment: ["COLUMNS": "80"])
        #expect(help.status == 0)
        try GoldenFile.check(help.stdout, against: "help.txt")
    }

    @Test func listJSONHasTheDocumentedShape() throws {
        let vault = try TemporaryVault([
            "journal/2026-11-20-1930-thought-record.md": """
            ---
            type: thought-record
            date: 2026-11-20 19:30
            emotions: {anxious: 80, sad: 40}
            tags: [work, sleep]
            private: true
            ---
            # Meeting ran over
            """,
            "notes/grocery.md": "oats, tea\n",
            "bad.md": "---\ntype: mood\nmood: 11\n---\n",
        ])
        defer { vault.remove() }
        let result = try CLI.run(["list", "--format", "json"], in: vault.root)
        #expect(result.status == 0)
        let records = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(records.map { $0["path"] as? String } == ["bad.md", "journal/2026-11-20-1930-thought-record.md", "notes/grocery.md"])
        let thought = records[1]
        #expect(thought["type"] as? String == "thought-record")
        #expect(thought["title"] as? String == "Meeting ran over")
        #expect(thought["date"] as? String == "2026-11-20T19:30")
        #expect(thought["private"] as? Bool == true)
        #expect(thought["has_front_matter"] as? Bool == true)
        let fields = try #require(thought["fields"] as? [String: Any])
        #expect((fields["emotions"] as? [String: Any])?["anxious"] as? Int == 80)
        #expect(fields["tags"] as? [String] == ["work", "sleep"])
        #expect(fields["date"] as? String == "2026-11-20T19:30")
        let note = records[2]
        #expect(note["type"] as? String == "note")
        #expect(note["date"] is NSNull)
        #expect(note["has_front_matter"] as? Bool == false)
        let problems = try #require(records[0]["diagnostics"] as? [[String: Any]])
        #expect(problems.count == 2) // mood out of range, no date
        #expect(problems.contains { $0["line"] as? Int == 3 && $0["severity"] as? String == "error" })
    }

    @Test func listFormatsAndTypeFilter() throws {
        let example = try TemporaryVault.copyOfExample()
        defer { example.remove() }
        let jsonl = try CLI.run(["list", "--format", "jsonl", "--type", "measure", "--vault", example.root])
        let lines = jsonl.stdout.split(separator: "\n")
        #expect(lines.count == 7)
        #expect(lines.allSatisfy { $0.hasPrefix("{\"path\":\"journal/") && $0.contains("\"type\":\"measure\"") })
        let paths = try CLI.run(["list", "--format", "paths", "--type", "session", "--vault", example.root])
        #expect(paths.stdout == """
        sessions/2026-10-06.md
        sessions/2026-10-20.md
        sessions/2026-11-03.md
        sessions/2026-11-10.md
        sessions/2026-11-17.md

        """)
        let csv = try CLI.run(["list", "--format", "csv", "--type", "homework", "--vault", example.root])
        #expect(csv.stdout.hasPrefix("path,type,date,title,private,errors,warnings\r\n"))
        #expect(csv.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 6)
        let table = try CLI.run(["list", "--vault", example.root])
        #expect(table.stdout.hasPrefix("DATE"))
        #expect(table.stdout.contains("(private)"))
    }

    @Test func outputIsTheSameOnEveryRun() throws {
        let example = try TemporaryVault.copyOfExample()
        defer { example.remove() }
        let first = try CLI.run(["list", "--format", "json", "--vault", example.root])
        let second = try CLI.run(["list", "--format", "json", "--vault", example.root], environment: ["TZ": "Pacific/Auckland"])
        #expect(first.stdout == second.stdout)
        #expect(first.stdout.count > 1000)
    }

    @Test func showPrintsOneFileInFull() throws {
        let vault = try TemporaryVault([
            "between.yml": "",
            "journal/tr.md": """
            ---
            type: thought-record
            date: 2026-11-18 21:00
            situation: Boss moved the deadline
            ---
            # Deadline panic

            ## Automatic thoughts
            I'm going to get fired.

            ## For next session
            - How do I stop catastrophising at night
            - [ ] ask about sleep
            """,
        ])
        defer { vault.remove() }
        let text = try CLI.run(["show", "journal/tr.md"], in: vault.root + "/journal")
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.hasPrefix("Deadline panic\nthought-record · journal/tr.md · 2026-11-18 21:00\n"))
        #expect(text.stdout.contains("  situation: Boss moved the deadline"))
        #expect(text.stdout.contains("? How do I stop catastrophising at night (line 12)"))
        #expect(text.stdout.contains("[ ] ask about sleep (line 13)"))
        let fromInside = try CLI.run(["show", "tr.md", "--format", "json"], in: vault.root + "/journal")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(fromInside.stdout.utf8)) as? [String: Any])
        #expect(object["path"] as? String == "journal/tr.md")
        #expect((object["sections"] as? [[String: Any]])?.compactMap { $0["heading"] as? String }
                    == ["Deadline panic", "Automatic thoughts", "For next session"])
        let missing = try CLI.run(["show", "nope.md"], in: vault.root)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no note at nope.md"))
    }
}
