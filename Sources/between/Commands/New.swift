import BetweenCore
import BetweenIndex
import ArgumentParser
import BetweenKit
import Foundation
import Glibc

extension Between {
    /// `between new TYPE`: a new entry from its template, opened in the person's editor.
    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a new entry from its template, open it in your editor, and print its path.",
            discussion: """
            Kinds: \(EntryKind.names.joined(separator: ", ")).

            Where it goes: journal/YYYY/MM/YYYY-MM-DD-HHMM-KIND.md for journal entries (phq9 and gad7 are measures \
            named …-phq9.md and …-gad7.md), sessions/YYYY-MM-DD.md, homework/ID.md, safety-plan.md. The time is now, \
            on the clock of the vault's time zone, or --date. An existing file is never overwritten: a second entry in \
            the same minute gets -2, -3, and so on; a new assignment whose id is taken is refused instead.

            For `new homework`, the new assignment's id (and file name) is made from --homework, else --title: lower \
            case, letters and digits, words joined by '-'. For other kinds, --homework names the assignment practised; \
            left out, the only active assignment that expects this kind is filled in.

            The editor is $VISUAL, else $EDITOR (it may have arguments, e.g. `code --wait`). It opens when you run \
            `between new` at a terminal, or with --edit; --no-edit never opens it. A terminal editor (vim, nano) gets \
            the terminal until it closes; a graphical one needs its option to wait (`code --wait`, `subl -w`). If \
            the editor fails or the file is left untouched, you are asked whether to keep it (Enter or y keeps it, \
            n removes it). Templates can be changed: see `between templates`.
            """)

        @OptionGroup var indexOptions: IndexOptions

        @Argument(help: ArgumentHelp("The kind of entry: mood, reflection, thought-record, phq9, homework, …", valueName: "type"),
                  completion: .list(EntryKind.names))
        var type: String

        @Option(name: .long, help: ArgumentHelp("The assignment this entry practises (for `new homework`, the new assignment's id).",
                                                valueName: "id"),
                completion: .custom(New.completeHomework))
        var homework: String?

        @Option(name: .long, help: ArgumentHelp("A title for the entry.", valueName: "title"))
        var title: String?

        // `.unconditional`: `--date -2d` is a value, not an option.
        @Option(name: .long, parsing: .unconditional,
                help: ArgumentHelp("When: YYYY-MM-DD, YYYY-MM-DD HH:MM, today, yesterday or -2d (default: now).", valueName: "date"))
        var date: String?

        @Flag(name: .long, inversion: .prefixedNo, help: "Open the new file in $VISUAL or $EDITOR (default: only at a terminal).")
        var edit: Bool?

        func validate() throws {
            do {
                _ = try EntryKind.named(type)
            } catch {
                throw ValidationError(error.description)
            }
            if let date {
                do {
                    _ = try LocalClock.moment(date, today: LocalClock(timezone: nil).today())
                } catch {
                    throw ValidationError("--date \(error)")
                }
            }
        }

        func run() throws {
            // Only into a marked vault, never whatever folder we happen to be in: `VaultLocator` refuses any other.
            let (index, _) = try indexOptions.refreshedIndex()
            let vault = index.vault
            let assignments = Assignments(try index.entries(matching: .type(.homework)))
            let writer = NewEntry(vault: vault)
            let kind = try EntryKind.named(type)
            let clock = LocalClock(timezone: vault.config.timezone)
            let moment = try date.map { text throws(DateParseError) in try LocalClock.moment(text, today: clock.today()) }
                ?? clock.now()
            let practised = kind.type == .homework ? homework : try assignments.resolve(homework, for: kind)
            let created = try writer.create(.init(kind: kind, date: moment, title: title, homework: practised),
                                            assignments: assignments.all)
            let shown = Self.displayPath(created.absolutePath)
            guard edit ?? (isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1) else {
                Terminal.write(shown + "\n")
                return
            }
            guard let editor = Editor(environment: ProcessInfo.processInfo.environment) else {
                Terminal.write(shown + "\n")
                let hint = "set $VISUAL or $EDITOR to your editor (e.g. `export EDITOR=nano`) to have new entries open in it"
                if edit == true { throw CommandError.noEditor(file: shown, hint: hint) }
                Terminal.writeError("Created \(shown); \(hint).\n")
                return
            }
            let conversation = EditSession.Conversation(
                isTerminal: isatty(STDIN_FILENO) == 1 && isatty(STDERR_FILENO) == 1,
                ask: { question in
                    Terminal.writeError("between: " + question)
                    let answer = readLine()
                    if answer == nil { Terminal.writeError("\n") } // Ctrl-D ends the prompt's line
                    return answer
                },
                say: { message in Terminal.writeError("between: " + message + "\n") })
            let result = EditSession(editor: editor, created: created, shown: shown)
                .run(outputToStandardError: isatty(STDOUT_FILENO) != 1, conversation: conversation)
            let editorFailed: Bool
            switch result {
            case .removed, .vanished:
                return
            case .couldNotStart(let reason):
                Terminal.write(shown + "\n")
                throw CommandError.editorDidNotStart(reason: reason, file: shown)
            case .kept(let failed):
                editorFailed = failed
            }
            let diagnostics = writer.check(created, assignments: assignments)
            let lines = SourceLines(root: vault.root)
            let renderer = DiagnosticRenderer(color: Terminal.stderrWantsColor) { lines.line($0, $1) }
            Terminal.writeError(diagnostics.map(renderer.render).joined())
            Terminal.write(shown + "\n")
            if editorFailed || diagnostics.contains(where: { $0.severity == .error }) {
                throw ExitCode.failure
            }
        }

        /// The path relative to the current folder when the file is below it, else absolute.
        static func displayPath(_ absolute: String) -> String {
            let here = VaultInit.absolutePath(".", from: FileManager.default.currentDirectoryPath)
            return absolute.hasPrefix(here + "/") ? String(absolute.dropFirst(here.count + 1)) : absolute
        }

        /// Shell completion for `--homework`: the ids of the assignments in the vault's homework/ folder.
        /// Quiet by design: any problem just means no suggestions.
        @Sendable static func completeHomework(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
            var explicit: String?
            for (position, word) in words.enumerated() {
                if word == "--vault", position + 1 < words.count { explicit = words[position + 1] }
                if word.hasPrefix("--vault=") { explicit = String(word.dropFirst("--vault=".count)) }
            }
            guard let root = try? VaultLocator.locate(explicit: explicit, environment: ProcessInfo.processInfo.environment,
                                                      workingDirectory: FileManager.default.currentDirectoryPath) else { return [] }
            return Assignments.quickIDs(vaultRoot: root).filter { $0.hasPrefix(prefix) }
        }
    }
}
