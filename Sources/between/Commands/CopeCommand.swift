import BetweenIndex
import ArgumentParser
import BetweenKit

extension CopeRenderer.Format: ExpressibleByArgument {}

extension Between {
    /// `between cope`: for a hard moment.
    struct CopeCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cope",
            abstract: "For a hard moment: your safety plan, then what has helped you before, from your own notes.",
            discussion: "Works offline, from your notes alone (private entries included: this is for you). Between is not a crisis service: if you are in danger now, contact your local emergency services.")

        @OptionGroup var indexOptions: IndexOptions

        @Option(name: .long, help: ArgumentHelp("Only what helped with this assignment.", valueName: "id"))
        var homework: String?

        @Option(name: .long, help: ArgumentHelp("Only entries with this tag.", valueName: "tag"))
        var tag: String?

        @Option(name: .long, help: "Output format: text, md or json.")
        var format: CopeRenderer.Format = .text

        func run() throws {
            let (index, _) = try indexOptions.refreshedIndex()
            // One entry at a time: the card keeps a few of them, not the vault.
            let config = index.vault.config
            var builder = CopeCard.Builder(config: config, homework: homework, tag: tag,
                                           template: TemplateText(store: TemplateStore(vault: index.vault), crisisLine: config.crisisLine))
            try index.forEachEntry(matching: .excludingTypes([.note, .session, .measure])) { builder.add($0) }
            Terminal.write(CopeRenderer.render(builder.card, format: format))
        }
    }
}
