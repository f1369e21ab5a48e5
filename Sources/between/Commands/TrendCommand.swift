import BetweenCore
import ArgumentParser
import BetweenKit

extension MoodSeries.Bucket: ExpressibleByArgument {}

extension Between {
    /// `between trend FIELD`: a numeric field over time.
    struct TrendCommand: TypeOptionCommand {
        static let configuration = CommandConfiguration(
            commandName: "trend",
            abstract: "Show a numeric field (mood, distress, functioning, emotions.anxious, …) over time, with a sparkline.")

        @OptionGroup var indexOptions: IndexOptions

        @Argument(help: ArgumentHelp("The field, e.g. mood or emotions.anxious.", valueName: "field"))
        var field: String

        @Option(name: .long, help: "Group by day or week.")
        var by: MoodSeries.Bucket = .week

        @Option(name: .long, help: ArgumentHelp("Only entries practising this assignment.", valueName: "id"))
        var homework: String?

        @Option(name: .long, help: ArgumentHelp("Only entries of this type.", valueName: "type"), completion: .list(EntryType.names))
        var type: String?

        func run() throws {
            let (index, _) = try indexOptions.refreshedIndex()
            let trend = try Trend.of(field, by: by, homework: homework, type: entryType, in: index)
            guard !trend.points.isEmpty else {
                // Like grep: nothing found is exit 1, not an error in how it was asked.
                Terminal.printError(Trend.nothingFound(in: field, homework: homework, numberFields: try index.numberFields()))
                throw ExitCode.failure
            }
            Terminal.write(trend.render())
        }
    }
}
