import BetweenCore
import BetweenIndex
import ArgumentParser
import BetweenKit

/// What happens when a command meets damage in the index (a corrupt page, a record
/// that can't be decoded) that the checks on opening it didn't catch: the index is
/// only a cache, so it is rebuilt from the notes and the command runs once more,
/// with a note on stderr. Never more than once: damage met again is reported.
enum IndexRecovery {
    /// The index file the command uses (set by `IndexOptions.refreshedIndex`).
    nonisolated(unsafe) static var opened: Index.OpenedFile?
    /// The damaged file the second run is to replace.
    nonisolated(unsafe) private(set) static var replacing: Index.OpenedFile?
    /// Index warnings already printed, so the second run doesn't print them again.
    nonisolated(unsafe) static var printedWarnings: Set<String> = []

    /// Runs `command`, and once more on a rebuilt index if it met damage in it.
    static func run(_ command: inout any ParsableCommand) throws {
        do {
            try command.run()
        } catch where Index.isDamage(error) {
            guard let damaged = opened else { throw error }
            let folder = damaged.root + "/.between"
            guard replacing == nil else {
                throw CommandError.indexDamagedAgain(folder: folder, error)
            }
            replacing = damaged
            guard !Terminal.hasWrittenResults else {
                // Part of the answer is out and can't be taken back: rebuild for next time.
                let rebuilt = (try? Index.open(Vault(root: damaged.root), replacing: damaged).refresh()) != nil
                throw CommandError.indexDamagedWhilePrinting(folder: folder, rebuilt: rebuilt)
            }
            try command.run()
        }
    }
}
