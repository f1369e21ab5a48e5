import BetweenCore
import BetweenIndex
import ArgumentParser
import BetweenKit

extension Between {
    /// `between index`: refresh the index explicitly (every command does it implicitly).
    struct IndexCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "index",
            abstract: "Bring the index (.between/index.sqlite) up to date with your notes.",
            discussion: """
            Every command that reads records does this first; run it yourself to see what changed, \
            or with --rebuild to start from scratch. Only files whose size or time changed are read, \
            and only those whose content changed are parsed; their problems are shown (the first 20: \
            `between check` shows every note's). The index is a cache: deleting it is safe.
            """)

        @OptionGroup var indexOptions: IndexOptions

        @Flag(name: .long, help: "Delete the index and build it again from every file.")
        var rebuild = false

        func run() throws {
            let (index, report) = try indexOptions.refreshedIndex(rebuild: rebuild)
            guard !indexOptions.quiet else { return }
            var parts = ["\(report.parsed) parsed"]
            if report.touched > 0 { parts.append("\(report.touched) touched but unchanged") }
            if report.removed > 0 { parts.append("\(report.removed) removed") }
            if report.skipped > 0 { parts.append("\(report.skipped) unreadable (see `between check`)") }
            parts.append("\(report.unchanged) unchanged")
            // What the files just read got wrong, as `check` shows it (the first few; `check` has them all).
            let renderer = DiagnosticRenderer(color: Terminal.stderrWantsColor, lines: SourceLines(root: index.vault.root).line)
            for problem in report.problems { Terminal.writeError(renderer.render(problem)) }
            if report.problemCount > report.problems.count {
                Terminal.writeError("… and \(report.problemCount - report.problems.count) more problems; `between check` shows them all.\n")
            }
            Terminal.writeError("Index up to date: \(parts.joined(separator: ", ")).\n")
        }
    }
}
