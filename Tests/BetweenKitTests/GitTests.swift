import Foundation
import Testing
@testable import BetweenKit

/// `between init --git` and `between check --staged`, in real temporary git repositories,
/// with the hook running the built `between` (its folder put on PATH, as an install would).
@Suite struct GitTests {
    /// git and between with a fixed identity, no user or system git config, and `between` on PATH.
    static var environment: [String: String] {
        let binaries = URL(fileURLWithPath: CLI.executable).deletingLastPathComponent().path
        return ["GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.invalid",
                "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.invalid",
                "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1",
                "GIT_CEILING_DIRECTORIES": FileManager.default.temporaryDirectory.path,
                "PATH": binaries + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")]
    }

    /// Runs git in `directory`; returns status and stdout+stderr together (as a person sees them).
    @discardableResult
    static func git(_ arguments: [String], in directory: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment
        for (key, value) in Self.environment { environment[key] = value }
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static func between(_ arguments: [String], in directory: String) throws -> CLI.Result {
        try CLI.run(arguments, in: directory, environment: environment)
    }

    /// A vault made by `between init --git`, with `files` written (not staged).
    static func repository(_ files: [String: String] = [:]) throws -> TemporaryVault {
        let vault = try TemporaryVault(files)
        let result = try between(["init", "--git"], in: vault.root)
        #expect(result.status == 0, "\(result.stderr)")
        return vault
    }

    static let good = "---\ntype: mood\ndate: 2026-11-20 21:00\nmood: 4\n---\n"
    static let bad = "---\ntype: mood\ndate: 2026-11-20 21:00\nmood: 14\n---\n"

    // MARK: - The whole flow

    @Test func initGitThenAValidCommitPassesAndABadOneIsStopped() throws {
        let vault = try TemporaryVault(marked: false)
        defer { vault.remove() }
        let setUp = try Self.between(["init", "--git"], in: vault.root)
        #expect(setUp.stdout.contains("Started a git repository here") && setUp.stdout.contains("Added a pre-commit hook"))
        let hook = vault.root + "/.git/hooks/pre-commit"
        #expect(FileManager.default.isExecutableFile(atPath: hook))
        #expect(try vault.read(".git/hooks/pre-commit").contains("exec between check --staged\n"))
        let reflection = try Self.between(["new", "reflection", "--no-edit"], in: vault.root)
        #expect(reflection.status == 0, "\(reflection.stderr)")
        #expect(try Self.git(["add", "-A"], in: vault.root).status == 0)
        #expect(!(try Self.git(["status", "--porcelain"], in: vault.root).output.contains(".between")), "the cache is ignored")
        let valid = try Self.git(["commit", "-m", "First reflection"], in: vault.root)
        #expect(valid.status == 0, "\(valid.output)")

        let mood = try Self.between(["new", "mood", "--date", "2026-11-20 21:00", "--no-edit"], in: vault.root)
        let path = mood.stdout.trimmingCharacters(in: .newlines)
        try vault.write(path, try vault.read(path).replacingOccurrences(of: "\nmood:  ", with: "\nmood: 14"))
        try Self.git(["add", path], in: vault.root)
        let stopped = try Self.git(["commit", "-m", "Bad mood"], in: vault.root)
        #expect(stopped.status != 0)
        #expect(stopped.output.contains("\(path):6:7: error: mood should be a number from 0 to 10, but it is 14"))
        #expect(stopped.output.contains("git commit --no-verify"))
        #expect(try Self.git(["rev-list", "--count", "HEAD"], in: vault.root).output == "1\n")

        // A commit of named paths uses git's own temporary index: only what it holds is checked.
        try vault.write("journal/ok.md", Self.good)
        try Self.git(["add", "journal/ok.md"], in: vault.root)
        let partial = try Self.git(["commit", "-m", "Only the good one", "journal/ok.md"], in: vault.root)
        #expect(partial.status == 0, "\(partial.output)")
    }

    // MARK: - check --staged

    @Test func checkStagedOutsideARepositoryIsAnEnvironmentError() throws {
        let vault = try TemporaryVault(["between.yml": "", "a.md": Self.good])
        defer { vault.remove() }
        let result = try Self.between(["check", "--staged"], in: vault.root)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("between: error: \(vault.root) is not in a git repository"))
    }

    @Test func aStagedDeletionIsNotChecked() throws {
        let vault = try Self.repository(["journal/bad.md": Self.bad])
        defer { vault.remove() }
        try Self.git(["add", "-A"], in: vault.root)
        #expect(try Self.git(["commit", "--no-verify", "-m", "deliberate"], in: vault.root).status == 0)
        try Self.git(["rm", "-q", "journal/bad.md"], in: vault.root)
        let result = try Self.between(["check", "--staged"], in: vault.root)
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stderr.contains("No problems found in 0 files"))
        #expect(try Self.git(["commit", "-m", "remove it"], in: vault.root).status == 0)
    }

    /// The line under a staged note's problem is that line of the staged text, also in a
    /// note saved with Windows line ends (CRLF), which used to show its whole text.
    @Test func aProblemInAStagedCRLFNoteShowsItsOwnLine() throws {
        let vault = try Self.repository(["journal/m.md": Self.bad.replacingOccurrences(of: "\n", with: "\r\n")])
        defer { vault.remove() }
        try Self.git(["add", "journal/m.md"], in: vault.root)
        let result = try Self.between(["check", "--staged"], in: vault.root)
        #expect(result.status == 1)
        #expect(result.stdout.contains("journal/m.md:4:7: error: mood should be a number from 0 to 10, but it is 14\n    mood: 14\n          ^\n"),
                "\(result.stdout)")
    }

    @Test func theStagedTextCountsNotTheWorkingTree() throws {
        let vault = try Self.repository(["journal/m.md": Self.bad])
        defer { vault.remove() }
        try Self.git(["add", "journal/m.md"], in: vault.root)
        try vault.write("journal/m.md", Self.good) // fixed on disk, but not staged
        let stagedBad = try Self.between(["check", "--staged"], in: vault.root)
        #expect(stagedBad.status == 1)
        #expect(stagedBad.stdout == "journal/m.md:4:7: error: mood should be a number from 0 to 10, but it is 14\n    mood: 14\n          ^\n")
        #expect(try Self.between(["check"], in: vault.root).status == 0)

        try Self.git(["add", "journal/m.md"], in: vault.root)
        try vault.write("journal/m.md", Self.bad) // broken on disk after staging the good text
        let stagedGood = try Self.between(["check", "--staged"], in: vault.root + "/journal")
        #expect(stagedGood.status == 0, "\(stagedGood.stdout)")
        #expect(stagedGood.stderr.contains("No problems found in 1 file"))
    }

    @Test func homeworkIdsAreLookedUpAmongTheStagedAssignments() throws {
        let vault = try Self.repository([
            "plans/breathing.md": "---\ntype: homework\nid: breathing-478\n---\nBreathe.\n",
            "journal/m.md": "---\ntype: mood\ndate: 2026-11-20\nhomework: breathing-478\n---\n",
        ])
        defer { vault.remove() }
        try Self.git(["add", "journal/m.md"], in: vault.root)
        let missing = try Self.between(["check", "--staged"], in: vault.root)
        #expect(missing.status == 1)
        #expect(missing.stdout.contains("journal/m.md:4:11: error: no assignment has the id 'breathing-478'"))
        try Self.git(["add", "plans/breathing.md"], in: vault.root)
        #expect(try Self.between(["check", "--staged"], in: vault.root).status == 0)
        #expect(try Self.git(["commit", "-m", "both"], in: vault.root).status == 0)
        // Committed earlier and unchanged since: still known.
        try vault.write("journal/n.md", "---\ntype: mood\ndate: 2026-11-21\nhomework: breathing-487\n---\n")
        try Self.git(["add", "journal/n.md"], in: vault.root)
        let typo = try Self.between(["check", "--staged"], in: vault.root)
        #expect(typo.stdout.contains("no assignment has the id 'breathing-487'; did you mean 'breathing-478'?"))
    }

    /// A first commit of a big vault stages every note. `check --staged` reads them a batch
    /// at a time and keeps only the lines its problems show, not every staged text at once
    /// (it held each one three times over: git's output, its bytes, and the text for carets).
    @Test(.enabled(if: ProcessInfo.processInfo.environment["BETWEEN_SANITIZER"] == nil))
    func checkStagedNeedsMemoryForABatchNotForEveryStagedNote() throws {
        let paragraph = String(repeating: "Tired but okay, went for the walk anyway and it helped a bit. ", count: 40)
        let body = "\n" + String(repeating: paragraph + "\n\n", count: 1_000) // 2.5 MB
        func staged(_ count: Int) throws -> TemporaryVault {
            let vault = try Self.repository()
            for number in 0..<count {
                // Each with a warning, so a line of each is shown.
                try vault.write("journal/2026-11-\(10 + number % 18)-\(number).md",
                                "---\ntype: mood\ndate: 2026-11-\(10 + number % 18) 21:00\ndistress: \"60\"\n---\n" + body)
            }
            try Self.git(["add", "-A"], in: vault.root)
            return vault
        }
        let small = try staged(3)
        let large = try staged(33)
        defer { small.remove(); large.remove() }
        let environment = Self.environment.map { "\($0.key)=\($0.value)" }
        let smallRun = try CLI.peakMemory(["check", "--staged", "--vault", small.root], environment: environment)
        let largeRun = try CLI.peakMemory(["check", "--staged", "--vault", large.root], environment: environment)
        #expect(smallRun.status == 0 && largeRun.status == 0)
        #expect(largeRun.kibibytes - smallRun.kibibytes < 40_000,
                "3 staged notes \(smallRun.kibibytes) KiB, 33 staged notes \(largeRun.kibibytes) KiB")
        let shown = try Self.between(["check", "--staged"], in: large.root)
        #expect(shown.stdout.components(separatedBy: "    distress: \"60\"\n").count == 34, "every note's line is shown")
    }

    // MARK: - init --git

    @Test func anExistingHookIsNeverOverwritten() throws {
        let vault = try TemporaryVault(marked: false)
        defer { vault.remove() }
        try Self.git(["init", "-q"], in: vault.root)
        let mine = "#!/bin/sh\necho my own checks\n"
        try vault.write(".git/hooks/pre-commit", mine)
        let result = try Self.between(["init", "--git"], in: vault.root)
        #expect(result.status == 0)
        #expect(try vault.read(".git/hooks/pre-commit") == mine)
        #expect(result.stdout.contains("Left the git repository alone"))
        #expect(result.stdout.contains("Left .git/hooks/pre-commit alone: there is a hook already. To check your notes before each commit, add this line to it:\n    between check --staged || exit 1\n"))
    }

    @Test func aVaultBelowTheRepositoryTopIsCheckedByTheHook() throws {
        let top = try TemporaryVault(marked: false)
        defer { top.remove() }
        try Self.git(["init", "-q"], in: top.root)
        let result = try Self.between(["init", "my notes", "--git"], in: top.root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try top.read(".git/hooks/pre-commit").contains("exec between check --staged --vault 'my notes'\n"))
        try top.write("my notes/journal/m.md", Self.bad)
        try Self.git(["add", "-A"], in: top.root)
        let stopped = try Self.git(["commit", "-m", "bad"], in: top.root)
        #expect(stopped.status != 0)
        #expect(stopped.output.contains("journal/m.md:4:7: error: mood should be a number from 0 to 10"))
    }
}
