import BetweenCore
import ArgumentParser
import BetweenKit
import Foundation

extension Between {
    /// `between init [DIR] [--git]`: make a folder a vault, adding only what is missing.
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a vault: its folders, a commented between.yml and a .gitignore; with --git, a repository and a pre-commit hook.",
            discussion: """
            Adds homework/, sessions/ and journal/, a between.yml with every setting explained, and a .gitignore that \
            keeps Between's cache (.between/) out of git. A folder that already holds notes is fine: nothing that exists \
            is changed, and running it again only says what it left alone.

            With --git, the folder becomes a git repository (unless it is in one already) with a pre-commit hook that runs \
            `between check --staged`, so a note with an error can't be committed by accident. The hook runs `between` \
            from PATH, else this copy of between by its full path. An existing hook is never replaced.

            With --encrypt (which implies --git), private notes are stored in git encrypted, every other note as it is: \
            see `between encrypt setup --help` and docs/encryption.md.
            """)

        @Argument(help: ArgumentHelp("The folder to make a vault (default: the current folder); created when missing.",
                                     valueName: "dir"),
                  completion: .directory)
        var directory: String?

        @Flag(name: .long, help: "Also start a git repository here (unless it is in one) and add a pre-commit hook running `between check --staged`.")
        var git = false

        @Flag(name: .long, help: "Also keep private notes encrypted in git (implies --git; see `between encrypt setup --help`).")
        var encrypt = false

        func run() throws {
            let workingDirectory = FileManager.default.currentDirectoryPath
            let shown = directory ?? "."
            let root = VaultInit.absolutePath(directory ?? ".", from: workingDirectory)
            var changed: [String] = []
            var leftAlone: [String] = []
            let report = try VaultInit.run(at: root, shownAs: shown)
            changed += report.changed
            leftAlone += report.leftAlone
            if git || encrypt {
                do {
                    let report = try PreCommitHook.setUp(vaultRoot: root, executable: Self.runningExecutable())
                    changed += report.changed
                    leftAlone += report.leftAlone
                } catch {
                    // What was done so far is said before the error.
                    Terminal.write((changed + leftAlone).map { $0 + "\n" }.joined())
                    throw error
                }
            }
            Terminal.write((changed + leftAlone).map { $0 + "\n" }.joined())
            if encrypt {
                try Encrypt.setUp(vaultRoot: root)
            }
            let hasCrisisLine = Vault(root: root).config.crisisLine != nil
            if changed.isEmpty && !encrypt {
                Terminal.writeError("Nothing to do: \(shown == "." ? "this folder" : shown) is a vault already.\n"
                    + (hasCrisisLine ? "" : VaultInit.crisisLineAdvice + "\n"))
            } else {
                Terminal.writeError(VaultInit.nextSteps(shownAs: shown, hasCrisisLine: hasCrisisLine))
            }
        }

        /// The absolute path of this `between`, for the hook to fall back on.
        static func runningExecutable() -> String? {
            let link = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
            if link != "/proc/self/exe", FileManager.default.isExecutableFile(atPath: link) { return link }
            return Bundle.main.executableURL?.resolvingSymlinksInPath().path
        }
    }
}
