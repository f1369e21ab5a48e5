import BetweenCore
import BetweenKit

import Glibc

/// Where output goes, and whether it may be coloured.
enum Terminal {
    /// Colour on stdout: the same rules.
    static var stdoutWantsColor: Bool {
        isatty(STDOUT_FILENO) == 1 && (getenv("NO_COLOR").map { String(cString: $0).isEmpty } ?? true)
            && (getenv("TERM").map { String(cString: $0) } ?? "dumb") != "dumb"
    }

    /// Colour only on a terminal, and never when `NO_COLOR` is set (https://no-color.org).
    static var stderrWantsColor: Bool {
        isatty(STDERR_FILENO) == 1 && (getenv("NO_COLOR").map { String(cString: $0).isEmpty } ?? true)
            && (getenv("TERM").map { String(cString: $0) } ?? "dumb") != "dumb"
    }

    /// Whether any result has reached stdout yet (a command can't start over once it has).
    nonisolated(unsafe) private(set) static var hasWrittenResults = false

    /// Writes results to stdout as they are.
    static func write(_ text: String) {
        hasWrittenResults = hasWrittenResults || !text.isEmpty
        writeAll(text, to: STDOUT_FILENO)
    }

    /// Writes what `produce` hands over to stdout in pieces of about 64 KiB, so a long
    /// result is neither held whole nor written a line per system call.
    static func stream(_ produce: (_ output: (String) throws -> Void) throws -> Void) throws {
        let buffer = OutputBuffer()
        try produce(buffer.append)
        buffer.flush()
    }

    /// What `stream` has not written yet.
    private final class OutputBuffer {
        private var text = ""

        func append(_ piece: String) {
            text += piece
            if text.utf8.count >= 1 << 16 { flush() }
        }

        func flush() {
            Terminal.write(text)
            text = ""
        }
    }

    /// Writes a message to stderr.
    static func writeError(_ text: String) {
        writeAll(text, to: STDERR_FILENO)
    }

    /// Unbuffered writes straight to the descriptor: no shared C `FILE*` state, and
    /// nothing lost if the process exits right after. A closed pipe just ends the output.
    private static func writeAll(_ text: String, to descriptor: Int32) {
        FileWriting.writeAll(Array(text.utf8), to: descriptor)
    }

    /// `between: error: …` on stderr (a message of several lines ends with one line break).
    /// Messages may quote paths and values from the vault: their control characters are
    /// shown as `TerminalText.lines` says.
    static func printError(_ message: String) {
        let message = TerminalText.lines(message)
        writeError("between: error: \(message)" + (message.hasSuffix("\n") ? "" : "\n"))
    }

    /// `between: warning: …` on stderr, shown like `printError`'s.
    static func printWarning(_ message: String) {
        writeError("between: warning: \(TerminalText.lines(message))\n")
    }
}
