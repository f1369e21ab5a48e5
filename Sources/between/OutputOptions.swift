import BetweenCore
import ArgumentParser
import BetweenKit
import Foundation

/// `-o FILE`, shared by the commands that write reports: atomic, mode 0600, or stdout.
struct OutputOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (atomically, mode 0600) instead of stdout; never to a note of the vault.", valueName: "file"))
    var output: String?

    /// Refuses an `-o` that would write over a note of `vault` (or a path read as one),
    /// its settings, its index or its git data: before any work, so nothing is half done.
    func check(against vault: Vault) throws {
        guard let output, output != "-" else { return }
        if let refusal = OutputGuard.refusal(for: output, in: vault, workingDirectory: FileManager.default.currentDirectoryPath) {
            throw CommandError.outputRefused(refusal)
        }
    }

    /// Sends `text` to the file, or to stdout when there is none (or it is `-`).
    func deliver(_ text: String, vault: Vault) throws {
        try deliver(vault: vault) { output in try output(text) }
    }

    /// Sends what `produce` hands over, piece by piece, to the file or to stdout. A file
    /// written is named on stderr ("Wrote prep.html"), so `-o` never finishes in silence.
    func deliver(vault: Vault, _ produce: (_ output: (String) throws -> Void) throws -> Void) throws {
        try check(against: vault)
        guard let output, output != "-" else { return try Terminal.stream(produce) }
        try AtomicFile.write(to: output, produce)
        Terminal.writeError("Wrote \(output)\n")
    }
}
