import ArgumentParser
import BetweenKit

extension Between {
    /// `between templates [export]`: the built-in report templates, and copying them into the vault.
    struct Templates: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the built-in templates, or copy them into your vault to customise.",
            discussion: """
            A file in your vault's templates/ folder replaces the built-in template of the same name:
            templates/digest.md.mustache changes the Markdown digest, templates/digest.html.mustache the HTML one, \
            and templates/TYPE.md.mustache (mood, thought-record, phq9, …) what `between new TYPE` writes.
            See docs/digest.md for the values a digest template can use.
            """,
            subcommands: [ListTemplates.self, Export.self],
            defaultSubcommand: ListTemplates.self)

        /// `between templates` / `between templates list`.
        struct ListTemplates: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "list",
                abstract: "List the built-in templates and which ones your vault replaces.")

            @OptionGroup var vaultOptions: VaultOptions

            func run() throws {
                let vault = try vaultOptions.open()
                let store = TemplateStore(vaultRoot: vault.root)
                let names = store.builtInNames
                let width = names.map(\.count).max() ?? 0
                for name in names {
                    let padded = name.padding(toLength: width, withPad: " ", startingAt: 0)
                    let note = store.isOverridden(name) ? "  overridden by \(TemplateStore.folderName)/\(name) in your vault" : ""
                    Terminal.write((padded + note).trimmingTrailingSpaces() + "\n")
                }
                Terminal.writeError("To customise one, run `between templates export` and edit the copy in \(TemplateStore.folderName)/.\n")
            }
        }

        /// `between templates export [--force]`.
        struct Export: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Copy the built-in templates into your vault's templates/ folder.",
                discussion: "Files already there are left alone unless you add --force.")

            @OptionGroup var vaultOptions: VaultOptions

            @Flag(name: .long, help: "Replace templates that are already in the vault with the built-in ones.")
            var force = false

            func run() throws {
                let vault = try vaultOptions.open()
                let report = try TemplateExport.export(to: vault.root, force: force)
                var lines = report.written.map { "Wrote \($0)" }
                lines += report.replaced.map { "Replaced \($0) with the built-in one" }
                lines += report.unchanged.map { "Left \($0) alone: it is already the same as the built-in one" }
                lines += report.leftAlone.map { "Left \($0) alone: it is already there (--force replaces it)" }
                Terminal.write(lines.map { $0 + "\n" }.joined())
            }
        }
    }
}

private extension String {
    func trimmingTrailingSpaces() -> String {
        String(reversed().drop { $0 == " " }.reversed())
    }
}
