import Foundation
import Testing
@testable import BetweenKit

/// `between new` at a real terminal (a pseudo-terminal it controls, as from a shell prompt):
/// a terminal editor gets the keyboard and the screen, Ctrl-C goes to the editor and never
/// kills Between, the terminal's settings come back afterwards, and the "Keep the file?"
/// question takes only a clear yes or no.
@Suite struct TerminalEditorTests {
    /// The vim `make test-deps` installs (vim-tiny), or any vim.
    static let vim = ["vim.tiny", "vim"].lazy.compactMap { Subprocess.find($0) }.first
    /// Under CI the editor must be there: a missing one fails the test instead of skipping it.
    static let underCI = !(ProcessInfo.processInfo.environment["CI"] ?? "").isEmpty
    static let path = "journal/2026/11/2026-11-20-2100-mood.md"

    /// Starts `between new mood` at a new terminal with `$EDITOR` set to `editor`.
    static func start(_ vault: TemporaryVault, editor: String) throws -> PseudoTerminal {
        var environment = ProcessInfo.processInfo.environment
        environment["BETWEEN_VAULT"] = nil
        environment["VISUAL"] = nil
        environment["LC_ALL"] = nil
        environment["EDITOR"] = editor
        environment["NO_COLOR"] = "1"
        environment["TERM"] = "xterm"
        environment["LANG"] = "C.UTF-8"
        environment["HOME"] = vault.root + "/.home" // no vimrc or viminfo of the machine's user
        return try PseudoTerminal(CLI.executable, ["new", "mood", "--date", "2026-11-20 21:00"], in: vault.root,
                                  environment: environment)
    }

    /// A shell script as the editor, in the vault's `.tools/`; `$last` is the file to edit.
    static func script(in vault: TemporaryVault, _ body: String) throws -> String {
        try EditorFlowTests.editor(in: vault, body, name: "terminal-editor.sh")
    }

    @Test(.enabled(if: vim != nil || underCI, "needs vim or vim.tiny (`make test-deps` installs vim-tiny)"))
    func vimGetsTheTerminalAndWhatIsTypedIsSaved() throws {
        let vim = try #require(Self.vim, "vim is not installed; `make test-deps` installs vim-tiny")
        let vault = try CaptureTests.vault()
        defer { vault.remove() }
        // With arguments, as people set it: no vimrc, no viminfo, no swap file.
        let terminal = try Self.start(vault, editor: "\(vim) -u NONE -i NONE -n")
        try terminal.waitFor("2100-mood.md\"") // vim's message naming the file it opened
        #expect(terminal.foregroundGroup == terminal.pid, "Between (and so vim) is the terminal's foreground group")
        terminal.type("Go")
        terminal.type("Took the bus two stops. Hands shaking, stayed on anyway.")
        terminal.type("\u{1b}")
        Thread.sleep(forTimeInterval: 0.3) // lets vim take the Escape as a key of its own, not the start of one
        terminal.type(":wq\r")
        let status = try terminal.finish()
        #expect(status == 0, "\(terminal.text)")
        let text = try vault.read(Self.path)
        #expect(text.hasPrefix("---\ntype: mood\n") && text.hasSuffix("\nTook the bus two stops. Hands shaking, stayed on anyway.\n"))
        #expect(terminal.text.hasSuffix(Self.path + "\r\n"), "the path is printed once vim has closed")
        #expect(terminal.modes.c_lflag & tcflag_t(ECHO | ICANON) == tcflag_t(ECHO | ICANON))
    }

    @Test func ctrlCGoesToTheEditorAndTheTerminalIsRestoredAfter() throws {
        let vault = try CaptureTests.vault()
        defer { vault.remove() }
        // Like a terminal editor: changes the terminal's settings, and takes Ctrl-C itself.
        let editor = try Self.script(in: vault, """
        stty -echo -icanon
        trap 'echo "Ctrl-C reached the editor." >> "$last"; exit 0' INT
        echo "editor ready"
        while :; do sleep 0.1; done
        """)
        let terminal = try Self.start(vault, editor: editor)
        try terminal.waitFor("editor ready")
        #expect(terminal.modes.c_lflag & tcflag_t(ECHO | ICANON) == 0, "the editor changed the settings")
        #expect(terminal.foregroundGroup == terminal.pid)
        terminal.type("\u{03}")
        let status = try terminal.finish()
        #expect(status == 0, "Between was not interrupted: \(terminal.text)")
        #expect(try vault.read(Self.path).hasSuffix("\nCtrl-C reached the editor.\n"))
        #expect(terminal.text.hasSuffix(Self.path + "\r\n"))
        #expect(terminal.modes.c_lflag & tcflag_t(ECHO | ICANON) == tcflag_t(ECHO | ICANON), "Between put the settings back")
    }

    @Test func anEditorEndedByCtrlCLeavesTheChoiceToThePerson() throws {
        let vault = try CaptureTests.vault()
        defer { vault.remove() }
        let editor = try Self.script(in: vault, "stty -echo -icanon\necho 'editor ready'\nexec sleep 30")
        let terminal = try Self.start(vault, editor: editor)
        try terminal.waitFor("editor ready")
        terminal.type("\u{03}")
        try terminal.waitFor("[Y/n] ")
        #expect(terminal.text.contains("was ended by a signal (Interrupt), and the file is as the template left it. Keep the file \(Self.path)?"))
        #expect(terminal.modes.c_lflag & tcflag_t(ECHO | ICANON) == tcflag_t(ECHO | ICANON), "the question is asked with echo on")
        terminal.type("maybe\r")
        try terminal.waitFor("Please answer y to keep \(Self.path) or n to remove it. Keep it? [Y/n] ")
        terminal.type("\r")
        let status = try terminal.finish()
        #expect(status == 1, "the editor failed: \(terminal.text)")
        #expect(try vault.read(Self.path).hasPrefix("---\ntype: mood\n"), "Enter keeps the file")
    }

    @Test func noAtTheTerminalRemovesAnUntouchedEntryAndEndOfInputKeepsIt() throws {
        let vault = try CaptureTests.vault()
        defer { vault.remove() }
        let terminal = try Self.start(vault, editor: "true")
        try terminal.waitFor("the file is as the template left it. Keep the file \(Self.path)? [Y/n] ")
        terminal.type("No\r")
        #expect(try terminal.finish() == 0)
        #expect(terminal.text.contains("Removed \(Self.path)."))
        #expect(!FileManager.default.fileExists(atPath: vault.root + "/" + Self.path))

        let again = try Self.start(vault, editor: "true")
        try again.waitFor("[Y/n] ")
        again.type("\u{04}") // Ctrl-D: the input ends
        #expect(try again.finish() == 0)
        #expect(again.text.contains("no answer; kept the file: \(Self.path)"))
        #expect(FileManager.default.fileExists(atPath: vault.root + "/" + Self.path))
    }

    @Test func theShellGivesWayToTheEditorUnlessTheSettingIsMoreThanACommand() throws {
        func shell(_ setting: String) -> String { Editor(environment: ["EDITOR": setting])!.shellCommand }
        #expect(shell("code --wait") == #"exec code --wait "$@""#)
        #expect(shell("  '/opt/my editor/ed' -p '*'") == #"exec   '/opt/my editor/ed' -p '*' "$@""#)
        #expect(shell("LANG=C vim") == #"LANG=C vim "$@""#, "exec would take LANG=C for the program")
        #expect(shell("vim; echo done") == #"vim; echo done "$@""#)
        #expect(shell("sleep 1 && vim") == #"sleep 1 && vim "$@""#)
        // Such settings still open the file.
        let vault = try CaptureTests.vault()
        defer { vault.remove() }
        let script = try EditorFlowTests.editor(in: vault, #"echo "$NOTE" >> "$last""#)
        let result = try EditorFlowTests.run(vault, editor: "NOTE='Set before the editor.' \(script)")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try vault.read(Self.path).hasSuffix("\nSet before the editor.\n"))
    }

    @Test func aPathWithSpacesQuotesAndDollarsReachesTheEditorAsOneArgument() throws {
        let base = try TemporaryVault()
        defer { base.remove() }
        let folder = #"Sam's "notes" $HOME & `date`"#
        try base.write(folder + "/between.yml", "")
        let script = try EditorFlowTests.editor(in: base, #"echo 'Written through the odd path.' >> "$last""#)
        let result = try CLI.run(["new", "mood", "--date", "2026-11-20 21:00", "--edit", "--vault", base.root + "/" + folder],
                                 environment: ["EDITOR": "'\(script)' --wait", "VISUAL": ""])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try base.read(".tools/arguments") == "--wait\n\(base.root)/\(folder)/\(Self.path)\n")
        #expect(try base.read(folder + "/" + Self.path).hasSuffix("\nWritten through the odd path.\n"))
    }

    @Test func aProgramStoppedByTheTerminalFailsTheWaitInsteadOfHangingIt() throws {
        let folder = try TemporaryVault()
        defer { folder.remove() }
        // Job control puts `stty` in a background group, where changing the terminal stops it (SIGTTOU),
        // as Foundation's Process used to leave an editor.
        let terminal = try PseudoTerminal("/bin/sh", ["-c", "set -m; stty -echo & sleep 30"], in: folder.root,
                                          environment: ["PATH": "/usr/bin:/bin", "TERM": "xterm"])
        #expect {
            _ = try terminal.finish()
        } throws: { error in
            "\(error)".contains("stty") && "\(error)".contains("was stopped")
        }
    }
}

/// The answer to "Keep the file? [Y/n]", without a terminal.
@Suite struct KeepQuestionTests {
    static func session(in vault: TemporaryVault) throws -> EditSession {
        try vault.write("draft.md", "---\ntype: mood\n---\n")
        let created = NewEntry.Created(path: "draft.md", absolutePath: vault.root + "/draft.md", text: "---\ntype: mood\n---\n")
        return EditSession(editor: Editor(environment: ["EDITOR": "true"])!, created: created, shown: "draft.md")
    }

    /// Asks with `answers` in turn (then end of input); returns whether the file was kept and what was said and asked.
    static func decide(_ answers: [String], in vault: TemporaryVault) throws -> (kept: Bool, asked: [String], said: [String]) {
        var remaining = answers[...], asked: [String] = [], said: [String] = []
        let conversation = EditSession.Conversation(isTerminal: true, ask: { question in
            asked.append(question)
            return remaining.popFirst()
        }, say: { said.append($0) })
        let kept = try Self.session(in: vault).decide("the file is as the template left it", conversation)
        return (kept, asked, said)
    }

    @Test func onlyNoOrNRemovesAndOnlyYesYOrEnterKeeps() {
        for answer in ["", "y", "Y", "yes", "YES", " yes \n"] { #expect(EditSession.meaning(of: answer) == true, "\(answer)") }
        for answer in ["n", "N", "no", "No", " no\t"] { #expect(EditSession.meaning(of: answer) == false, "\(answer)") }
        for answer in ["maybe", "nope", "yess", "keep", "q", "0", "ja", "y n", "\u{1b}[A"] {
            #expect(EditSession.meaning(of: answer) == nil, "\(answer)")
        }
    }

    @Test func anUnclearAnswerIsAskedAgainAndNoRemovesTheFile() throws {
        let vault = try TemporaryVault()
        defer { vault.remove() }
        let result = try Self.decide(["whatever", "no"], in: vault)
        #expect(!result.kept && result.asked.count == 2)
        #expect(result.asked[1].hasPrefix("Please answer y to keep draft.md or n to remove it."))
        #expect(result.said == ["Removed draft.md."])
        #expect(!FileManager.default.fileExists(atPath: vault.root + "/draft.md"))
    }

    @Test func endOfInputOrNoClearAnswerKeepsTheFile() throws {
        let vault = try TemporaryVault()
        defer { vault.remove() }
        let ended = try Self.decide(["hmm"], in: vault)
        #expect(ended.kept && ended.asked.count == 2 && ended.said == ["no answer; kept the file: draft.md"])
        let unclear = try Self.decide(Array(repeating: "perhaps", count: 10), in: vault)
        #expect(unclear.kept && unclear.asked.count == EditSession.questionLimit)
        #expect(unclear.said == ["no clear answer; kept the file: draft.md"])
        #expect(FileManager.default.fileExists(atPath: vault.root + "/draft.md"))
    }
}
