import BetweenIndex
import ArgumentParser
import BetweenKit

extension ExportFormat: ExpressibleByArgument {}

extension Between {
    /// `between export`: records for spreadsheets and other tools.
    struct ExportCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write records as JSON, JSON lines or CSV (one column per field), optionally only those matching a query.",
            discussion: "Private entries are left out unless you add --include-private: exports are for sharing.")

        @OptionGroup var indexOptions: IndexOptions

        @Argument(help: ArgumentHelp("Only records matching this expression (see `between query --help`).", valueName: "expression"))
        var expression: String?

        @Option(name: .long, help: "Output format: json, jsonl or csv.")
        var format: ExportFormat = .json

        @OptionGroup var sharingOptions: SharingOptions

        func run() throws {
            let (index, _) = try indexOptions.refreshedIndex(sharing: true)
            let audience = sharingOptions.audience
            let matching = try expression.map { try QueryRunner.query($0, in: index, strict: false, audience: audience, quiet: indexOptions.quiet) } ?? .all
            let shared = matching && .visible(to: audience)
            // A record at a time, to the file or stdout: an export of every note never holds them all.
            try sharingOptions.outputOptions.deliver(vault: index.vault) { output in try format.write(from: index, matching: shared, to: output) }
            try indexOptions.reportUnreadable(index, notIn: "in this export")
            // Said on stderr, never in the export: how many, not which.
            let leftOut = try index.count(matching: matching) - index.count(matching: shared)
            if leftOut > 0 {
                Terminal.writeError("between: note: \(leftOut) private \(leftOut == 1 ? "entry was" : "entries were") left out of this export; "
                    + "add --include-private to include \(leftOut == 1 ? "it" : "them")\n")
            }
        }
    }
}
