import BetweenCore
import BetweenKit

/// What a command says about problems in `between.yml` before it reads the vault.
enum SettingsProblems {
    /// Prints the settings' diagnostics on stderr (a look-up command keeps quiet about
    /// them with `--quiet`). A sharing command (`digest`, `export`) stops when the file
    /// has errors: it can't be sure which entries are private.
    static func report(_ vault: Vault, sharing: Bool, quiet: Bool) throws {
        let diagnostics = vault.configDiagnostics
        guard !diagnostics.isEmpty, sharing || !quiet else { return }
        let lines = SourceLines(root: vault.root)
        let renderer = DiagnosticRenderer(color: Terminal.stderrWantsColor) { lines.line($0, $1) }
        Terminal.writeError(diagnostics.map(renderer.render).joined())
        guard !vault.canShare else { return }
        if sharing {
            throw CommandError.settingsUnreadableForSharing
        }
        Terminal.printWarning("\(VaultConfig.fileName) has an error (above); Between goes on with the default for each setting it "
            + "couldn't read. Fix it (`between check` shows every problem); until then `digest` and `export` refuse to run.")
    }
}
