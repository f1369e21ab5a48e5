import ArgumentParser
import BetweenCore
import BetweenKit

extension DigestFormat: ExpressibleByArgument {}

extension Between {
    /// `between digest`: the session-prep digest.
    struct DigestCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "digest",
            abstract: "One page to bring to your next session: what to raise, homework, mood, measures, questions, wins.",
            discussion: """
            By default it covers the days since your latest session note. Private entries are left out \
            (and counted) unless you add --include-private; if one of them holds a sign of risk, you are \
            told so here, on the terminal, and never in the digest. With -o the report is written atomically with \
            mode 0600. Between is not a crisis service: if you are in danger now, contact your local \
            emergency services.
            """)

        @OptionGroup var indexOptions: IndexOptions
        @OptionGroup var periodOptions: PeriodOptions

        @Option(name: .long, help: "Output format: md, html or json.")
        var format: DigestFormat = .md

        @OptionGroup var sharingOptions: SharingOptions

        func run() throws {
            let (index, _) = try indexOptions.refreshedIndex(sharing: true)
            let period = try periodOptions.resolve(in: index, for: sharingOptions.audience)
            let today = LocalClock(timezone: index.vault.config.timezone).today()
            let input = try DigestInput.read(from: index, period: period, audience: sharingOptions.audience, today: today)
            let digest = DigestBuilder.build(input)
            let text = try DigestRenderer.render(digest, format: format, store: TemplateStore(vault: index.vault))
            try sharingOptions.outputOptions.deliver(text, vault: index.vault)
            try indexOptions.reportUnreadable(index, notIn: "in this digest")
            // For the person only: never in the digest, whatever the format or -o.
            if let notice = PrivateRisk.notice(input) { Terminal.writeError("between: note: \(notice)\n") }
        }
    }
}
