import BetweenCore
import BetweenIndex
import ArgumentParser
import BetweenKit
import Foundation

extension Between {
    /// `between show PATH`: one file in full.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show one note in full: its fields, sections, questions, tasks and problems.",
            discussion: "A questionnaire also shows its score, its band and, when question 9 of a PHQ-9 is answered above 0, a note to tell your therapist; every note shows its text after its fields.")

        @OptionGroup var indexOptions: IndexOptions

        @Argument(help: ArgumentHelp("The note's path, relative to the vault or to the current folder.", valueName: "path"))
        var path: String

        @Option(name: .long, help: "Output format: text or json.")
        var format: ShowFormat = .text

        enum ShowFormat: String, ExpressibleByArgument, CaseIterable {
            case text, json
        }

        func run() throws {
            let (index, _) = try indexOptions.refreshedIndex()
            let root = index.vault.root
            let relative = VaultPaths.relative(path, root: root, workingDirectory: FileManager.default.currentDirectoryPath)
            guard let entry = try index.entries(matching: .path(relative)).first else {
                if let problem = try index.otherDiagnostics().first(where: { $0.path == relative }) {
                    throw CommandError.unreadableNote(path: relative, problem: problem.message)
                }
                throw CommandError.noNote(path: relative, root: root)
            }
            let crisisLine = index.vault.config.crisisLine
            switch format {
            case .json: Terminal.write(EntryJSON.detail(entry, crisisLine: crisisLine).serialized(pretty: true) + "\n")
            case .text: Terminal.write(EntryText.render(entry, crisisLine: crisisLine, lines: SourceLines(root: root).line))
            }
        }
    }
}
