import ArgumentParser
import BetweenKit

extension Between {
    /// `between schema`: JSON Schema of the front matter, for editors' YAML language servers.
    struct SchemaCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "schema",
            abstract: "Print a JSON Schema of the front matter, so your editor completes fields and checks ranges while you type.",
            discussion: "See the README for using it from VS Code (YAML extension) and Neovim (yaml-language-server).")

        @Option(name: .long, help: ArgumentHelp("Only this record type (default: all, chosen by `type:`).", valueName: "type"), completion: .list(EntryType.names))
        var type: String?

        func validate() throws {
            if let type, EntryType(rawValue: type) == nil {
                let hint = Suggestion.closest(to: type, among: EntryType.names).map { " Did you mean '\($0)'?" } ?? ""
                throw ValidationError("unknown type '\(type)'.\(hint) Types: \(EntryType.names.joined(separator: ", ")).")
            }
        }

        func run() throws {
            Terminal.write(FrontMatterSchema.document(for: type.flatMap(EntryType.init(rawValue:))).serialized(pretty: true) + "\n")
        }
    }
}
