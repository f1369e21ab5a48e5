import Foundation
import Testing
@testable import BetweenKit

/// `between new` at a real terminal (a pseudo-terminal it controls, as from a shell prompt):
/// a terminal editor gets the keyboard and the screen, Ctrl-C goes to the editor and never
/// kills Between, and the terminal's settings come back afterwards.
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
