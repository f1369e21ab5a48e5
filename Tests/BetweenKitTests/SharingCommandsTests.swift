import Foundation
import Testing
@testable import BetweenCore
@testable import BetweenIndex
@testable import BetweenKit

/// What `digest` and `export` share, where they write it, and what they say they left
/// out: a private session never sets the period, `-o` never replaces a note, notes that
/// can't be read are counted (never shown), and CSV cells never start a formula.
@Suite struct SharingCommandsTests {
    static let today = ["BETWEEN_TODAY": "2026-11-25"]

    // MARK: A private session note

    static let sessions = [
        "sessions/2026-11-10.md": "---\ntype: session\ndate: 2026-11-10 16:00\n---\n# Session\nTalked about the bus.\n",
        "sessions/2026-11-19.md": "---\ntype: session\ndate: 2026-11-19 16:00\nprivate: true\n---\n# Extra session\nThe one about Dad.\n",
        "journal/2026-11-12-2030-mood.md": "---\ntype: mood\ndate: 2026-11-12 20:30\nmood: 4\n---\n# Long day\n\n## Questions\n- Is it normal to feel flat after the bus?\n",
        "journal/2026-11-22-0900-mood.md": "---\ntype: mood\ndate: 2026-11-22 09:00\nmood: 6\n---\n# Better morning\n",
    ]

    @Test func aPrivateSessionNeverSetsTheDigestPeriod() throws {
        let vault = try TemporaryVault(Self.sessions)
        defer { vault.remove() }
        for since in [[], ["--since", "last-session"], ["--since", "LAST-SESSION"]] {
            let json = try CLI.run(["digest", "--format", "json", "--vault", vault.root] + since, environment: Self.today)
            #expect(json.status == 0, "\(json.stderr)")
            let period = try #require((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["period"] as? [String: Any])
            #expect(period["start"] as? String == "2026-11-10", "\(since)")
            #expect(period["basis"] as? String == "since the session on 2026-11-10")
            #expect(json.stdout.contains("Is it normal to feel flat"), "the entry after the public session is in")
        }
        for format in ["md", "html"] {
            let text = try CLI.run(["digest", "--format", format, "--vault", vault.root], environment: Self.today).stdout
            #expect(text.contains("since the session on 2026-11-10"))
            #expect(!text.contains("session on 2026-11-19"), "\(format) names the private session's date")
        }
        // Asked for, the private session counts.
        let included = try CLI.run(["digest", "--include-private", "--vault", vault.root], environment: Self.today)
        #expect(included.stdout.contains("since the session on 2026-11-19"))
        // Named with --session, it is refused with the reason, not "there is no session".
        let named = try CLI.run(["digest", "--session", "2026-11-19", "--vault", vault.root], environment: Self.today)
        #expect(named.status == 2)
        #expect(named.stdout.isEmpty)
        #expect(named.stderr.contains("the session note dated 2026-11-19 is private"))
        #expect(named.stderr.contains("--include-private"))
    }

    /// `homework` and `query` are for the person: a private session is their last session.
    /// `export` shares: its `last-session` is the last public one unless asked otherwise.
    /// `export` and `digest` leave out the same entries (one rule, `Audience`): of the
    /// digest's period, what the export prints is exactly what the digest admits, with and
    /// without `--include-private`, however an entry came to be private.
    @Test func exportAndDigestAdmitTheSameEntries() throws {
        var notes = Self.sessions
        for (number, privacy) in ["private: true", "private: false", "Private: false", "private:", "private: [no]", "", "pr\u{456}vate: false"].enumerated() {
            notes["journal/2026-11-2\(number)-mood.md"] = "---\ntype: mood\ndate: 2026-11-2\(number) 21:00\nmood: \(number)\n\(privacy)\n---\n# Evening \(number)\n"
        }
        notes["between.yml"] = "private-by-default: true\n"
        notes["journal/2026-11-27-mood.md"] = "---\ntype: mood\ndate: 2026-11-27\nmood: 5\n---\n# Unmarked, so private by default\n"
        let vault = try TemporaryVault(notes)
        defer { vault.remove() }
        let index = try Index.open(Vault(root: vault.root))
        try index.refresh()
        let period = DigestPeriod(start: EntryDate(year: 2026, month: 11, day: 1), end: EntryDate(year: 2026, month: 11, day: 30), basis: "November")
        for audience in [Audience.shared, .owner] {
            let export = try CLI.run(["export", "--format", "jsonl", "--vault", vault.root] + (audience == .owner ? ["--include-private"] : []))
            #expect(export.status == 0, "\(export.stderr)")
            let exported = Set(export.stdout.split(separator: "\n").compactMap { line in
                (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["path"] as? String
            })
            let input = try DigestInput.read(from: index, period: period, audience: audience, today: period.end, templates: false)
            #expect(input.entries.count == 12)
            for entry in input.entries {
                #expect(input.audience.admits(entry) == exported.contains(entry.path), "\(audience): \(entry.path)")
            }
            let admitted = input.entries.filter(input.audience.admits).count
            #expect(admitted == (audience == .owner ? 12 : 1), "\(audience): only `private: false` shares one")
        }
    }

    @Test func lookUpCommandsCountPrivateSessionsAndExportDoesNot() throws {
        let vault = try TemporaryVault(Self.sessions)
        defer { vault.remove() }
        let homework = try CLI.run(["homework", "--vault", vault.root], environment: Self.today)
        #expect(homework.stdout.contains("since the session on 2026-11-19"), "\(homework.stdout)")
        let query = try CLI.run(["query", "type = mood and date >= last-session", "--format", "paths", "--vault", vault.root],
                                environment: Self.today)
        #expect(query.stdout == "journal/2026-11-22-0900-mood.md\n")
        let export = try CLI.run(["export", "type = mood and date >= last-session", "--format", "jsonl", "--vault", vault.root],
                                 environment: Self.today)
        #expect(export.stdout.contains("journal/2026-11-12-2030-mood.md"))
        #expect(export.stdout.contains("journal/2026-11-22-0900-mood.md"))
        let exportAll = try CLI.run(["export", "type = mood and date >= last-session", "--include-private", "--format", "jsonl",
                                     "--vault", vault.root], environment: Self.today)
        #expect(!exportAll.stdout.contains("journal/2026-11-12-2030-mood.md"))
    }

    // MARK: -o never writes over the vault's own files

    static let safetyPlan = "---\ntype: safety-plan\ndate: 2026-10-06\n---\n# My safety plan\n\n## Warning signs\n- Not sleeping, skipping meals\n"

    private func vaultWithNotes() throws -> TemporaryVault {
        let vault = try TemporaryVault([
            "between.yml": "exclude: [drafts]\n",
            "safety-plan.md": Self.safetyPlan,
            "journal/2026-11-20-2100-mood.md": "---\ntype: mood\ndate: 2026-11-20 21:00\nmood: 5\n---\n",
            "templates/notes.md": "not a note: the templates folder is skipped\n",
            "templates/digest.md.mustache": "# My own digest: {{period.span}}\n",
            "templates/mood.md.mustache": "---\ntype: mood\ndate: {{date}}\nmood:\n---\n",
            ".gitignore": ".between/\n",
            ".gitattributes": "journal/** filter=between-age\n",
        ])
        try FileManager.default.createDirectory(atPath: vault.root + "/.git", withIntermediateDirectories: true)
        try vault.write(".git/config", "[core]\n")
        try FileManager.default.createSymbolicLink(atPath: vault.root + "/plan-link.txt", withDestinationPath: "safety-plan.md")
        return vault
    }

    @Test(arguments: [
        ("safety-plan.md", "one of your notes (safety-plan.md)"),
        ("journal/../safety-plan.md", "one of your notes (safety-plan.md)"),
        ("journal/2026-11-20-2100-mood.md", "one of your notes"),
        ("journal/prep.md", "with a note's name"),
        ("new-folder/prep.MARKDOWN", "with a note's name"),
        ("between.yml", "settings file"),
        (".between/index.sqlite", ".between/ folder"),
        (".git/config", ".git/ folder"),
        ("plan-link.txt", "a link to one of your notes (safety-plan.md)"),
        ("templates/digest.md.mustache", "inside the vault's templates/ folder, which holds your own templates"),
        ("templates/mood.md.mustache", "inside the vault's templates/ folder"),
        ("templates/notes.md", "inside the vault's templates/ folder"),
        ("templates/prep.md", "inside the vault's templates/ folder"),
        (".gitignore", "the vault's .gitignore, which keeps Between's index"),
        ("journal/.gitignore", "the vault's .gitignore"),
        (".gitattributes", "the vault's .gitattributes, which tells git which notes to encrypt"),
    ])
    func outputIntoTheVaultIsRefusedWhereItWouldReplaceOrBecomeANote(path: String, reason: String) throws {
        let vault = try vaultWithNotes()
        defer { vault.remove() }
        _ = try CLI.run(["index", "--vault", vault.root])
        let before = try vault.fingerprint()
        for command in [["digest", "--format", "md"], ["export", "--format", "csv"]] {
            let result = try CLI.run(command + ["-o", path, "--vault", vault.root], in: vault.root, environment: Self.today)
            #expect(result.status == 2, "\(command) -o \(path)")
            #expect(result.stderr.contains("can't write to \(path): it is"), "\(result.stderr)")
            #expect(result.stderr.contains(reason), "\(result.stderr)")
            #expect(result.stderr.contains("Nothing was written"))
            #expect(try vault.fingerprint() == before, "\(command) -o \(path) changed the vault")
        }
        #expect(try vault.read("safety-plan.md") == Self.safetyPlan)
    }

    @Test func aLinkOutsideTheVaultToANoteIsRefusedAndSafePlacesAreWritten() throws {
        let vault = try vaultWithNotes()
        let outside = try TemporaryVault(marked: false)
        defer { vault.remove(); outside.remove() }
        try FileManager.default.createSymbolicLink(atPath: outside.root + "/plan.md", withDestinationPath: vault.root + "/safety-plan.md")
        let linked = try CLI.run(["digest", "-o", outside.root + "/plan.md", "--vault", vault.root], environment: Self.today)
        #expect(linked.status == 2)
        #expect(try vault.read("safety-plan.md") == Self.safetyPlan)
        // Not the vault's own files: another extension, an excluded folder, a folder named templates
        // below the top (only the top one holds templates), outside the vault.
        try FileManager.default.createDirectory(atPath: vault.root + "/drafts/templates", withIntermediateDirectories: true)
        for path in ["prep.html", "drafts/prep.md", "drafts/templates/prep.md", outside.root + "/prep.md"] {
            let result = try CLI.run(["digest", "-o", path, "--vault", vault.root], in: vault.root, environment: Self.today)
            #expect(result.status == 0, "-o \(path): \(result.stderr)")
            let written = path.hasPrefix("/") ? path : vault.root + "/" + path
            #expect(FileManager.default.contents(atPath: written).map { String(decoding: $0, as: UTF8.self).hasPrefix("# My own digest") || $0.starts(with: Array("<!DOCTYPE".utf8)) } == true, "\(path)")
        }
    }

    @Test func theScannerRuleDecidesWhatIsANote() {
        let scanner = VaultScanner(root: "/v", exclude: ["drafts", "**/*.tmp.md"])
        #expect(scanner.reads("a.md") && scanner.reads("journal/2026/x.Markdown") && scanner.reads("notes/templates/x.md"))
        #expect(!scanner.reads("a.txt") && !scanner.reads("templates/x.md") && !scanner.reads(".obsidian/x.md"))
        #expect(!scanner.reads("drafts/x.md") && !scanner.reads("journal/x.tmp.md") && !scanner.reads("journal/.hidden/x.md"))
    }

    // MARK: CSV never starts a formula

    @Test func csvCellsThatCouldStartAFormulaAreDefused() {
        for dangerous in ["=1+1", "+1+1", "-1+1", "@SUM(A1)", "\t=1+1", "\r=1+1", "\r\n=1+1", "\t", "\u{0D}"] {
            let cell = CSV.field(dangerous)
            let unquoted = cell.hasPrefix("\"") ? String(cell.dropFirst()) : cell
            #expect(unquoted.hasPrefix("'"), "\(dangerous.debugDescription) → \(cell.debugDescription)")
        }
        for harmless in ["-3", "+4.5", "plain text", " =spaced"] {
            #expect(!CSV.field(harmless).hasPrefix("'"), "\(harmless)")
        }
    }

    @Test func anExportedCSVKeepsALeadingTabOrReturnFromBecomingAFormula() throws {
        let vault = try TemporaryVault([
            "journal/a.md": "---\ntype: mood\ndate: 2026-11-20\nmood: 5\nsituation: \"\\t=HYPERLINK(\\\"http://example.invalid\\\")\"\nwhere: \"\\r=1+1\"\n---\n",
        ])
        defer { vault.remove() }
        let csv = try CLI.run(["export", "--format", "csv", "--vault", vault.root])
        #expect(csv.status == 0)
        #expect(csv.stdout.contains("'\t=HYPERLINK("), "\(csv.stdout.debugDescription)")
        #expect(csv.stdout.contains("\"'\r=1+1\""), "\(csv.stdout.debugDescription)")
    }

    // MARK: Notes that can't be read are counted, never shown

    private func vaultWithUnreadableNotes() throws -> TemporaryVault {
        let vault = try TemporaryVault([
            "sessions/2026-11-17.md": "---\ntype: session\ndate: 2026-11-17\n---\n",
            "journal/2026-11-20-2100-mood.md": "---\ntype: mood\ndate: 2026-11-20 21:00\nmood: 5\n---\n# Okay evening\n",
        ])
        try vault.writeBytes("journal/utf16.md", [0xFF, 0xFE] + Array("---\ntype: mood\n---\nzqhiddenq\n".utf8).flatMap { [$0, 0] })
        try vault.writeBytes("journal/binary.md", Array("zqhiddenq notes".utf8) + [0, 1, 2, 0xFF])
        try vault.writeBytes("journal/huge.md", Array("zqhiddenq ".utf8) + Array(repeating: UInt8(ascii: "a"), count: VaultReader.sizeLimit + 1))
        return vault
    }

    @Test func listAndDigestSayHowManyNotesTheyCouldNotRead() throws {
        let vault = try vaultWithUnreadableNotes()
        defer { vault.remove() }
        let list = try CLI.run(["list", "--vault", vault.root], environment: Self.today)
        #expect(list.status == 0)
        #expect(list.stderr.contains("between: warning: 3 notes couldn't be read and are not listed; `between check` lists them"))
        for format in ["md", "html", "json"] {
            let digest = try CLI.run(["digest", "--format", format, "--vault", vault.root], environment: Self.today)
            #expect(digest.status == 0)
            #expect(digest.stderr.contains("3 notes couldn't be read and are not in this digest; `between check` lists them"))
            #expect(!(digest.stdout + digest.stderr).contains("zqhiddenq"))
            #expect(!digest.stdout.contains("utf16.md"), "a note that can't be read may be private: not even its name is shared")
            switch format {
            case "json": #expect(digest.stdout.contains("\"unreadable_left_out\": 3"))
            case "html": #expect(digest.stdout.contains("3 notes couldn't be read and are not in this digest; <code>between check</code> lists them."))
            default: #expect(digest.stdout.contains("3 notes couldn't be read and are not in this digest; `between check` lists them."))
            }
        }
        let quiet = try CLI.run(["digest", "--quiet", "--vault", vault.root], environment: Self.today)
        #expect(quiet.stderr.isEmpty)
        #expect(quiet.stdout.contains("3 notes couldn't be read"), "the digest itself always says so")
        let export = try CLI.run(["export", "--vault", vault.root])
        #expect(export.stderr.contains("3 notes couldn't be read and are not in this export"))
        let check = try CLI.run(["check", "--vault", vault.root])
        for path in ["journal/utf16.md", "journal/binary.md", "journal/huge.md"] {
            #expect(check.stdout.contains(path))
        }
        #expect(!(list.stdout + list.stderr + check.stdout + export.stdout).contains("zqhiddenq"))
    }

    @Test func oneUnreadableNoteIsSaidInTheSingular() throws {
        let vault = try TemporaryVault(["journal/a.md": "---\ntype: mood\ndate: 2026-11-20\nmood: 5\n---\n"])
        defer { vault.remove() }
        try vault.writeBytes("journal/b.md", [0xC3, 0x28])
        let digest = try CLI.run(["digest", "--vault", vault.root], environment: Self.today)
        #expect(digest.stdout.contains("\n1 note couldn't be read and is not in this digest; `between check` lists it.\n"))
        let readable = try TemporaryVault(["a.md": "# Fine\n"])
        defer { readable.remove() }
        let none = try CLI.run(["digest", "--vault", readable.root], environment: Self.today)
        #expect(!none.stdout.contains("couldn't be read") && none.stderr.isEmpty)
    }
}
