import ArgumentParser
import BetweenKit

/// `-o FILE`, shared by the commands that write reports: atomic, mode 0600, or stdout.
struct OutputOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (atomically, mode 0600) instead of stdout.", valueName: "file"))
    var output: String?

    /// Sends `text` to the file, or to stdout when there is none (or it is `-`).
    func deliver(_ text: String) throws {
        try deliver { output in try output(text) }
    }

    /// Sends what `produce` hands over, piece by piece, to the file or to stdout.
    func deliver(_ produce: (_ output: (String) throws -> Void) throws -> Void) throws {
        guard let output, output != "-" else { return try Terminal.stream(produce) }
        do {
            try AtomicFile.write(to: output, produce)
        } catch let failure as AtomicFile.Failure {
            throw BetweenFailure(message: failure.description)
        }
    }
}
