import BetweenCore
import ArgumentParser
import BetweenKit
import Foundation
import Glibc

extension Between {
    /// `between git-filter clean|smudge|textconv|process|merge`: what git runs, as set up
    /// by `between encrypt setup`. Not for people to run: content goes through stdin/stdout.
    struct GitFilterCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "git-filter",
            abstract: "The git filters behind `between encrypt` (run by git, not by you).",
            discussion: "git runs these from .git/config, in the top folder of the repository, with paths from there.",
            shouldDisplay: false,
            subcommands: [Clean.self, Smudge.self, Textconv.self, Serve.self, Merge.self])

        /// The top of the work tree: git runs filters there.
        static var top: String { FileManager.default.currentDirectoryPath }

        static func filter() -> BetweenKit.GitFilter {
            BetweenKit.GitFilter(top: top) { Terminal.writeError($0 + "\n") }
        }

        static func readStandardInput() -> [UInt8] {
            [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        }

        static func writeStandardOutput(_ bytes: [UInt8]) {
            FileWriting.writeAll(bytes, to: STDOUT_FILENO)
        }

        /// `clean PATH`: a working file on stdin, its stored form on stdout.
        struct Clean: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Working file (stdin) to stored form (stdout): encrypts private notes.")

            @Argument(help: "The file's path from the top of the repository (git's %f).") var path: String

            func run() throws {
                let filter = GitFilterCommand.filter()
                GitFilterCommand.writeStandardOutput(try filter.clean(GitFilterCommand.readStandardInput(), path: path))
            }
        }

        /// `smudge PATH`: a stored note on stdin, its working form on stdout. Never fails.
        struct Smudge: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Stored form (stdin) to working file (stdout): decrypts with this machine's key.")

            @Argument(help: "The file's path from the top of the repository (git's %f).") var path: String

            func run() {
                let filter = GitFilterCommand.filter()
                GitFilterCommand.writeStandardOutput(filter.smudge(GitFilterCommand.readStandardInput(), path: path))
                filter.finish()
            }
        }

        /// `textconv FILE`: a note as text for `git diff`.
        struct Textconv: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Print a note as text for git diff, decrypted when this machine can.")

            @Option(name: .long, help: ArgumentHelp("The vault's folder from the top of the repository, when it is not the top.", valueName: "folder"))
            var vaultFolder: String?

            @Argument(help: "A file git wrote with the note's content.") var file: String

            func run() throws {
                guard let data = FileManager.default.contents(atPath: file) else {
                    throw CommandError.cannotReadFileForDiff(file)
                }
                // git doesn't say which note it is, only which vault (set up with the command).
                let folder = vaultFolder.map { $0.hasSuffix("/") || $0.isEmpty ? $0 : $0 + "/" } ?? ""
                GitFilterCommand.writeStandardOutput(GitFilterCommand.filter().textconv([UInt8](data), path: folder + "note.md"))
            }
        }

        /// `process`: git's long-running filter protocol on stdin/stdout.
        struct Serve: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "process",
                abstract: "Serve git's long-running filter protocol (clean and smudge for every file of a git command).")

            func run() throws {
                do {
                    try FilterProcess.serve(input: STDIN_FILENO, output: STDOUT_FILENO, filter: GitFilterCommand.filter())
                } catch {
                    throw CommandError.filterProtocolBroke(reason: error.reason)
                }
            }
        }

        /// `merge BASE OURS THEIRS MARKER-SIZE PATH`: git's merge driver.
        struct Merge: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Merge two changed versions of a note, decrypted, for git (%O %A %B %L %P).")

            @Argument var base: String
            @Argument var ours: String
            @Argument var theirs: String
            @Argument var markerSize: Int
            @Argument var path: String

            func run() throws {
                let outcome = MergeDriver.merge(base: base, ours: ours, theirs: theirs, markerSize: markerSize, path: path,
                                                top: GitFilterCommand.top)
                if let message = outcome.message { Terminal.writeError(message + "\n") }
                if outcome.status != 0 { throw ExitCode(outcome.status) }
            }
        }
    }
}
