import ArgumentParser
import BetweenKit

extension Between {
    /// `between check`: validate every file and print diagnostics like a compiler.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check every note for problems; exit 1 if there are errors.",
            discussion: "Each problem is printed as path:line:column: error|warning: message, with the line and a caret under the spot.")

        @OptionGroup var vaultOptions: VaultOptions

        @Flag(name: .long, help: "Print only errors, not warnings.")
        var errorsOnly = false

        func run() throws {
            let vault = try vaultOptions.open()
            let snapshot = vault.load()
            var diagnostics = snapshot.diagnostics
            if errorsOnly { diagnostics.removeAll { $0.severity == .warning } }
            let lines = SourceLines(root: vault.root)
            let renderer = DiagnosticRenderer(color: Terminal.stderrWantsColor) { lines.line($0, $1) }
            for diagnostic in diagnostics {
                Terminal.write(renderer.render(diagnostic))
            }
            let filesChecked = snapshot.entries.count + snapshot.otherDiagnostics.filter { $0.path != VaultConfig.fileName }.count
            Terminal.writeError(DiagnosticRenderer.summary(diagnostics, filesChecked: filesChecked) + "\n")
            if diagnostics.contains(where: { $0.severity == .error }) {
                throw ExitCode.failure
            }
        }
    }
}
