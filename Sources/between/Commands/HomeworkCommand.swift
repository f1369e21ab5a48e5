import BetweenCore
import ArgumentParser
import BetweenKit

extension Between {
    /// `between homework`: assignments with adherence, and what is left this week.
    struct HomeworkCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "homework",
            abstract: "Your active assignments: how often each was practised against what was asked, and what is left this week.")

        @OptionGroup var indexOptions: IndexOptions
        @OptionGroup var periodOptions: PeriodOptions

        func run() throws {
            let (index, _) = try indexOptions.refreshedIndex()
            let period = try periodOptions.resolve(in: index, for: .owner)
            let today = LocalClock(timezone: index.vault.config.timezone).today()
            Terminal.write(try HomeworkTable.build(index: index, period: period, today: today).render())
        }
    }
}
