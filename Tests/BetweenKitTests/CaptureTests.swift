import Foundation
import Testing
@testable import BetweenCore
@testable import BetweenKit

/// `between init` and `between new`: what they create, that they never overwrite or
/// escape the vault, the entry templates, and the editor flow (with a fake editor).
@Suite struct CaptureTests {
    // MARK: - init

    @Test func initCreatesAVaultWithEverySettingExplained() throws {
        let base = try TemporaryVault(marked: false)
        defer { base.remove() }
        let result = try CLI.run(["init", "notes"], in: base.root)
        #expect(result.status == 0, "\(result.stderr)")
        for folder in VaultInit.folders {
            #expect(FileSystem.status(base.root + "/notes/" + folder)?.kind == .directory)
        }
        #expect(try base.read("notes/.gitignore").contains("\n.between/\n"))
        let config = try base.read("notes/between.yml")
        let (parsed, problems) = VaultConfig.parse(config)
        #expect(problems.isEmpty && parsed == VaultConfig(), "a fresh between.yml changes nothing")
        // Every setting is there, commented: uncommenting them all gives a valid file that sets each one.
        let uncommented = config.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix("# ") && line.dropFirst(2).first.map { $0 == " " || $0.isLowercase } == true && line.contains(":")
                ? String(line.dropFirst(2)) : String(line)
        }.joined(separator: "\n")
        let (all, allProblems) = VaultConfig.parse(uncommented)
        #expect(allProblems.isEmpty, "\(allProblems.map(\.summary))")
        #expect(all.timezone != nil && all.crisisLine != nil && !all.exclude.isEmpty)
        #expect(all.thresholds.distress == 70 && all.thresholds.fit == 3 && all.thresholds.functioning == 3)
        #expect(uncommented.contains("week-start: monday") && uncommented.contains("private-by-default: false"))
        #expect(result.stdout.contains("Created between.yml"))
    }

    @Test func initAgainChangesNothingAndSaysWhatItLeftAlone() throws {
        let vault = try TemporaryVault(marked: false)
        defer { vault.remove() }
        #expect(try CLI.run(["init"], in: vault.root).status == 0)
        let before = try vault.fingerprint()
        let again = try CLI.run(["init", vault.root])
        #expect(again.status == 0)
        #expect(try vault.fingerprint() == before)
        #expect(!again.stdout.contains("Created"))
        #expect(again.stdout.contains("Left between.yml alone: it is already there"))
        #expect(again.stdout.contains("Left .gitignore alone: it already ignores .between/"))
        #expect(again.stderr.contains("Nothing to do"))
    }

    @Test func initOverANonEmptyFolderAddsOnlyWhatIsMissing() throws {
        let vault = try TemporaryVault([
            "between.yml": "timezone: Europe/London\n",
            "journal/old.md": "---\ntype: mood\ndate: 2026-11-01\nmood: 5\n---\n",
            ".gitignore": "*.tmp",
        ])
        defer { vault.remove() }
        let result = try CLI.run(["init"], in: vault.root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try vault.read("between.yml") == "timezone: Europe/London\n")
        #expect(try vault.read("journal/old.md").contains("mood: 5"))
        #expect(try vault.read(".gitignore") == "*.tmp\n.between/\n")
        #expect(result.stdout.contains("Created homework/") && result.stdout.contains("Left journal/ alone"))
        #expect(result.stdout.contains("Added .between/ to .gitignore"))
    }

    @Test func initOverAFileOrInAPlaceThatCantBeWrittenFailsClearly() throws {
        let base = try TemporaryVault(["somefile": "not a folder\n"])
        defer { base.remove() }
        let overFile = try CLI.run(["init", "somefile"], in: base.root)
        #expect(overFile.status == 2)
        #expect(overFile.stderr.hasPrefix("between: error: somefile is a file, not a folder"))
        // Tests run as root, where permissions don't bind: a path under a file can't be created either.
        let readOnly = try CLI.run(["init", "somefile/vault"], in: base.root)
        #expect(readOnly.status == 2)
        #expect(readOnly.stderr.hasPrefix("between: error: can't create somefile/vault (part of that path is a file, not a folder)"))
        #expect(try base.read("somefile") == "not a folder\n")
    }

    // MARK: - new: names, dates, never overwriting

    @Test func newWritesADatedJournalEntryAndNeverOverwrites() throws {
        let vault = try Self.vault()
        defer { vault.remove() }
        let first = try CLI.run(["new", "mood", "--date", "2026-11-20 19:30", "--no-edit"], in: vault.root)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == "journal/2026/11/2026-11-20-1930-mood.md\n")
        try vault.write("journal/2026/11/2026-11-20-1930-mood-2.md", "mine\n")
        let second = try CLI.run(["new", "mood", "--date", "2026-11-20T19:30", "--no-edit"], in: vault.root)
        #expect(second.stdout == "journal/2026/11/2026-11-20-1930-mood-3.md\n")
        #expect(try vault.read("journal/2026/11/2026-11-20-1930-mood-2.md") == "mine\n")
        let entry = EntryParser.parse(path: "m.md", text: try vault.read("journal/2026/11/2026-11-20-1930-mood.md"))
        #expect(entry.type == .mood && entry.date?.isoText == "2026-11-20T19:30" && entry.diagnostics.isEmpty)
        let dayOnly = try CLI.run(["new", "phq9", "--date", "2026-11-18", "--no-edit"], in: vault.root)
        #expect(dayOnly.stdout == "journal/2026/11/2026-11-18-phq9.md\n")
        let session = try CLI.run(["new", "session", "--date", "2026-11-24", "--no-edit"], in: vault.root + "/journal")
        #expect(session.stdout == "\(vault.root)/sessions/2026-11-24.md\n", "outside the current folder: an absolute path")
        let plan = try CLI.run(["new", "safety-plan", "--no-edit"], in: vault.root)
        #expect(plan.stdout == "safety-plan.md\n")
    }

    @Test func newUsesTheVaultsClockWhenNoDateIsGiven() throws {
        let instant = Date(timeIntervalSince1970: 1_795_735_800) // 2026-11-26 23:30 UTC
        #expect(LocalClock(timeZone: TimeZone(identifier: "Pacific/Auckland")!).now(at: instant).isoText == "2026-11-27T12:30")
        #expect(LocalClock(timeZone: TimeZone(identifier: "America/New_York")!).now(at: instant).isoText == "2026-11-26T18:30")
        let vault = try Self.vault(["between.yml": "timezone: Pacific/Kiritimati\n"])
        defer { vault.remove() }
        let before = LocalClock(timeZone: TimeZone(identifier: "Pacific/Kiritimati")!).now()
        let result = try CLI.run(["new", "reflection", "--no-edit"], in: vault.root, environment: ["TZ": "America/Los_Angeles"])
        let after = LocalClock(timeZone: TimeZone(identifier: "Pacific/Kiritimati")!).now()
        let stamps = [before, after].map { "\($0.dayString)-\(String(format: "%02d%02d", $0.hour!, $0.minute!))" }
        #expect(stamps.contains { result.stdout.contains($0 + "-reflection.md") }, "\(result.stdout)")
    }

    /// `--date` reads relative days as `digest --since` does, `BETWEEN_TODAY` included.
    @Test func newReadsRelativeDaysFromTheFixedToday() throws {
        let vault = try Self.vault()
        defer { vault.remove() }
        let fixed = ["BETWEEN_TODAY": "2026-11-20"]
        for (date, file) in [("today", "2026-11-20"), ("tomorrow", "2026-11-21"), ("-1w", "2026-11-13"), ("+2d", "2026-11-22")] {
            let result = try CLI.run(["new", "mood", "--date", date, "--no-edit"], in: vault.root, environment: fixed)
            #expect(result.status == 0 && result.stdout == "journal/2026/11/\(file)-mood.md\n", "\(date): \(result)")
        }
    }

    @Test func newRejectsAnUnknownTypeOrABadDateAsUsageErrors() throws {
        let vault = try Self.vault()
        defer { vault.remove() }
        let typo = try CLI.run(["new", "thought-recrod", "--no-edit"], in: vault.root)
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("there is no entry template called 'thought-recrod'; did you mean 'thought-record'?"))
        let measure = try CLI.run(["new", "measure"], in: vault.root)
        #expect(measure.status == 2 && measure.stderr.contains("phq9 or gad7"))
        let impossible = try CLI.run(["new", "mood", "--date", "2026-13-45", "--no-edit"], in: vault.root)
        #expect(impossible.status == 2)
        #expect(impossible.stderr.contains("'2026-13-45' is not a real date: there is no month 13"))
        let words = try CLI.run(["new", "mood", "--date", "next tuesday", "--no-edit"], in: vault.root)
        #expect(words.status == 2 && words.stderr.contains("'next tuesday' is not a date"))
        #expect(try vault.fingerprint().keys.allSatisfy { !$0.hasPrefix("journal/2") }, "nothing was written")
    }

    @Test func newWritesOnlyIntoAVault() throws {
        let folder = try TemporaryVault(["notes.md": "just a folder\n"], marked: false)
        defer { folder.remove() }
        let result = try CLI.run(["new", "mood", "--no-edit"], in: folder.root)
        #expect(result.status == 2)
        #expect(result.stderr.contains("this folder is not a vault") && result.stderr.contains("between init"))
        let named = try CLI.run(["new", "mood", "--no-edit", "--vault", folder.root, "--date", "2026-11-20"])
        #expect(named.status == 2 && named.stderr.contains("is not a vault"), "\(named.stderr)")
        #expect(try folder.fingerprint().keys.sorted() == ["notes.md"])
        #expect(!FileManager.default.fileExists(atPath: folder.root + "/.between"))
        try folder.write("between.yml", "")
        let marked = try CLI.run(["new", "mood", "--no-edit", "--vault", folder.root, "--date", "2026-11-20"])
        #expect(marked.status == 0 && marked.stdout == folder.root + "/journal/2026/11/2026-11-20-mood.md\n")
    }

    @Test func titlesBecomeSafeSlugsThatNeverLeaveTheVault() throws {
        #expect(Slug.make("../../etc/passwd") == "etc-passwd")
        #expect(Slug.make("Bus: 3 stops / Sat? <rush> *hour* | \"ok\"") == "bus-3-stops-sat-rush-hour-ok")
        #expect(Slug.make("Über-anxious café") == "uber-anxious-cafe")
        #expect(Slug.make("..") == nil && Slug.make("/") == nil && Slug.make("🙂") == nil)
        #expect(Slug.make(String(repeating: "long word ", count: 20))!.count <= Slug.maximumLength)
        let vault = try Self.vault()
        defer { vault.remove() }
        let escape = try CLI.run(["new", "homework", "--title", "../../../outside", "--no-edit"], in: vault.root)
        #expect(escape.stdout == "homework/outside.md\n", "\(escape.stderr)")
        let text = try vault.read("homework/outside.md")
        #expect(text.contains("id: outside\ntitle: \"../../../outside\"\n"))
        let odd = try CLI.run(["new", "homework", "--homework", "a/b\\c:d*e", "--no-edit"], in: vault.root)
        #expect(odd.stdout == "homework/a-b-c-d-e.md\n")
        let emptySlug = try CLI.run(["new", "homework", "--title", "///", "--no-edit"], in: vault.root)
        #expect(emptySlug.stdout == "homework/assignment.md\n")
        let title = "Dev: \"go through\" it / ../ # not a comment\n- not: a field"
        let journal = try CLI.run(["new", "reflection", "--title", title, "--date", "2026-11-20 08:00", "--no-edit"], in: vault.root)
        let entry = EntryParser.parse(path: "r.md", text: try vault.read("journal/2026/11/2026-11-20-0800-reflection.md"))
        #expect(journal.status == 0 && entry.title == title && entry.diagnostics.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: vault.root + "/../outside.md"))
    }

    @Test func valuesFilledIntoFrontMatterReadBackExactly() {
        let tricky = ["true", "yes", "No", "null", "~", "2026-11-20", "123", "1e3", "0x1F", "0o17", ".inf", "- item", "[a, b]",
                      "{a: 1}", "key: value", "ends with colon:", "a #not comment", " leading", "trailing ", "'quoted'", "\"dq\"",
                      "tab\there", "line\nbreak", "back\\slash", "* star", "& amp", "!bang", "% pct", "@at", "`tick`", "| pipe",
                      "> gt", "?q", "Über café", "emoji 🙂", "sep\u{2028}arator", "...", "---", "Tom & Jo's (big) day!"]
        for text in tricky {
            let entry = EntryParser.parse(path: "t.md", text: "---\ntitle: \(YAMLText.scalar(text))\nmood:\n---\n")
            #expect(entry.diagnostics.isEmpty && entry.text("title") == text, "\(text) → \(YAMLText.scalar(text))")
        }
        #expect(YAMLText.scalar("Bus exposure ladder") == "Bus exposure ladder", "plain when that is safe")
    }

    // MARK: - new: homework ids

    @Test func homeworkMustNameAKnownAssignmentAndTheOnlyMatchIsFilledIn() throws {
        let vault = try Self.vault([
            "homework/breathing-478.md": "---\ntype: homework\ntitle: Breathing\nexpects: mood\n---\n",
            "homework/bus-exposure.md": "---\ntype: homework\nexpects: exposure\n---\n",
            "homework/old-exposure.md": "---\ntype: homework\nexpects: exposure\nstatus: done\n---\n",
        ])
        defer { vault.remove() }
        let typo = try CLI.run(["new", "mood", "--homework", "breathing-487", "--no-edit"], in: vault.root)
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("no assignment has the id 'breathing-487'; did you mean 'breathing-478'?"))
        let mood = try CLI.run(["new", "mood", "--date", "2026-11-20 07:00", "--no-edit"], in: vault.root)
        #expect(try vault.read(mood.stdout.trimmingCharacters(in: .newlines)).contains("\nhomework: breathing-478\n"))
        let exposure = try CLI.run(["new", "exposure", "--date", "2026-11-20 08:00", "--no-edit"], in: vault.root)
        #expect(try vault.read(exposure.stdout.trimmingCharacters(in: .newlines)).contains("\nhomework: bus-exposure\n"),
                "the done assignment doesn't count")
        let reflection = try CLI.run(["new", "reflection", "--date", "2026-11-20 09:00", "--no-edit"], in: vault.root)
        #expect(try vault.read(reflection.stdout.trimmingCharacters(in: .newlines)).contains("\nhomework:\n"))
        #expect(try CLI.run(["check"], in: vault.root).status == 0)
    }

    /// `new --homework` and `check` say the same sentence, each with its own way on: `new`
    /// shows the id as typed and up to twelve known ones, `check` cuts what a note holds short.
    @Test func anUnknownAssignmentIsExplainedWithTheIdsThereAreOrHowToAddOne() {
        let none = CaptureError.unknownAssignment("walking", known: []).description
        #expect(none == "no assignment has the id 'walking'; there are no assignments yet (create one with `between new homework --title \"…\"`)")
        let ids = (1...13).map { "assignment-\($0 + 100)-" + String(repeating: "x", count: 40) }
        let long = String(repeating: "q", count: 45)
        let listed = CaptureError.unknownAssignment(long, known: ids).description
        #expect(listed == "no assignment has the id '\(long)'; known ids: \(ids.prefix(12).joined(separator: ", "))")

        func checked(_ id: String, known: [String]) -> String? {
            let assignments = known.map { VaultChecks.HomeworkReference(path: "homework/\($0).md", isAssignment: true, id: $0, position: nil) }
            let note = VaultChecks.HomeworkReference(path: "journal/a.md", isAssignment: false, id: id, position: nil)
            return VaultChecks.diagnostics(for: assignments + [note]).first?.message
        }
        #expect(checked("walking", known: []) == "no assignment has the id 'walking'; add it as homework/walking.md, or remove the homework line")
        let cut = String(long.prefix(40)) + "…"
        let shownIDs = ids.sorted().prefix(8).map { String($0.prefix(40)) + "…" }
        #expect(checked(long, known: ids) == "no assignment has the id '\(cut)'; known ids: \(shownIDs.joined(separator: ", "))")
        #expect(checked("walkng", known: ["walking", "breathing"]) == "no assignment has the id 'walkng'; did you mean 'walking'?")
        // A pasted page is compared with no id (the edit distance would cost its length squared).
        let page = String(repeating: "walking", count: 40)
        #expect(checked(page, known: [String(page.dropLast())])?.contains("; known ids: ") == true)
    }

    /// The one way Between creates a file (a note, `between.yml`, a key, a template, the
    /// pre-commit hook): the bytes whole, or nothing; never over a file, a folder or a link.
    @Test func aNewFileIsWrittenWholeAndNeverReplacesAnything() throws {
        let vault = try TemporaryVault(["mine.md": "mine\n"])
        defer { vault.remove() }
        let bytes = Array("---\ntype: mood\nmood: 4\n---\nA slow morning.\n".utf8)
        #expect(FileSystem.createNew(vault.root + "/new.md", bytes: bytes, mode: 0o600))
        #expect(FileManager.default.contents(atPath: vault.root + "/new.md") == Data(bytes))
        #expect(FileSystem.status(vault.root + "/new.md")?.kind == .file)
        let mode = try FileManager.default.attributesOfItem(atPath: vault.root + "/new.md")[.posixPermissions] as? Int
        #expect(mode.map { $0 & 0o077 } == 0, "nothing for the group or others")

        #expect(!FileSystem.createNew(vault.root + "/mine.md", bytes: bytes, mode: 0o644))
        #expect(errno == EEXIST)
        #expect(try vault.read("mine.md") == "mine\n")
        try FileManager.default.createDirectory(atPath: vault.root + "/folder.md", withIntermediateDirectories: false)
        #expect(!FileSystem.createNew(vault.root + "/folder.md", bytes: bytes, mode: 0o644))
        #expect(errno == EEXIST)
        // A dangling link is not followed: its target is never created.
        try FileManager.default.createSymbolicLink(atPath: vault.root + "/link.md", withDestinationPath: vault.root + "/elsewhere.md")
        #expect(!FileSystem.createNew(vault.root + "/link.md", bytes: bytes, mode: 0o644))
        #expect(errno == EEXIST)
        #expect(FileSystem.status(vault.root + "/elsewhere.md") == nil)

        #expect(!FileSystem.createNew(vault.root + "/missing/new.md", bytes: bytes, mode: 0o644))
        #expect(FileSystem.lastReason == "no such file or directory", "the system's reason, for the caller's message")
    }

    @Test func aSecondAssignmentWithTheSameIdIsRefusedNeverRenamed() throws {
        let vault = try Self.vault([
            "homework/breathing.md": "---\ntype: homework\nid: breathing-478\n---\n",
            "homework/ideas.md": "Things to try, maybe.\n",
            "homework/broken.md": "---\ntype: homework\ntitle: [unclosed\n---\n",
        ])
        defer { vault.remove() }
        let first = try CLI.run(["new", "homework", "--title", "Bus exposure", "--no-edit"], in: vault.root)
        #expect(first.status == 0 && first.stdout == "homework/bus-exposure.md\n", "\(first.stderr)")
        try vault.write("homework/bus-exposure.md", try vault.read("homework/bus-exposure.md") + "Two stops, then three.\n")
        let before = try vault.fingerprint()
        let again = try CLI.run(["new", "homework", "--title", "Bus Exposure!", "--no-edit"], in: vault.root)
        #expect(again.status == 2 && again.stdout.isEmpty)
        #expect(again.stderr.contains("between: error: can't make a second assignment 'bus-exposure': it is taken by homework/bus-exposure.md."))
        #expect(again.stderr.contains("open homework/bus-exposure.md in your editor; for a new one, choose another --title"))
        // The id of an assignment in another file, a file that isn't an assignment, one that can't be read yet.
        for (id, owner) in [("breathing-478", "homework/breathing.md"), ("ideas", "homework/ideas.md"), ("broken", "homework/broken.md")] {
            let taken = try CLI.run(["new", "homework", "--homework", id, "--no-edit"], in: vault.root)
            #expect(taken.status == 2 && taken.stderr.contains("'\(id)': it is taken by \(owner)."), "\(taken.stderr)")
        }
        #expect(try vault.fingerprint() == before, "nothing written, nothing changed")
        let untitled = try CLI.run(["new", "homework", "--no-edit"], in: vault.root)
        #expect(untitled.stdout == "homework/assignment.md\n")
        let untitledAgain = try CLI.run(["new", "homework", "--no-edit"], in: vault.root)
        #expect(untitledAgain.status == 2 && untitledAgain.stderr.contains("'assignment': it is taken by homework/assignment.md."))
    }

    @Test func homeworkIdsCompleteInTheShellQuietly() throws {
        let vault = try Self.vault(["homework/breathing-478.md": "---\ntype: homework\n---\n",
                                    "homework/bus-exposure.md": "---\ntype: homework\nid: bus\n---\n"])
        defer { vault.remove() }
        // A linked assignment counts; a folder or a dangling link with a Markdown name doesn't.
        try vault.write("elsewhere/sleep.md", "---\ntype: homework\nid: sleep-diary\n---\n")
        try FileManager.default.createSymbolicLink(atPath: vault.root + "/homework/sleep.md", withDestinationPath: "../elsewhere/sleep.md")
        try FileManager.default.createSymbolicLink(atPath: vault.root + "/homework/gone.md", withDestinationPath: "../elsewhere/gone.md")
        try FileManager.default.createDirectory(atPath: vault.root + "/homework/folder.md", withIntermediateDirectories: true)
        let all = try CLI.run(["---completion", "new", "--", "--homework", "0", "0"], in: vault.root + "/journal")
        #expect(all.status == 0 && all.stderr.isEmpty)
        #expect(all.stdout == "breathing-478\nbus\nsleep-diary\n")
        let prefixed = try CLI.run(["---completion", "new", "--", "--homework", "0", "2", "br"], in: vault.root)
        #expect(prefixed.stdout == "breathing-478\n")
        let nowhere = try CLI.run(["---completion", "new", "--", "--homework", "2", "0", "--vault", "/nonexistent", ""])
        #expect(nowhere.status == 0 && nowhere.stdout.isEmpty && nowhere.stderr.isEmpty)
        let script = try CLI.run(["--generate-completion-script", "bash"])
        #expect(script.status == 0 && script.stdout.contains("---completion new -- --homework"))
    }

    // MARK: - Helpers

    /// An initialised vault (folders and between.yml) holding `files`.
    static func vault(_ files: [String: String] = [:]) throws -> TemporaryVault {
        let vault = try TemporaryVault(files)
        let result = try CLI.run(["init"], in: vault.root)
        #expect(result.status == 0, "\(result.stderr)")
        return vault
    }
}

/// `between new --edit` with a fake editor (a shell script set as `$EDITOR`).
@Suite struct EditorFlowTests {
    /// A fake editor: records its arguments, then runs `action` on the file (its last argument).
    static func editor(in vault: TemporaryVault, _ action: String, name: String = "fake-editor.sh") throws -> String {
        let path = vault.root + "/.tools/" + name
        try vault.write(".tools/" + name, """
        #!/bin/sh
        for last in "$@"; do :; done
        printf '%s\\n' "$@" > "\(vault.root)/.tools/arguments"
        \(action)
        """)
        chmod(path, 0o755)
        return path
    }

    static func run(_ vault: TemporaryVault, editor: String, visual: String = "", _ extra: [String] = []) throws -> CLI.Result {
        try CLI.run(["new", "mood", "--date", "2026-11-20 21:00", "--edit"] + extra, in: vault.root,
                    environment: ["EDITOR": editor, "VISUAL": visual])
    }

    static let path = "journal/2026/11/2026-11-20-2100-mood.md"

    @Test func theEditorOpensTheNewFileAndWhatIsTypedIsChecked() throws {
        let vault = try CaptureTests.vault()
        defer { vault.remove() }
        let script = try Self.editor(in: vault, #"sed -i 's/^mood: .*/mood: 6/' "$last"; echo 'Walked to the shop.' >> "$last"; echo editor-output"#,
                                    name: "fake editor.sh")
        // An editor command with arguments, and a path with a space, quoted as a shell would.
        let result = try Self.run(vault, editor: "'\(script)' --wait -n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == Self.path + "\n", "the editor's own output goes to stderr")
        #expect(result.stderr.contains("editor-output"))
        #expect(try vault.read(".tools/arguments") == "--wait\n-n\n\(vault.root)/\(Self.path)\n")
        let text = try vault.read(Self.path)
        #expect(text.contains("\nmood: 6\n") && text.hasSuffix("Walked to the shop.\n"))
    }

    @Test func visualWinsOverEditor() throws {
        let vault = try CaptureTests.vault()
        defer { vault.remove() }
        let visual = try Self.editor(in: vault, #"echo visual >> "$last""#, name: "visual.sh")
        let result = try Self.run(vault, editor: "/nonexistent/editor", visual: visual)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try vault.read(Self.path).hasSuffix("visual\n"))
    }

    @Test func problemsTypedInTheEditorArePrintedAfterItCloses() throws {
        let vault = try CaptureTests.vault()
        defer { vault.remove() }
        let script = try Self.editor(in: vault, #"sed -i 's/^mood: .*/mood: 14/' "$last""#)
        let result = try Self.run(vault, editor: script)
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(Self.path):6:7: error: mood should be a number from 0 to 10, but it is 14\n    mood: 14\n          ^\n"))
        #expect(result.stdout == Self.path + "\n")
    }

    @Test func anEditorThatFailsNeverLosesTheFile() throws {
        let vault = try CaptureTests.vault()
        defer { vault.remove() }
        let script = try Self.editor(in: vault, #"echo 'half a thought' >> "$last"; exit 3"#)
        let result = try Self.run(vault, editor: script)
        #expect(result.status == 1)
        #expect(result.stderr.contains("exited with status 3; kept the file: \(Self.path)"))
        #expect(try vault.read(Self.path).hasSuffix("half a thought\n"))
        #expect(result.stdout == Self.path + "\n")
    }

    @Test func anEditorThatDoesNotExistLeavesTheTemplateInPlace() throws {
        let vault = try CaptureTests.vault()
        defer { vault.remove() }
        let result = try Self.run(vault, editor: "/nonexistent/editor --wait")
        #expect(result.status == 2)
        #expect(result.stderr.contains("between: error: the editor (EDITOR=/nonexistent/editor --wait) was not found"))
        #expect(result.stderr.contains("The new entry is kept: \(Self.path)"))
        #expect(try vault.read(Self.path).hasPrefix("---\ntype: mood\n"))
        let none = try CLI.run(["new", "mood", "--date", "2026-11-20 22:00", "--edit"], in: vault.root,
                               environment: ["EDITOR": "", "VISUAL": ""])
        #expect(none.status == 2 && none.stderr.contains("set $VISUAL or $EDITOR"))
        #expect(none.stdout == "journal/2026/11/2026-11-20-2200-mood.md\n")
    }

    @Test func anUntouchedTemplateIsKeptAndSaidSo() throws {
        let vault = try CaptureTests.vault()
        defer { vault.remove() }
        let script = try Self.editor(in: vault, "true")
        let result = try Self.run(vault, editor: script)
        #expect(result.status == 0)
        #expect(result.stderr.contains("the file is as the template left it; kept the file: \(Self.path)"))
        #expect(FileManager.default.fileExists(atPath: vault.root + "/" + Self.path))
        let noEdit = try CLI.run(["new", "mood", "--no-edit"], in: vault.root, environment: ["EDITOR": "/nonexistent/editor"])
        #expect(noEdit.status == 0 && !noEdit.stderr.contains("editor"))
    }
}
