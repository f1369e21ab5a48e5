import ArgumentParser
import BetweenKit
import Foundation

/// `--quiet`, and opening and refreshing the index, for every command that reads records.
struct IndexOptions: ParsableArguments {
    @OptionGroup var vaultOptions: VaultOptions

    @Flag(name: [.short, .long], help: "Don't show progress or index warnings on stderr.")
    var quiet = false

    /// Opens the vault's index and brings it up to date, showing progress on a
    /// terminal when it takes more than about a second.
    func refreshedIndex(rebuild: Bool = false) throws -> (Index, RefreshReport) {
        let vault = try vaultOptions.open()
        let index: Index
        do {
            index = try Index.open(vault, rebuild: rebuild)
        } catch {
            throw BetweenFailure(message: "can't open the index: \(error)")
        }
        let progress = quiet ? nil : ProgressBar.forStandardError()
        var callback: (@Sendable (Int, Int) -> Void)?
        if let progress {
            callback = { done, total in progress.update(done, of: total) }
        }
        let report: RefreshReport
        do {
            report = try index.refresh(progress: callback)
        } catch {
            throw BetweenFailure(message: "can't update the index: \(error)")
        }
        progress?.finish()
        if !quiet {
            for warning in index.warnings { Terminal.printWarning(warning) }
            // Encrypted private notes this machine can't read are left out of everything: say so, one line each.
            for note in (try? index.encryptedNotes()) ?? [] { Terminal.writeError(note.summary + "\n") }
        }
        return (index, report)
    }
}
