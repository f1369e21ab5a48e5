import Foundation
import Testing
@testable import BetweenCore
@testable import BetweenKit

/// Outside a vault (no `between.yml` or `.between/` in the folder or above it), every
/// command but `init` stops with exit 2 and a hint, and creates nothing: no index of
/// whatever folder a person happened to be in, no folder that later passes for a vault.
@Suite struct NoAccidentalVaultTests {
    /// One run of every command that works on a vault; `stdin` for the ones that read it.
    static let commands: [(arguments: [String], stdin: String?)] = [
        (["check"], nil), (["check", "--staged"], nil), (["list"], nil), (["show", "note.md"], nil), (["index"], nil),
        (["index", "--rebuild"], nil), (["search", "bus"], nil), (["sql", "SELECT 1"], nil), (["digest"], nil),
        (["digest", "-o", "prep.md"], nil), (["homework"], nil), (["trend", "mood"], nil), (["templates"], nil),
        (["templates", "list"], nil), (["templates", "export"], nil), (["query", "type = mood"], nil), (["export"], nil),
        (["cope"], nil), (["new", "mood", "--no-edit"], nil), (["new", "homework", "--title", "Bus", "--edit"], nil),
        (["encrypt", "setup"], nil), (["encrypt", "status"], nil), (["encrypt", "key", "export"], nil),
        (["encrypt", "key", "import"], "AGE-SECRET-KEY-1\n"),
    ]

    /// Commands that need no vault: `init` makes one, `schema` prints the same for every vault,
    /// `git-filter` is what git runs (hidden; it finds vaults from the repository itself).
    static let needNoVault: Set<String> = ["init", "schema", "git-filter"]

    /// Fails clearly when the temporary folder itself is inside a vault (a stray `.between/`
    /// left in /tmp by an older Between would make every folder below it one).
    static func requireOutsideAnyVault(_ folder: String) throws {
        var path = folder
        while path != "/" {
            path = (path as NSString).deletingLastPathComponent
            try #require(!VaultLocator.isVault(path), "\(path) holds between.yml or .between/, so every folder below it is in a vault; remove it to run these tests")
        }
    }

    @Test func everyCommandOutsideAVaultExitsTwoAndCreatesNothing() throws {
        let folder = try TemporaryVault(marked: false)
        defer { folder.remove() }
        try Self.requireOutsideAnyVault(folder.root)
        let home = try TemporaryVault(marked: false)
        defer { home.remove() }
        let environment = ["HOME": home.root, "XDG_CONFIG_HOME": home.root + "/.config", "EDITOR": "true", "VISUAL": "true"]
        for (arguments, stdin) in Self.commands {
            let result = try CLI.run(arguments, in: folder.root, environment: environment, stdin: stdin)
            let command = arguments.joined(separator: " ")
            #expect(result.status == 2, "between \(command): \(result.stderr)")
            #expect(result.stderr == "between: error: this folder is not a vault: neither \(folder.root) nor any folder above it "
                + "holds between.yml or .between/. Run `between init` here to make it one, or pass --vault with your vault's "
                + "folder (or set BETWEEN_VAULT to it)\n", "between \(command)")
            #expect(result.stdout.isEmpty, "between \(command)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.root).isEmpty, "between \(command) created something")
            #expect(try FileManager.default.contentsOfDirectory(atPath: home.root).isEmpty, "between \(command) wrote in HOME")
        }
    }

    /// The list above has every command `--help` shows, so a new command can't skip the rule.
    @Test func theListHasEveryCommand() throws {
        let tested = Set(Self.commands.map { $0.arguments.prefix { !$0.hasPrefix("-") }.joined(separator: " ") })
        for parent in [[], ["templates"], ["encrypt"], ["encrypt", "key"]] {
            let help = try CLI.run(parent + ["--help"], environment: ["COLUMNS": "200"])
            let names = help.stdout.components(separatedBy: "SUBCOMMANDS:\n").last!.components(separatedBy: "\n\n")[0]
                .split(separator: "\n").filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") }
                .compactMap { $0.split(separator: " ").first.map(String.init) }
            #expect(!names.isEmpty, "between \(parent.joined(separator: " ")) --help lists its commands")
            for name in names {
                let command = (parent + [name]).joined(separator: " ")
                let hasSubcommands = [["templates"], ["encrypt"], ["encrypt", "key"]].contains(parent + [name])
                #expect(Self.needNoVault.contains(name) || hasSubcommands
                    || tested.contains { $0 == command || $0.hasPrefix(command + " ") }, "between \(command) is not tested outside a vault")
            }
        }
    }

    /// Exactly as a person types it: `cd "$(mktemp -d)" && between list`.
    @Test func listInAFreshTemporaryFolderLeavesItEmpty() throws {
        let shell = try CLI.runProgram("/bin/sh", ["-c", "cd \"$(mktemp -d)\" && \"$0\" list; status=$?; ls -A; pwd; exit $status",
                                                   CLI.executable])
        let lines = String(decoding: shell.stdout, as: UTF8.self).split(separator: "\n")
        #expect(shell.status == 2)
        #expect(lines.count == 1, "only the folder's path: nothing in it")
        if let folder = lines.last { try? FileManager.default.removeItem(atPath: String(folder)) }
        #expect(shell.stderr.hasPrefix("between: error: this folder is not a vault"))
    }

    /// A folder named with `--vault` or `BETWEEN_VAULT` must be a vault too: naming `/tmp`
    /// or a home folder by mistake must not index it, nor a subfolder of a vault start a second one.
    @Test func aNamedFolderMustBeAVault() throws {
        let folder = try TemporaryVault(["note.md": "# A note\n"], marked: false)
        defer { folder.remove() }
        let vault = try TemporaryVault(["journal/mood.md": "---\ntype: mood\ndate: 2026-11-20\nmood: 6\n---\n"])
        defer { vault.remove() }
        let named = try CLI.run(["list", "--vault", folder.root])
        #expect(named.status == 2)
        #expect(named.stderr.hasPrefix("between: error: \(folder.root) (from --vault) is not a vault: it holds no between.yml or .between/."))
        // `new` writes nothing there either: the locator's rule is the only guard it has.
        let written = try CLI.run(["new", "mood", "--no-edit", "--vault", folder.root])
        #expect(written.status == 2 && written.stderr == named.stderr)
        let writtenFromEnvironment = try CLI.run(["new", "mood", "--no-edit"], environment: ["BETWEEN_VAULT": folder.root])
        #expect(writtenFromEnvironment.status == 2 && writtenFromEnvironment.stderr.contains("(from BETWEEN_VAULT) is not a vault"))
        let fromEnvironment = try CLI.run(["digest"], environment: ["BETWEEN_VAULT": folder.root])
        #expect(fromEnvironment.status == 2 && fromEnvironment.stderr.contains("(from BETWEEN_VAULT) is not a vault"))
        let inside = try CLI.run(["list"], environment: ["BETWEEN_VAULT": vault.root + "/journal"])
        #expect(inside.status == 2 && inside.stderr.contains("is a folder inside the vault \(vault.root), not the vault itself"))
        #expect(!FileManager.default.fileExists(atPath: folder.root + "/.between"))
        #expect(!FileManager.default.fileExists(atPath: vault.root + "/journal/.between"))
        #expect(folder.files() == ["note.md"])
        // From any folder below the vault, and with the vault named, it works.
        let below = try CLI.run(["list", "--format", "paths"], in: vault.root + "/journal")
        #expect(below.status == 0 && below.stdout == "journal/mood.md\n", "\(below.stderr)")
        #expect(try CLI.run(["list", "--format", "paths", "--vault", vault.root]).stdout == "journal/mood.md\n")
    }

    /// `init`, `schema`, `--help`, `--version` and completion scripts work anywhere.
    @Test func whatNeedsNoVaultWorksAnywhere() throws {
        let folder = try TemporaryVault(marked: false)
        defer { folder.remove() }
        for arguments in [["--help"], ["--version"], ["list", "--help"], ["help", "digest"], ["schema"],
                          ["--generate-completion-script", "bash"]] {
            let result = try CLI.run(arguments, in: folder.root)
            #expect(result.status == 0 && !result.stdout.isEmpty, "between \(arguments.joined(separator: " ")): \(result.stderr)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.root).isEmpty)
        let initialised = try CLI.run(["init"], in: folder.root)
        #expect(initialised.status == 0, "\(initialised.stderr)")
        let list = try CLI.run(["list"], in: folder.root)
        #expect(list.status == 0, "\(list.stderr)")
    }
}
