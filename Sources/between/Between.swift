import ArgumentParser
import BetweenCore
import BetweenKit

import Glibc

/// `between`: the command-line tool. Thin: it parses arguments, calls BetweenKit, prints.
@main
struct Between: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "between",
        abstract: "Your therapy homework, notes and check-ins, as records you can check, list and bring to sessions.",
        discussion: """
        Between reads a folder of Markdown notes with front matter (a vault) and never changes them.

        It is a tool for you, not a crisis service: if you are in danger now, contact your local \
        emergency number.
        """,
        version: "0.1.0",
        subcommands: [Check.self, List.self, Show.self, IndexCommand.self, Search.self, Sql.self, DigestCommand.self, HomeworkCommand.self, TrendCommand.self, Templates.self, SchemaCommand.self, QueryCommand.self, ExportCommand.self, CopeCommand.self, Init.self, New.self, Encrypt.self, GitFilterCommand.self]
    )

    /// Runs the command. Exit codes: 0 ok, 1 findings, 2 usage or environment errors
    /// (swift-argument-parser's own usage errors would exit 64, so they are mapped here).
    /// Every error reads `between: error: …`, the parser's too (it says `Error: …`), with
    /// its help line, usage and `--help` hint kept below.
    static func main() {
        // Everything Between creates (the index, its WAL files, reports) is for the
        // vault's owner alone.
        umask(0o077)
        BashCompletion.printIfRequested()
        PeakMemory.reportAtExitIfRequested()
        do {
            var command = try parseAsRoot()
            try IndexRecovery.run(&command)
        } catch let error as any UserFacingError {
            // The one place an error becomes words on the terminal.
            if let text = error.layout(color: Terminal.stderrWantsColor) {
                Terminal.writeError(text)
            } else {
                Terminal.printError(error.message)
            }
            Glibc.exit(2)
        } catch let code as ExitCode {
            Glibc.exit(code.rawValue)
        } catch {
            if exitCode(for: error) == .success {
                exit(withError: error) // --help and --version print to stdout and exit 0
            }
            let message = fullMessage(for: error)
            Terminal.printError(message.hasPrefix("Error: ") ? String(message.dropFirst("Error: ".count)) : message)
            Glibc.exit(2)
        }
    }
}
