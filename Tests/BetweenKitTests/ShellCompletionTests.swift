import Foundation
import Testing
@testable import BetweenKit

/// The completion scripts `between --generate-completion-script` prints: kinds and types are
/// offered where they are asked for, and in bash a word is never mistaken for a folder of
/// the same name (`between new hom<Tab>` in a vault is `homework`, not `homework/`).
@Suite struct ShellCompletionTests {
    static let types = "homework session reflection thought-record exposure activity mood diary-card measure safety-plan note"

    @Test func bashCompletesKindsAndTypesAsWordsAndFoldersAsFolders() throws {
        let vault = try CaptureTests.vault() // holds the folders homework/, journal/, sessions/
        defer { vault.remove() }
        var environment = ["PATH": URL(fileURLWithPath: CLI.executable).deletingLastPathComponent().path + ":/usr/bin:/bin",
                           "TERM": "xterm", "HOME": vault.root, "INPUTRC": "/dev/null", "PS1": "$ "]
        environment["LANG"] = "C.UTF-8"
        let bash = try PseudoTerminal("/bin/bash", ["--norc", "--noprofile", "-i"], in: vault.root, environment: environment)
        bash.type("source <(between --generate-completion-script bash); echo 'sour''ced'\r")
        try bash.waitFor("sourced\r\n") // the echo's output, not the typed line
        // Each line is typed, completed with Tab, shown, then cleared with Ctrl-U.
        for (typed, completed) in [("between new hom", "between new homework "),
                                   ("between hom", "between homework "),
                                   ("between list --type thou", "between list --type thought-record "),
                                   ("between trend mood --type exp", "between trend mood --type exposure "),
                                   ("between init hom", "between init homework/")] {
            bash.type(typed + "\t")
            try bash.waitFor(completed)
            bash.type("\u{15}")
        }
        #expect(!bash.text.contains("new homework/") && !bash.text.contains("between homework/"))
        bash.type("exit\r")
        #expect(try bash.finish() == 0)
    }

    @Test func everyShellIsOfferedTheKindsAndTheTypes() throws {
        let bash = try CLI.run(["--generate-completion-script", "bash"])
        #expect(bash.status == 0 && !bash.stdout.contains("complete -o filenames"))
        #expect(bash.stdout.hasSuffix("complete -F _between between\n"))
        #expect(try CLI.run(["--generate-completion-script=bash"]).stdout == bash.stdout)
        let words = Self.types.split(separator: " ").map { "'\($0)'" }.joined(separator: "$'\\n'")
        #expect(bash.stdout.components(separatedBy: "'--type')\n        __between_add_completions -W \(words)\n").count == 4,
                "list, schema and trend complete --type")
        let zsh = try CLI.run(["--generate-completion-script", "zsh"])
        let quoted = Self.types.split(separator: " ").map { "'\($0)'" }.joined(separator: " ")
        #expect(zsh.status == 0 && zsh.stdout.components(separatedBy: "local -ar ___type=(\(quoted))\n").count == 4)
        #expect(zsh.stdout.contains("'--type[Only records of this type (e.g. thought-record).]:type:{__between_complete \"${___type[@]}\"}'"))
        #expect(!zsh.stdout.contains("compopt"), "the bash fix stays in the bash script")
        let fish = try CLI.run(["--generate-completion-script", "fish"])
        #expect(fish.stdout.components(separatedBy: " -l 'type' ").count == 4)
        #expect(fish.stdout.contains("-l 'type' -d 'Only records of this type (e.g. thought-record).' -rfka '\(Self.types)'"))
        #expect(fish.stdout.contains("-fka 'homework session reflection thought-record exposure activity mood diary-card phq9 gad7 safety-plan'"))
    }
}
