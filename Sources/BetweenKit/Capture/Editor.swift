import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The person's editor (`$VISUAL`, else `$EDITOR`), run on one file until it closes.
///
/// The setting may carry arguments (`code --wait`, `emacsclient -t`): it is run by the
/// shell as `/bin/sh -c "$EDITOR \"$@\"" sh FILE`, so the file name is passed as one
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
    public func edit(_ path: String, outputToStandardError: Bool) -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command + " \"$@\"", "sh", path]
        if outputToStandardError { process.standardOutput = FileHandle.standardError }
        do {
            try process.run()
        } catch {
            return .couldNotStart("/bin/sh can't be run: \(error.localizedDescription)")
        }
        // Like git: Ctrl-C belongs to the editor while it runs, and must not kill Between
        // and leave the editor behind (set only now, so the editor doesn't inherit it).
        let oldInterrupt = signal(SIGINT, SIG_IGN)
        let oldQuit = signal(SIGQUIT, SIG_IGN)
        process.waitUntilExit()
        signal(SIGINT, oldInterrupt)
        signal(SIGQUIT, oldQuit)
        let status = process.terminationStatus
        if process.terminationReason == .uncaughtSignal {
            return .failed("the editor (\(source)=\(command)) was stopped by signal \(status)")
        }
        switch status {
        case 0: return .closed
        case 127: return .couldNotStart("the editor (\(source)=\(command)) was not found; set \(source) to an editor that is installed, e.g. nano or `code --wait`")
        case 126: return .couldNotStart("the editor (\(source)=\(command)) can't be run; check it is a program you may execute")
        default: return .failed("the editor (\(source)=\(command)) exited with status \(status)")
        }
    }
}
