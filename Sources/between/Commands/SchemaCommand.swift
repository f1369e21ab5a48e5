import BetweenCore
import ArgumentParser
import BetweenKit

extension Between {
    /// `between schema`: JSON Schema of the front matter, for editors' YAML language servers.
    struct SchemaCommand: TypeOptionCommand {
        static let configuration = CommandConfiguration(
            commandName: "schema",
            abstract: "Print a JSON Schema of the front matter, so your editor completes fields and checks ranges while you type.",
            discussion: "See the README for using it from VS Code (YAML extension) and Neovim (yaml-language-server).")

        @Option(name: .long, help: ArgumentHelp("Only this record type (default: all, chosen by `type:`).", valueName: "type"), completion: .list(EntryType.names))
        var type: String?

        func run() throws {
            try Terminal.write(FrontMatterSchema.document(for: entryType).serialized(pretty: true) + "\n")
        }
    }
}
