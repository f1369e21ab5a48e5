import ArgumentParser
import BetweenKit
import Foundation

extension Between {
    /// `between show PATH`: one file in full.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show one note in full: its fields, sections, questions, tasks and problems.")

        @OptionGroup var vaultOptions: VaultOptions

        @Argument(help: ArgumentHelp("The note's path, relative to the vault or to the current folder.", valueName: "path"))
        var path: String

        @Option(name: .long, help: "Output format: text or json.")
        var format: ShowFormat = .text

        enum ShowFormat: String, ExpressibleByArgument, CaseIterable {
            case text, json
        }

        func run() throws {
            let vault = try vaultOptions.open()
            let relative = VaultPaths.relative(path, root: vault.root, workingDirectory: FileManager.default.currentDirectoryPath)
            let snapshot = vault.load()
            guard let entry = snapshot.entries.first(where: { $0.path == relative }) else {
                if let problem = snapshot.otherDiagnostics.first(where: { $0.path == relative }) {
                    throw BetweenFailure(message: "\(relative): \(problem.message)")
                }
                throw BetweenFailure(message: "no note at \(relative) in the vault \(vault.root); `between list --format paths` lists them")
            }
            switch format {
            case .json: Terminal.write(EntryJSON.detail(entry).serialized(pretty: true) + "\n")
            case .text: Terminal.write(EntryText.render(entry))
            }
        }
    }
}
