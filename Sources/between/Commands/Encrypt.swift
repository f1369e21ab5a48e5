import ArgumentParser
import BetweenKit
import Foundation

extension Between {
    /// `between encrypt setup|status|key`: private notes encrypted in git (docs/encryption.md).
    struct Encrypt: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Keep private notes encrypted in git, so a remote never holds them as plain text.",
            discussion: """
            With encryption set up, git stores every private note (by its front matter, as everywhere in Between) \
            encrypted with age, and every other note as it is. On this machine the notes stay plain text, and \
            `git diff` and `git log -p` show them readable. See docs/encryption.md.
            """,
            subcommands: [Setup.self, Status.self, Key.self])

        /// `between encrypt setup`.
        struct Setup: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Turn encryption on for this vault, or set it up in a new clone of one.",
                discussion: """
                The first time, it makes an age key (kept outside the vault, in $XDG_CONFIG_HOME/between/keys/, \
                default ~/.config), writes its public key to between.yml, and adds the filter lines to .gitattributes: \
                commit both. In every clone it sets up git's filters and the pre-commit hook (git copies neither \
                with a clone), and decrypts the notes still encrypted in the working folder when this machine has \
                the key. Run it in a new clone before you commit anything. Running it again changes nothing.
                """)

            @OptionGroup var vaultOptions: VaultOptions

            func run() throws {
                let vault = try vaultOptions.open()
                try Encrypt.setUp(vaultRoot: vault.root)
            }
        }

        /// Runs set-up and prints its report; shared with `between init --encrypt`.
        static func setUp(vaultRoot: String) throws {
            let report = try EncryptionSetup.run(vaultRoot: vaultRoot, executable: Init.runningExecutable())
            Terminal.write((report.changed + report.leftAlone).map { $0 + "\n" }.joined())
            Terminal.writeError(report.advice.map { "between: " + $0 + "\n" }.joined())
        }

        /// `between encrypt status`.
        struct Status: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Say which notes are encrypted in git, and which private notes are plain text in its history.",
                discussion: """
                Reads the last commit and every stored version of every note (all branches, tags, stashes and \
                the reflog). Exit 1 when a private note is in plain text somewhere in the history; it says how to \
                rewrite the history, and never does it for you.
                """)

            @OptionGroup var vaultOptions: VaultOptions

            func run() throws {
                let vault = try vaultOptions.open()
                let status = try EncryptionStatus.read(vaultRoot: vault.root)
                Terminal.write(status.report)
                if !status.plainPrivateInHistory.isEmpty { throw ExitCode.failure }
            }
        }

        /// `between encrypt key export|import`.
        struct Key: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Copy this vault's secret key to another machine, or to a safe place.",
                discussion: """
                Private notes are encrypted to the public keys in between.yml (encryption.recipients). A machine \
                reads them with a secret key, kept in $XDG_CONFIG_HOME/between/keys/VAULT-ID.txt (default \
                ~/.config), never in the vault.

                On a new machine: clone the vault, run `between encrypt setup`, then on a machine that has the key \
                `between encrypt key export > key.txt`, move key.txt over safely (a USB stick, not email), run \
                `between encrypt key import key.txt` here, and delete key.txt. The notes still encrypted in the \
                working folder are then decrypted. A note you see as "encrypted private note" is one of these.

                If every copy of the key is lost, the encrypted notes can't be read by anyone. Keep one copy \
                somewhere safe. Another device, or a paper backup key, can also be added as a recipient in \
                between.yml (see docs/encryption.md).
                """,
                subcommands: [Export.self, Import.self])

            /// `between encrypt key export`.
            struct Export: ParsableCommand {
                static let configuration = CommandConfiguration(
                    abstract: "Print this vault's secret key (for another machine, or a backup), with a warning on stderr.")

                @OptionGroup var vaultOptions: VaultOptions

                func run() throws {
                    let vault = try vaultOptions.open()
                    let identity = try KeyTransfer.export(vaultRoot: vault.root)
                    Terminal.writeError(KeyTransfer.exportWarning + "\n")
                    Terminal.write(String(decoding: identity, as: UTF8.self))
                }
            }

            /// `between encrypt key import [FILE]`.
            struct Import: ParsableCommand {
                static let configuration = CommandConfiguration(
                    abstract: "Install this vault's secret key on this machine, from a file or stdin.")

                @OptionGroup var vaultOptions: VaultOptions

                @Argument(help: ArgumentHelp("The key file from `between encrypt key export` (default, or -: stdin).", valueName: "file"),
                          completion: .file())
                var file: String?

                func run() throws {
                    let vault = try vaultOptions.open()
                    let identity: [UInt8]
                    if let file, file != "-" {
                        guard let data = FileManager.default.contents(atPath: file), data.count <= 64 * 1024 else {
                            throw CommandError.cannotReadKeyFile(file)
                        }
                        identity = [UInt8](data)
                    } else {
                        identity = [UInt8](FileHandle.standardInput.readData(ofLength: 64 * 1024))
                    }
                    let imported = try KeyTransfer.importKey(identity, vaultRoot: vault.root)
                    Terminal.write(imported.lines.map { $0 + "\n" }.joined())
                    if let file, file != "-" {
                        Terminal.writeError("between: now delete \(file), or keep it somewhere safe: anyone with it can read your private notes.\n")
                    }
                }
            }
        }
    }
}
