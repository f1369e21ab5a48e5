import BetweenCore
import Foundation
import Glibc

/// The person's editor (`$VISUAL`, else `$EDITOR`), run on one file until it closes.
///
/// The setting may carry arguments (`code --wait`, `emacsclient -t`): it is run by the
/// shell as `/bin/sh -c "exec $EDITOR \"$@\"" sh FILE`, so the file name is passed as one
/// argument and never read as shell code.
public struct Editor: Sendable, Hashable {
    /// The command as set, e.g. `code --wait`.
    public var command: String
    /// Which variable it came from, for messages.
    public var source: String

    /// `$VISUAL`, else `$EDITOR`; nil when neither is set to something.
    public init?(environment: [String: String]) {
        for name in ["VISUAL", "EDITOR"] {
            if let value = environment[name], !value.trimmingASCIIWhitespace().isEmpty {
                command = value
                source = name
                return
            }
        }
        return nil
    }

    /// What the shell runs, the file being its `$1`. `exec` replaces the shell by the editor:
    /// a shell left waiting would be killed by a Ctrl-C meant for an editor that handles it
    /// (ed), and Between would go on while the editor still has the terminal. Not when the
    /// setting is more than one command, or starts with a variable (`LANG=C vim`), which
    /// `exec` would take for the program's name.
    var shellCommand: String {
        let firstWord = command.drop { $0 == " " || $0 == "\t" }.prefix { $0 != " " && $0 != "\t" }
        let plain = command.contains { ";&|\n".contains($0) } || firstWord.contains("=")
        return (plain ? "" : "exec ") + command + " \"$@\""
    }

    /// How an editing session ended.
    public enum Outcome: Sendable, Hashable {
        /// The editor exited with status 0.
        case closed
        /// It exited with another status, or was stopped by a signal.
        case failed(String)
        /// It could not be started at all (not found, not executable).
        case couldNotStart(String)
    }

    /// Opens `path` and waits. `outputToStandardError` sends the editor's own output to
    /// stderr, so stdout keeps only what Between prints (the path, for scripts).
    ///
    /// Like git, the editor runs in Between's own process group, which is the terminal's
    /// foreground group when Between was started at a prompt: a terminal editor (vim, nano)
    /// may read the keyboard and change the terminal's settings. (Foundation's `Process`
    /// starts a child in a group of its own, where the terminal stops it with SIGTTOU.)
    /// The terminal's settings are put back when it closes.
    public func edit(_ path: String, outputToStandardError: Bool) -> Outcome {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if outputToStandardError { posix_spawn_file_actions_adddup2(&actions, STDERR_FILENO, STDOUT_FILENO) }
        let modes = TerminalModes(of: STDIN_FILENO)
        defer { modes?.restore() }
        // Ctrl-C and Ctrl-\ reach the whole foreground group; they belong to the editor,
        // and must not kill Between and leave the editor behind. Ignored before the editor
        // starts, so there is no moment when they do; the editor starts with them at their
        // defaults (`Subprocess.spawn`).
        let oldInterrupt = signal(SIGINT, SIG_IGN)
        let oldQuit = signal(SIGQUIT, SIG_IGN)
        defer {
            signal(SIGINT, oldInterrupt)
            signal(SIGQUIT, oldQuit)
        }
        let pid: pid_t
        do {
            pid = try Subprocess.spawn("/bin/sh", ["-c", shellCommand, "sh", path], actions: &actions)
        } catch {
            return .couldNotStart("/bin/sh can't be run: \(error.message)")
        }
        let (status, signaled) = Subprocess.waitForExit(pid)
        if signaled {
            let name = strsignal(status).map { String(cString: $0) } ?? "signal \(status)"
            return .failed("the editor (\(source)=\(command)) was ended by a signal (\(name))")
        }
        switch status {
        case 0: return .closed
        case 127: return .couldNotStart("the editor (\(source)=\(command)) was not found; set \(source) to an editor that is installed, e.g. nano or `code --wait`")
        case 126: return .couldNotStart("the editor (\(source)=\(command)) can't be run; check it is a program you may execute")
        default: return .failed("the editor (\(source)=\(command)) exited with status \(status)")
        }
    }
}
