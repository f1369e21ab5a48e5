import BetweenIndex
import ArgumentParser
import BetweenKit

extension ResultSetFormat: ExpressibleByArgument {}

extension Between {
    /// `between sql`: read-only SQL over the index.
    struct Sql: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run read-only SQL over the index (see docs/index.md for the tables).",
            discussion: "Statements that would write (INSERT, UPDATE, DELETE, DROP, ATTACH, PRAGMA x = y, …), transactions and savepoints are refused and the index is left untouched.")

        @OptionGroup var indexOptions: IndexOptions

        @Argument(help: ArgumentHelp("The SQL, e.g. \"\(ReadOnlySQL.example)\".", valueName: "sql"))
        var sql: String

        @Option(name: .long, help: "Output format: table, json or csv.")
        var format: ResultSetFormat = .table

        func run() throws {
            let (index, _) = try indexOptions.refreshedIndex()
            do {
                // Rows are printed as SQLite steps through them: a result of any length.
                try Terminal.stream { output in
                    try withoutActuallyEscaping(output) { output in
                        let printer = ResultSetFormat.Printer(format, output: output)
                        try ReadOnlySQL.run(sql, in: index, columns: printer.begin(columns:), row: printer.add)
                        try printer.finish()
                    }
                }
            } catch let refusal as ReadOnlySQL.Refusal {
                throw refusal
            } catch where Index.isDamage(error) {
                throw error // rebuilt and run again (`IndexRecovery`)
            } catch {
                throw CommandError.sqlFailed(error)
            }
        }
    }
}
