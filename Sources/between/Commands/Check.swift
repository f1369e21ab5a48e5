import BetweenCore
import ArgumentParser
import BetweenKit

extension Between {
    /// `between check`: validate every file and print diagnostics like a compiler.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check every note for problems; exit 1 if there are errors.",
            discussion: """
            Each problem is printed as path:line:column: error|warning: message, with the line and a caret under the spot.

            With --staged, only the notes staged for the next git commit are checked, as they are staged (what \
            `git show :path` gives), not as they are on disk; this is what the pre-commit hook of `between init --git` runs.
            """)

        @OptionGroup var vaultOptions: VaultOptions

        @Flag(name: .long, help: "Print only errors, not warnings.")
        var errorsOnly = false

        @Flag(name: .long, help: "Check the notes staged for the next git commit (their staged text), not the whole vault.")
        var staged = false

        func run() throws {
            let vault = try vaultOptions.open()
            if staged { return try runStaged(vault) }
            let check = VaultCheck(vault)
            let lines = SourceLines(root: vault.root)
            let hasErrors = report(check.diagnostics, filesChecked: check.filesChecked) { lines.line($0, $1) }
            if hasErrors { throw ExitCode.failure }
        }

        private func runStaged(_ vault: Vault) throws {
            let check = try StagedCheck.run(vaultRoot: vault.root)
            let lines = check.lines
            let hasErrors = report(check.diagnostics, filesChecked: check.filesChecked) { lines.line($0, $1) }
            if hasErrors {
                Terminal.writeError("These stop a commit (the pre-commit hook runs this check): fix them and `git add` the files again. To commit anyway, as a deliberate exception: git commit --no-verify\n")
                throw ExitCode.failure
            }
        }

        /// Prints the diagnostics and the summary; returns whether any is an error.
        private func report(_ found: [Diagnostic], filesChecked: Int, lines: @escaping DiagnosticRenderer.LineSource) -> Bool {
            var diagnostics = found
            if errorsOnly { diagnostics.removeAll { $0.severity == .warning } }
            let renderer = DiagnosticRenderer(color: Terminal.stderrWantsColor, lines: lines)
            for diagnostic in diagnostics {
                Terminal.write(renderer.render(diagnostic))
            }
            Terminal.writeError(DiagnosticRenderer.summary(diagnostics, filesChecked: filesChecked) + "\n")
            return diagnostics.contains { $0.severity == .error }
        }
    }
}
