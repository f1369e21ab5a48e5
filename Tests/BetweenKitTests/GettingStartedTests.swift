import Foundation
import Testing
@testable import BetweenKit

/// README's "Getting started" runs as written: its shell block is read from README.md
/// and run in a fresh folder, so the README can't drift from what Between does.
@Suite struct GettingStartedTests {
    static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("README.md").path

    /// The first ```sh block under "## Getting started".
    static func steps() throws -> String {
        let text = try String(contentsOfFile: readme, encoding: .utf8)
        let section = try #require(text.components(separatedBy: "\n## Getting started\n").dropFirst().first,
                                   "README.md has a Getting started section")
        let block = try #require(section.components(separatedBy: "\n## ")[0].components(separatedBy: "```sh\n").dropFirst().first,
                                 "with a shell block")
        return block.components(separatedBy: "\n```")[0] + "\n"
    }

    /// The commands of the block, without comments.
    static func commands(_ steps: String) -> [String] {
        steps.split(separator: "\n").map { line in
            String(line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]).trimmingCharacters(in: .whitespaces)
        }.filter { !$0.isEmpty }
    }

    @Test func theStepsRunAsWritten() throws {
        let folder = try TemporaryVault(marked: false)
        defer { folder.remove() }
        let steps = try Self.steps()
        let commands = Self.commands(steps)
        #expect(commands.first?.hasPrefix("between init ") == true && commands.last?.hasPrefix("between digest") == true,
                "from init to digest: \(commands)")
        #expect(commands.filter { $0.hasPrefix("between ") }.count == 4, "four steps: \(commands)")

        // As a person's shell runs it: `between` found on PATH, stopping at the first failure.
        // Not at a terminal, so `between new` prints the path and opens no editor (as the README says).
        let binaries = URL(fileURLWithPath: CLI.executable).deletingLastPathComponent().path
        let environment = [
            "PATH": binaries + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"),
            "HOME": folder.root, "XDG_CONFIG_HOME": folder.root + "/.config", "EDITOR": "", "VISUAL": "",
            "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1", "GIT_CEILING_DIRECTORIES": folder.root,
        ]
        let run = try CLI.runProgram("/bin/sh", ["-e", "-c", steps], in: folder.root, environment: environment)
        let output = String(decoding: run.stdout, as: UTF8.self)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stderr.contains("error"), "\(run.stderr)")

        let vault = folder.root + "/my-therapy"
        for path in ["between.yml", ".gitignore", ".git/hooks/pre-commit", "homework/4-7-8-breathing.md"] {
            #expect(FileManager.default.fileExists(atPath: vault + "/" + path), "\(path)")
        }
        let journal = FileManager.default.enumerator(atPath: vault + "/journal")?.compactMap { $0 as? String } ?? []
        #expect(journal.contains { $0.hasSuffix("-mood.md") }, "the check-in: \(journal)")
        #expect(output.contains("homework/4-7-8-breathing.md\n") && output.contains("-mood.md\n"), "new prints each path")
        #expect(output.contains("# Session prep") && output.contains("4-7-8 breathing"), "the digest: \(output)")

        // init's closing lines say the same steps, and how to set the crisis line.
        for command in commands where command.hasPrefix("between ") && !command.hasPrefix("between init") {
            let start = command.components(separatedBy: " \"")[0]
            #expect(run.stderr.contains("\n  " + start), "init mentions \(start): \(run.stderr)")
        }
        #expect(run.stderr.contains("\n  cd my-therapy\n"))
        #expect(run.stderr.contains("Set your crisis line: open between.yml, remove the # before crisis-line"))

        // Step 1 as the README says: remove the # before crisis-line, and put your own number.
        let settings = try String(contentsOfFile: vault + "/between.yml", encoding: .utf8)
        try #require(settings.contains("\n# crisis-line: "))
        let withNumber = settings.replacingOccurrences(of: "\n# crisis-line: \"Samaritans (UK & Ireland): 116 123, free, day or night\"",
                                                       with: "\ncrisis-line: \"Shout: text 85258\"")
        #expect(withNumber != settings)
        try withNumber.write(toFile: vault + "/between.yml", atomically: true, encoding: .utf8)
        let cope = try CLI.run(["cope"], in: vault)
        #expect(cope.status == 0 && cope.stdout.contains("Shout: text 85258"), "\(cope.stdout)\(cope.stderr)")
        let again = try CLI.run(["init"], in: vault)
        #expect(again.status == 0 && !again.stderr.contains("crisis line"), "set now: \(again.stderr)")
    }

    @Test func initsNextStepsFitWhereTheVaultIs() {
        let here = VaultInit.nextSteps(shownAs: ".", hasCrisisLine: false)
        #expect(!here.contains("cd ") && here.hasSuffix(VaultInit.crisisLineAdvice + "\n"))
        #expect(VaultInit.nextSteps(shownAs: "./", hasCrisisLine: true) == here.replacingOccurrences(of: VaultInit.crisisLineAdvice + "\n", with: ""))
        #expect(VaultInit.nextSteps(shownAs: "my notes", hasCrisisLine: true).contains("\n  cd 'my notes'\n"))
        #expect(VaultInit.nextSteps(shownAs: "/home/sam/therapy", hasCrisisLine: true).contains("\n  cd /home/sam/therapy\n"))
    }
}
