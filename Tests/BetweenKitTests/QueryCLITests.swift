import Foundation
import Testing

/// `between query` and `between export` as a person runs them.
@Suite struct QueryCLITests {
    private func vault() throws -> TemporaryVault {
        try TemporaryVault([
            "between.yml": "",
            "sessions/2026-11-17.md": "---\ntype: session\ndate: 2026-11-17\n---\n",
            "journal/a.md": "---\ntype: thought-record\ndate: 2026-11-18 23:40\ndistress: 75\nemotions: {anxious: 80}\nflags: [triggered]\n---\n# Deadline\n",
            "journal/b.md": "---\ntype: mood\ndate: 2026-11-19\nmood: 6\ndistress: 30\ntags: [win]\n---\n",
            "journal/c.md": "---\ntype: reflection\ndate: 2026-11-20\nprivate: true\ndistress: 90\nwho: {name: Sam}\n---\nAbout Sam.\n",
        ])
    }

    @Test func queryReturnsTheSameRecordObjectsAsList() throws {
        let vault = try vault()
        defer { vault.remove() }
        let query = try CLI.run(["query", "distress >= 70", "--format", "jsonl", "--vault", vault.root])
        #expect(query.status == 0)
        let list = try CLI.run(["list", "--format", "jsonl", "--vault", vault.root])
        let listed = Set(list.stdout.split(separator: "\n"))
        let found = query.stdout.split(separator: "\n")
        #expect(found.count == 2)
        #expect(found.allSatisfy(listed.contains))
        #expect(query.stdout.contains("\"private\":true"), "look-up commands show private entries, marked")
        let sorted = try CLI.run(["query", "distress exists", "--sort=-distress", "--limit", "2", "--format", "paths", "--vault", vault.root])
        #expect(sorted.stdout == "journal/c.md\njournal/a.md\n")
        // A descending sort needs no `=`: the word after --sort is its value, dash or not.
        let spaced = try CLI.run(["query", "distress exists", "--sort", "-distress", "--limit", "2", "--format", "paths", "--vault", vault.root])
        #expect(spaced.status == 0 && spaced.stdout == sorted.stdout, "\(spaced)")
        let relative = try CLI.run(["query", "date > last-session and emotions.anxious > 50", "--format", "paths", "--vault", vault.root],
                                   environment: ["BETWEEN_TODAY": "2026-11-26"])
        #expect(relative.stdout == "journal/a.md\n")
    }

    @Test func syntaxErrorsShowACaretAndAHint() throws {
        let vault = try vault()
        defer { vault.remove() }
        let result = try CLI.run(["query", "type = mood and distress => 70", "--vault", vault.root])
        #expect(result.status == 2)
        let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0].hasPrefix("between: error: "))
        #expect(lines[1] == "  type = mood and distress => 70")
        #expect(lines[2] == "                           ^")
        #expect(result.stderr.contains("hint: "))
    }

    @Test func unknownFieldsMatchNothingUnlessStrict() throws {
        let vault = try vault()
        defer { vault.remove() }
        let loose = try CLI.run(["query", "distres >= 70", "--format", "paths", "--vault", vault.root])
        #expect(loose.status == 0 && loose.stdout.isEmpty)
        let strict = try CLI.run(["query", "distres >= 70", "--strict", "--vault", vault.root])
        #expect(strict.status == 2)
        #expect(strict.stderr.contains("did you mean 'distress'?"))
    }

    /// A `--sort` field no note has orders nothing: `query` and `list` say so (with the
    /// field likely meant), and `query --strict` refuses it with a caret in the sort list.
    @Test func unknownSortFieldsAreToldUnlessQuietAndRefusedWhenStrict() throws {
        let vault = try vault()
        defer { vault.remove() }
        for command in [["query", "distress exists"], ["list"]] {
            let loose = try CLI.run(command + ["--sort", "title,-Distress", "--format", "paths", "--vault", vault.root])
            #expect(loose.status == 0, "\(command)")
            #expect(loose.stderr == "between: warning: 'Distress' is not a field in any note, so sorting by it changes nothing; "
                    + "did you mean 'distress'? (field names are case-sensitive)\n", "\(command)")
            #expect(!loose.stdout.isEmpty)
            let quiet = try CLI.run(command + ["--sort", "-Distress", "--quiet", "--format", "paths", "--vault", vault.root])
            #expect(quiet.status == 0 && quiet.stderr.isEmpty, "\(command)")
            let known = try CLI.run(command + ["--sort", "-distress,date", "--format", "paths", "--vault", vault.root])
            #expect(known.status == 0 && known.stderr.isEmpty, "\(command): \(known.stderr)")
        }
        let strict = try CLI.run(["query", "distress exists", "--sort", "title,-Distress", "--strict", "--vault", vault.root])
        #expect(strict.status == 2)
        let lines = strict.stderr.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "between: error: no record has a field 'Distress'")
        #expect(lines.dropFirst().first == "  title,-Distress")
        #expect(lines.dropFirst(2).first == "         ^")
        #expect(strict.stdout.isEmpty)
    }

    @Test func injectionAttemptsAreJustValues() throws {
        let vault = try vault()
        defer { vault.remove() }
        for expression in [#"title = "x' OR 1=1 --""#, #""x;DROP TABLE record" = 1"#, #"title ~ "%""#] {
            let result = try CLI.run(["query", expression, "--format", "paths", "--vault", vault.root])
            #expect(result.status == 0, "\(expression): \(result.stderr)")
            #expect(result.stdout.isEmpty, "\(expression) matched \(result.stdout)")
        }
        #expect(try CLI.run(["list", "--format", "paths", "--vault", vault.root]).stdout.split(separator: "\n").count == 4)
    }

    @Test func exportLeavesPrivateEntriesOutAndFlattensCSV() throws {
        let vault = try vault()
        defer { vault.remove() }
        let json = try CLI.run(["export", "--vault", vault.root])
        #expect(!json.stdout.contains("Sam"))
        let records = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(records.count == 3)
        let all = try CLI.run(["export", "--include-private", "--format", "csv", "--vault", vault.root])
        let lines = all.stdout.components(separatedBy: "\r\n")
        #expect(lines[0] == "path,type,date,title,private,distress,emotions.anxious,flags,mood,tags,who.name")
        #expect(lines.contains("journal/c.md,reflection,2026-11-20,c,true,90,,,,,Sam"))
        #expect(lines.contains("journal/a.md,thought-record,2026-11-18T23:40,Deadline,false,75,80,triggered,,,"))
        let filtered = try CLI.run(["export", "distress >= 70", "--format", "jsonl", "--vault", vault.root])
        #expect(filtered.stdout.split(separator: "\n").count == 1)
    }
}
