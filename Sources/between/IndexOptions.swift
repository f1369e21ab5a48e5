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
            index = try Index.open(vault, rebuild: rebuild, replacing: IndexRecovery.replacing)
        } catch {
            throw BetweenFailure(message: "can't open the index: \(error)")
        }
        IndexRecovery.opened = index.openedFile
        let progress = quiet ? nil : ProgressBar.forStandardError()
        var callback: (@Sendable (Int, Int) -> Void)?
        if let progress {
            callback = { done, total in progress.update(done, of: total) }
        }
        let report: RefreshReport
        do {
            report = try index.refresh(progress: callback)
        } catch where Index.isDamage(error) {
            throw error // rebuilt and run again (`IndexRecovery`)
        } catch {
            throw BetweenFailure(message: "can't update the index: \(error)")
        }
        IndexRecovery.opened = index.openedFile
        progress?.finish()
        if !quiet {
            for warning in index.warnings where IndexRecovery.printedWarnings.insert(warning).inserted {
                Terminal.printWarning(warning)
            }
        }
        return (index, report)
    }
}
