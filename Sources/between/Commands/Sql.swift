import ArgumentParser
import BetweenKit

extension ResultSetFormat: ExpressibleByArgument {}

extension Between {
    /// `between sql`: read-only SQL over the index.
    struct Sql: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run read-only SQL over the index (see docs/index.md for the tables).",
            discussion: "Statements that would write (INSERT, UPDATE, DELETE, DROP, ATTACH, PRAGMA x = y, …) are refused and the index is left untouched.")

        @OptionGroup var indexOptions: IndexOptions

        @Argument(help: ArgumentHelp("The SQL, e.g. \"SELECT day, count(*) FROM record GROUP BY day\".", valueName: "sql"))
        var sql: String

        @Option(name: .long, help: "Output format: table, json or csv.")
        var format: ResultSetFormat = .table

        func run() throws {
            let (index, _) = try indexOptions.refreshedIndex()
            do {
                Terminal.write(format.render(try ReadOnlySQL.run(sql, in: index)))
            } catch let refusal as ReadOnlySQL.Refusal {
                throw BetweenFailure(message: refusal.description)
            } catch where Index.isDamage(error) {
                throw error // rebuilt and run again (`IndexRecovery`)
            } catch {
                throw BetweenFailure(message: "the SQL failed: \(error)")
            }
        }
    }
}
