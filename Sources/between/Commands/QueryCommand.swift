import ArgumentParser
import BetweenKit

extension Between {
    /// `between query EXPR`: records matching an expression.
    struct QueryCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "query",
            abstract: "List the records matching an expression, e.g. 'type = thought-record and distress >= 70 and date >= -30d'.",
            discussion: """
            Fields: any front-matter key (emotions.anxious for nested ones) and path, title, type, date, day, week, \
            words, private, text. Operators: = != < <= > >= ~ (contains, or a glob with * and ?), in (a, b), has, \
            exists, and, or, not, ( ). Dates: 2026-11-20, today, yesterday, -7d, -2w, last-session. \
            A field no record has matches nothing, with a warning (an error with --strict). See docs/query.md.
            """)

        @OptionGroup var indexOptions: IndexOptions

        @Argument(help: ArgumentHelp("The expression (quote it for the shell).", valueName: "expression"))
        var expression: String

        // `.unconditional`: the next word is the value even when it starts with `-`
        // (`--sort -distress`), which would otherwise read as an option.
        @Option(name: .long, parsing: .unconditional,
                help: ArgumentHelp("Sort by fields, e.g. date, or -distress,title for highest distress first (a leading - means descending).", valueName: "fields"))
        var sort: String?

        @Option(name: .long, help: "At most this many records.")
        var limit: Int?

        @Option(name: .long, help: "Output format: table, json, jsonl, csv or paths.")
        var format: RecordFormat = .table

        @Flag(name: .long, help: "Make a field that no record has an error, not a warning.")
        var strict = false

        func validate() throws {
            if let limit, limit < 0 { throw ValidationError("--limit can't be negative") }
        }

        func run() throws {
            let (index, _) = try indexOptions.refreshedIndex()
            let query = try QueryRunner.query(expression, in: index, strict: strict, quiet: indexOptions.quiet)
            let order = try QueryRunner.order(sort, in: index, strict: strict, quiet: indexOptions.quiet)
            try Terminal.stream { output in try format.write(from: index, matching: query, order: order, limit: limit, to: output) }
        }
    }
}
