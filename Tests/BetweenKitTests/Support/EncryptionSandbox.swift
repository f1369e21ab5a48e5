import Foundation
import Testing
@testable import BetweenCore
@testable import BetweenKit

/// Real git and real age in a temporary folder, with "machines" that each have their own
/// home (so their own `~/.config/between/keys`): the real home is never touched.
struct EncryptionSandbox {
    /// Whether encryption tests can run: age is installed, or this is CI, where its
    /// absence must fail the tests loudly rather than skip them.
    static var ageOrCI: Bool {
        (Subprocess.find("age") != nil && Subprocess.find("age-keygen") != nil) || ProcessInfo.processInfo.environment["CI"] != nil
    }

    static let skipMessage: Comment = "age is not installed (apt-get install age, or make deps); encryption tests skipped"

    let folder: TemporaryVault

    init() throws {
        // A workspace holding machines' homes and vaults, not itself a vault.
        folder = try TemporaryVault(marked: false)
        #expect(Subprocess.find("age") != nil, "the age program is missing: install it (apt-get install age)")
    }

    func remove() { folder.remove() }

    /// One computer: its home folder, and `between` on PATH as an install would put it.
    struct Machine {
        let home: String
        /// PATH: `between`'s folder, then the system's (a test may set another, to hide a program).
        var path: String

        var environment: [String: String] {
            ["HOME": home, "XDG_CONFIG_HOME": home + "/.config",
             "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.invalid",
             "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.invalid",
             "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1",
             "GIT_CEILING_DIRECTORIES": FileManager.default.temporaryDirectory.path,
             "FILTER_BRANCH_SQUELCH_WARNING": "1",
             "BETWEEN_TODAY": "2026-11-30",
             "PATH": path]
        }

        /// The key files this machine holds.
        var keyFiles: [String] {
            let keys = home + "/.config/between/keys"
            return ((try? FileManager.default.contentsOfDirectory(atPath: keys)) ?? []).sorted().map { keys + "/" + $0 }
        }
    }

    /// A machine with its own empty home.
    func machine(_ name: String) throws -> Machine {
        let home = folder.root + "/home-" + name
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let binaries = URL(fileURLWithPath: CLI.executable).deletingLastPathComponent().path
        return Machine(home: home, path: binaries + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"))
    }

    /// A folder of links to just these programs, to build a PATH without others (age, git).
    func programs(_ names: [String]) throws -> String {
        let bin = folder.root + "/bin-" + names.joined(separator: "-")
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        for name in names {
            guard let real = Subprocess.find(name) else { continue }
            try? FileManager.default.createSymbolicLink(atPath: bin + "/" + name, withDestinationPath: real)
        }
        return bin
    }

    /// Runs `between` on `machine` in `directory`.
    @discardableResult
    func between(_ arguments: [String], on machine: Machine, in directory: String, stdin: String? = nil) throws -> CLI.Result {
        try CLI.run(arguments, in: directory, environment: machine.environment, stdin: stdin)
    }

    /// Runs git on `machine` in `directory`: status, stdout, and stderr (where the filters speak).
    @discardableResult
    func git(_ arguments: [String], on machine: Machine, in directory: String) throws -> (status: Int32, stdout: String, stderr: String) {
        let result = try run(["git"] + arguments, on: machine, in: directory)
        return (result.status, String(decoding: result.stdout, as: UTF8.self), result.stderr)
    }

    /// What git stores for `spec` (`HEAD:path`, `:path`), byte for byte.
    func stored(_ spec: String, on machine: Machine, in directory: String) throws -> [UInt8] {
        let result = try run(["git", "cat-file", "blob", spec], on: machine, in: directory)
        #expect(result.status == 0, "git cat-file \(spec): \(result.stderr)")
        return [UInt8](result.stdout)
    }

    /// Runs a program found on the machine's PATH.
    func run(_ command: [String], on machine: Machine, in directory: String, stdin: Data? = nil) throws -> (status: Int32, stdout: Data, stderr: String) {
        try CLI.runProgram("/usr/bin/env", command, in: directory, environment: machine.environment, stdin: stdin)
    }

    /// A vault made by `between init --git --encrypt` on `machine`, in `name`.
    func encryptedVault(_ name: String = "vault", on machine: Machine, settings: String = "") throws -> String {
        let root = folder.root + "/" + name
        let result = try between(["init", name, "--git", "--encrypt"], on: machine, in: folder.root)
        #expect(result.status == 0, "\(result.stderr)")
        if !settings.isEmpty {
            let config = root + "/between.yml"
            try (try String(contentsOfFile: config, encoding: .utf8) + settings).write(toFile: config, atomically: true, encoding: .utf8)
        }
        return root
    }

    /// An encrypted vault on `machine` with two notes committed: `journal/mum.md` (private)
    /// and `journal/morning.md` (public).
    func committedVault(on machine: Machine, settings: String = "") throws -> String {
        let vault = try encryptedVault(on: machine, settings: settings)
        try write(vault + "/journal/mum.md", Self.privateNote)
        try write(vault + "/journal/morning.md", Self.publicNote)
        try git(["add", "-A"], on: machine, in: vault)
        let commit = try git(["commit", "-qm", "First notes"], on: machine, in: vault)
        #expect(commit.status == 0, "\(commit.stderr)")
        return vault
    }

    /// A clone of `vault` in `clone` with its notes not checked out yet, so the filters set up
    /// next run when they are. Only `between.yml` is there: it makes the folder a vault (and
    /// `encrypt setup` reads the vault's encryption settings from it).
    func cloneWithoutNotes(of vault: String, to clone: String, on machine: Machine) throws {
        #expect(try git(["clone", "-q", "--no-checkout", vault, clone], on: machine, in: folder.root).status == 0)
        #expect(try git(["checkout", "-q", "HEAD", "--", VaultConfig.fileName], on: machine, in: clone).status == 0)
    }

    /// Writes a file (folders as needed).
    func write(_ path: String, _ text: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    func read(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    // MARK: - Notes, written as a client would

    static let privateNote = """
        ---
        type: reflection
        date: 2026-11-20 21:40
        private: true
        ---
        # After the call with Mum

        She said it again, that I was always the difficult one. I froze and said nothing.
        Afterwards I sat in the car for twenty minutes before I could drive.

        """

    static let publicNote = """
        ---
        type: mood
        date: 2026-11-21 08:15
        mood: 6
        distress: 30
        ---
        Slept better. Walked to the bus stop without counting the steps.

        """

    /// Whether `bytes` are an armored age file.
    static func isCiphertext(_ bytes: [UInt8]) -> Bool {
        String(decoding: bytes, as: UTF8.self).hasPrefix(EncryptedNote.armorHeader)
    }
}
