import BetweenCore
import ArgumentParser
import BetweenKit
import Foundation

/// `--vault`, shared by every command that reads a vault.
struct VaultOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The vault's folder (one holding between.yml or .between/). Default: $BETWEEN_VAULT, else the nearest such folder at or above the current one.",
        valueName: "path"))
    var vault: String?

    /// Opens the vault, or fails with a message that says how to fix it.
    func open() throws -> Vault {
        let root = try VaultLocator.locate(explicit: vault, environment: ProcessInfo.processInfo.environment,
                                           workingDirectory: FileManager.default.currentDirectoryPath)
        return Vault(root: root)
    }
}
