import ArgumentParser
import BetweenKit

/// `-o FILE`, shared by the commands that write reports: atomic, mode 0600, or stdout.
struct OutputOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (atomically, mode 0600) instead of stdout.", valueName: "file"))
    var output: String?

    /// Sends `text` to the file, or to stdout when there is none (or it is `-`).
    func deliver(_ text: String) throws {
        guard let output, output != "-" else { return Terminal.write(text) }
        do {
            try AtomicFile.write(text, to: output)
        } catch {
            throw BetweenFailure(message: error.description)
        }
    }
}
