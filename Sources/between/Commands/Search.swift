import BetweenCore
import BetweenIndex
import ArgumentParser
import Foundation
import BetweenKit

extension Between {
    /// `between search WORDS`: full-text search with snippets.
    struct Search: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Find notes containing all of the words, best matches first, with a snippet of each.")

        @OptionGroup var indexOptions: IndexOptions

        @Argument(help: ArgumentHelp("Words to find (all of them, in any order).", valueName: "words"))
        var words: [String]

        @Option(name: .long, help: "At most this many results.")
        var limit = 20

        @Option(name: .long, help: "Output format: text or json.")
        var format: SearchFormat = .text

        enum SearchFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

        func validate() throws {
            guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
            guard words.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
                throw ValidationError("give at least one word to search for, e.g. `between search panic bus`")
            }
        }

        func run() throws {
            let (index, _) = try indexOptions.refreshedIndex()
            let hits = try index.search(words, limit: limit)
            switch format {
            case .json:
                Terminal.write(JSONValue.array(hits.map { hit in
                    .object([("path", .string(hit.path)), ("title", .string(hit.title)), ("type", .string(hit.type)),
                             ("date", hit.date.map(JSONValue.string) ?? .null), ("private", .bool(hit.isPrivate)),
                             ("snippet", .string(plain(hit.snippet, open: "[", close: "]")))])
                }).serialized(pretty: true) + "\n")
            case .text:
                let bold = Terminal.stdoutWantsColor
                for hit in hits {
                    let date = hit.date.map { " · \($0.replacingOccurrences(of: "T", with: " "))" } ?? ""
                    Terminal.write("\(TerminalText.path(hit.path))\(date)\(hit.isPrivate ? " · private" : "")\n  \(TerminalText.line(hit.title))\n")
                    Terminal.write("  \(plain(hit.snippet, open: bold ? "\u{1B}[1m" : "[", close: bold ? "\u{1B}[0m" : "]", forTerminal: true))\n\n")
                }
                if hits.isEmpty { Terminal.writeError("No notes contain all of: \(TerminalText.line(words.joined(separator: " "))).\n") }
            }
        }

        /// The snippet on one line with the highlight markers replaced; for a terminal
        /// (`forTerminal`), its control characters as `TerminalText.line` shows them.
        private func plain(_ snippet: String, open: String, close: String, forTerminal: Bool = false) -> String {
            let flat = snippet.split(whereSeparator: \.isNewline).joined(separator: " ")
            return (forTerminal ? TerminalText.line(flat) : flat)
                .replacingOccurrences(of: SearchHit.highlightStart, with: open)
                .replacingOccurrences(of: SearchHit.highlightEnd, with: close)
        }
    }
}
