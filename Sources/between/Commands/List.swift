import BetweenCore
import BetweenIndex
import ArgumentParser
import BetweenKit

extension RecordFormat: ExpressibleByArgument {}

extension Between {
    /// `between list`: one record per source file.
    struct List: TypeOptionCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the records of the vault, one per file.",
            discussion: "Files with problems are listed too; `between check` explains the problems. Notes that can't be read at all (binary, not UTF-8, too large) have no record: stderr says how many, and `between check` names them. Served by the index, refreshed first.")

        @OptionGroup var indexOptions: IndexOptions

        @Option(name: .long, help: ArgumentHelp("Only records of this type (e.g. thought-record).", valueName: "type"), completion: .list(EntryType.names))
        var type: String?

        @Option(name: .long, help: "Output format: table, json, jsonl, csv or paths.")
        var format: RecordFormat = .table

        // As `query --sort`; `.unconditional` so `--sort -date` is a value. The default stays
        // the path: folders together, the same order `ls` and `check` show.
        @Option(name: .long, parsing: .unconditional,
                help: ArgumentHelp("Sort by fields, e.g. date, or -date for newest first (default: path; records without the field come last).",
                                   valueName: "fields"))
        var sort: String?

        func run() throws {
            let (index, _) = try indexOptions.refreshedIndex()
            let query = try entryType.map(RecordQuery.type) ?? .all
            let order = try QueryRunner.order(sort, in: index, quiet: indexOptions.quiet)
            try Terminal.stream { output in try format.write(from: index, matching: query, order: order, to: output) }
            try indexOptions.reportUnreadable(index, notIn: "listed")
        }
    }
}
