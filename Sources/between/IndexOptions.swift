import BetweenIndex
import ArgumentParser
import BetweenKit
import Foundation

/// `--quiet`, and opening and refreshing the index, for every command that reads records.
struct IndexOptions: ParsableArguments {
    @OptionGroup var vaultOptions: VaultOptions

    @Flag(name: [.short, .long], help: "Don't show progress or index warnings on stderr.")
    var quiet = false

    /// Opens the vault's index and brings it up to date, showing progress on a
    /// terminal when it takes more than about a second. `sharing`: for `digest` and
    /// `export`, which refuse to run when `between.yml` has errors.
    func refreshedIndex(rebuild: Bool = false, sharing: Bool = false) throws -> (Index, RefreshReport) {
        let vault = try vaultOptions.open()
        try SettingsProblems.report(vault, sharing: sharing, quiet: quiet)
        let index: Index
        do {
            index = try Index.open(vault, rebuild: rebuild, replacing: IndexRecovery.replacing)
        } catch {
            throw CommandError.cannotOpenIndex(error)
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
            throw CommandError.cannotUpdateIndex(error)
        }
        IndexRecovery.opened = index.openedFile
        progress?.finish()
        if !quiet {
            for warning in index.warnings where IndexRecovery.printedWarnings.insert(warning).inserted {
                Terminal.printWarning(warning)
            }
            // Encrypted private notes this machine can't read are left out of everything: say so, one line each.
            for note in (try? index.encryptedNotes()) ?? [] { Terminal.writeError(note.summary + "\n") }
        }
        return (index, report)
    }

    /// Says on stderr how many notes couldn't be read at all and so are left out of what
    /// the command printed (`notIn`: "listed", "in this digest"), unless `--quiet`. Only
    /// a count: such a note may be private, so nothing from it is shown.
    func reportUnreadable(_ index: Index, notIn: String) throws {
        let count = try index.unreadableCount()
        guard count > 0, !quiet else { return }
        Terminal.printWarning(count == 1
            ? "1 note couldn't be read and is not \(notIn); `between check` lists it"
            : "\(count) notes couldn't be read and are not \(notIn); `between check` lists them")
    }
}
