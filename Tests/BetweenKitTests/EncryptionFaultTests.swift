import Foundation
import Testing
@testable import BetweenCore
@testable import BetweenKit

/// Encryption's bad inputs and faults, each with real git and real age: damaged and
/// foreign ciphertext, notes changing privacy or name, merges, a missing program, a key
/// file others can read, recipients changing, settings that can't be trusted.
@Suite(.enabled(if: EncryptionSandbox.ageOrCI, EncryptionSandbox.skipMessage))
struct EncryptionFaultTests {
    typealias Sandbox = EncryptionSandbox

    /// A fresh clone of `vault`, set up on `machine` before its checkout, so smudge runs.
    private func checkedOutClone(_ sandbox: Sandbox, of vault: String, on machine: Sandbox.Machine, name: String) throws -> (String, (status: Int32, stdout: String, stderr: String)) {
        let clone = sandbox.folder.root + "/" + name
        try sandbox.cloneWithoutNotes(of: vault, to: clone, on: machine)
        #expect(try sandbox.between(["encrypt", "setup"], on: machine, in: clone).status == 0)
        return (clone, try sandbox.git(["checkout", "-q", "HEAD", "--", "."], on: machine, in: clone))
    }

    // MARK: - Ciphertext that can't be decrypted

    @Test(arguments: ["damaged", "truncated", "another key"])
    func ciphertextThatCantBeDecryptedIsLeftAsItIsAndReported(_ fault: String) throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let laptop = try sandbox.machine("laptop")
        let vault = try sandbox.committedVault(on: laptop)
        let good = String(decoding: try sandbox.stored("HEAD:journal/mum.md", on: laptop, in: vault), as: UTF8.self)
        var lines = good.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let bad: String
        switch fault {
        case "damaged":
            lines[lines.count - 3] = String(lines[lines.count - 3].reversed())
            bad = lines.joined(separator: "\n")
        case "truncated":
            bad = lines.prefix(3).joined(separator: "\n") + "\n"
        default:
            let other = try sandbox.run(["age-keygen"], on: laptop, in: vault)
            let recipient = try sandbox.run(["age-keygen", "-y"], on: laptop, in: vault, stdin: other.stdout)
            let encrypted = try sandbox.run(["age", "-e", "-a", "-r", String(decoding: recipient.stdout, as: UTF8.self).trimmingCharacters(in: .newlines)],
                                            on: laptop, in: vault, stdin: Data(Sandbox.privateNote.utf8))
            bad = String(decoding: encrypted.stdout, as: UTF8.self)
        }
        // Stored as it is: the clean filter passes ciphertext through.
        try sandbox.write(vault + "/journal/mum.md", bad)
        try sandbox.git(["commit", "-qam", "Damaged"], on: laptop, in: vault)
        #expect(try sandbox.stored("HEAD:journal/mum.md", on: laptop, in: vault) == Array(bad.utf8))

        let (clone, checkout) = try checkedOutClone(sandbox, of: vault, on: laptop, name: "clone")
        #expect(checkout.status == 0, "a checkout never stops: \(checkout.stderr)")
        let reason = fault == "another key" ? "it was encrypted for another key" : "it is damaged"
        #expect(checkout.stderr.contains("journal/mum.md stays encrypted: \(reason)"), "\(checkout.stderr)")
        #expect(try sandbox.read(clone + "/journal/mum.md") == Array(bad.utf8), "nothing lost or changed")
        let check = try sandbox.between(["check"], on: laptop, in: clone)
        #expect(check.status == 0 && check.stdout.hasPrefix("journal/mum.md:1:1: warning: \(EncryptedNote.message)\n"))
        #expect(try sandbox.git(["status", "--porcelain"], on: laptop, in: clone).stdout.isEmpty)
    }

    // MARK: - Notes that change

    @Test func aNoteThatBecomesPublicIsStoredPlainAndPrivateAgainEncrypted() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let laptop = try sandbox.machine("laptop")
        let vault = try sandbox.committedVault(on: laptop)
        let note = vault + "/journal/mum.md"
        let shared = Sandbox.privateNote.replacingOccurrences(of: "private: true", with: "private: false")
        try sandbox.write(note, shared)
        try sandbox.git(["commit", "-qam", "I'll share this one"], on: laptop, in: vault)
        #expect(try sandbox.stored("HEAD:journal/mum.md", on: laptop, in: vault) == Array(shared.utf8))
        try sandbox.write(note, Sandbox.privateNote)
        try sandbox.git(["commit", "-qam", "No, keep it to myself"], on: laptop, in: vault)
        #expect(Sandbox.isCiphertext(try sandbox.stored("HEAD:journal/mum.md", on: laptop, in: vault)))
        #expect(try sandbox.git(["status", "--porcelain"], on: laptop, in: vault).stdout.isEmpty)
    }

    @Test func aRenamedPrivateNoteStaysEncryptedAndReadable() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let laptop = try sandbox.machine("laptop")
        let vault = try sandbox.committedVault(on: laptop)
        #expect(try sandbox.git(["mv", "journal/mum.md", "journal/2026-11-20-call.md"], on: laptop, in: vault).status == 0)
        try sandbox.git(["commit", "-qm", "Rename"], on: laptop, in: vault)
        #expect(Sandbox.isCiphertext(try sandbox.stored("HEAD:journal/2026-11-20-call.md", on: laptop, in: vault)))
        #expect(try sandbox.git(["status", "--porcelain"], on: laptop, in: vault).stdout.isEmpty)
        let (clone, _) = try checkedOutClone(sandbox, of: vault, on: laptop, name: "clone")
        #expect(try sandbox.read(clone + "/journal/2026-11-20-call.md") == Array(Sandbox.privateNote.utf8))
        #expect(FileSystem.status(clone + "/journal/mum.md") == nil)
    }

    @Test func privateByDefaultAndSettingsThatCantBeTrustedEncrypt() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let laptop = try sandbox.machine("laptop")
        let vault = try sandbox.encryptedVault(on: laptop, settings: "private-by-default: true\n")
        try sandbox.write(vault + "/journal/morning.md", Sandbox.publicNote)
        let shared = Sandbox.publicNote.replacingOccurrences(of: "distress: 30", with: "distress: 30\nprivate: false")
        try sandbox.write(vault + "/journal/shared.md", shared)
        try sandbox.git(["add", "-A"], on: laptop, in: vault)
        try sandbox.git(["commit", "-qm", "Private by default"], on: laptop, in: vault)
        #expect(Sandbox.isCiphertext(try sandbox.stored("HEAD:journal/morning.md", on: laptop, in: vault)))
        #expect(try sandbox.stored("HEAD:journal/shared.md", on: laptop, in: vault) == Array(shared.utf8))

        // A setting with an error: every note counts as private, and the person is told.
        let config = vault + "/between.yml"
        try sandbox.write(config, String(decoding: try sandbox.read(config), as: UTF8.self) + "timezone: Mars/Olympus_Mons\n")
        try sandbox.write(vault + "/journal/shared.md", shared + "Told my sister.\n")
        let add = try sandbox.git(["add", "-A"], on: laptop, in: vault)
        #expect(add.status == 0)
        #expect(add.stderr.contains("between.yml has errors, so every note is treated as private"))
        #expect(Sandbox.isCiphertext(try sandbox.stored(":journal/shared.md", on: laptop, in: vault)))

        // A between.yml that can't be read at all: encrypted to the keys of the last commit's.
        try sandbox.write(config, "encryption: [unclosed\n")
        try sandbox.write(vault + "/journal/new.md", Sandbox.publicNote)
        let unreadable = try sandbox.git(["add", "journal/new.md"], on: laptop, in: vault)
        #expect(unreadable.status == 0 && unreadable.stderr.contains("between.yml has errors"))
        #expect(Sandbox.isCiphertext(try sandbox.stored(":journal/new.md", on: laptop, in: vault)))

        // And with no commit to fall back on, no key is known: nothing is stored, nothing leaks.
        let fresh = try sandbox.encryptedVault("fresh", on: laptop)
        try sandbox.write(fresh + "/between.yml", "encryption: [unclosed\n")
        try sandbox.write(fresh + "/journal/new.md", Sandbox.publicNote)
        let refused = try sandbox.git(["add", "journal/new.md"], on: laptop, in: fresh)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("can't encrypt the private note journal/new.md"))
        #expect(try sandbox.git(["ls-files", "journal/new.md"], on: laptop, in: fresh).stdout.isEmpty)
    }

    @Test func aSecondRecipientReEncryptsOnTheNextCommit() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let laptop = try sandbox.machine("laptop")
        let vault = try sandbox.committedVault(on: laptop)
        let first = try sandbox.stored("HEAD:journal/mum.md", on: laptop, in: vault)
        let paper = try sandbox.run(["age-keygen"], on: laptop, in: vault)
        let paperKey = sandbox.folder.root + "/paper-key.txt"
        try paper.stdout.write(to: URL(fileURLWithPath: paperKey))
        let recipient = String(decoding: try sandbox.run(["age-keygen", "-y", paperKey], on: laptop, in: vault).stdout, as: UTF8.self)
            .trimmingCharacters(in: .newlines)
        let config = vault + "/between.yml"
        let text = String(decoding: try sandbox.read(config), as: UTF8.self)
        try sandbox.write(config, text + "    - \(recipient)\n")
        #expect(Vault(root: vault).config.encryption?.recipients.count == 2)
        var past = [timespec(tv_sec: 1_700_000_000, tv_nsec: 0), timespec(tv_sec: 1_700_000_000, tv_nsec: 0)]
        utimensat(AT_FDCWD, vault + "/journal/mum.md", &past, 0)
        let status = try sandbox.git(["status", "--porcelain"], on: laptop, in: vault)
        #expect(status.stdout.contains(" M journal/mum.md"), "to be encrypted again, for both keys: \(status.stdout)")
        try sandbox.git(["add", "-A"], on: laptop, in: vault)
        try sandbox.git(["commit", "-qm", "A paper backup key"], on: laptop, in: vault)
        let second = try sandbox.stored("HEAD:journal/mum.md", on: laptop, in: vault)
        #expect(second != first && AgeHeader.recipientCount(second) == 2)
        let withPaper = try sandbox.run(["age", "-d", "-i", paperKey], on: laptop, in: vault, stdin: Data(second))
        #expect(withPaper.status == 0 && withPaper.stdout == Data(Sandbox.privateNote.utf8))
        utimensat(AT_FDCWD, vault + "/journal/mum.md", &past, 0)
        #expect(try sandbox.git(["status", "--porcelain"], on: laptop, in: vault).stdout.isEmpty, "stable again")
    }

    // MARK: - Merges

    @Test func bothSidesOfAMergeAreDecryptedAndTheResultStaysEncrypted() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let laptop = try sandbox.machine("laptop")
        let vault = try sandbox.committedVault(on: laptop)
        let (clone, _) = try checkedOutClone(sandbox, of: vault, on: laptop, name: "desktop")
        let note = "/journal/mum.md"
        // Different parts: merged cleanly.
        try sandbox.write(vault + note, Sandbox.privateNote.replacingOccurrences(of: "# After the call with Mum", with: "# After the phone call with Mum"))
        try sandbox.git(["commit", "-qam", "Title"], on: laptop, in: vault)
        try sandbox.write(clone + note, Sandbox.privateNote + "Later I rang Sam.\n")
        try sandbox.git(["commit", "-qam", "Sam"], on: laptop, in: clone)
        let clean = try sandbox.git(["pull", "-q", "--no-rebase", "origin", "HEAD"], on: laptop, in: clone)
        #expect(clean.status == 0, "\(clean.stderr)")
        let merged = String(decoding: try sandbox.read(clone + note), as: UTF8.self)
        #expect(merged.contains("# After the phone call with Mum") && merged.hasSuffix("Later I rang Sam.\n"))
        #expect(Sandbox.isCiphertext(try sandbox.stored("HEAD:journal/mum.md", on: laptop, in: clone)))

        // The same line on both sides: a conflict, shown in plain text.
        try sandbox.write(vault + note, merged.replacingOccurrences(of: "I froze and said nothing.", with: "I froze, then breathed out slowly."))
        try sandbox.git(["commit", "-qam", "Laptop"], on: laptop, in: vault)
        try sandbox.write(clone + note, merged.replacingOccurrences(of: "I froze and said nothing.", with: "I froze and left the room."))
        try sandbox.git(["commit", "-qam", "Desktop"], on: laptop, in: clone)
        let conflict = try sandbox.git(["pull", "-q", "--no-rebase", "origin", "HEAD"], on: laptop, in: clone)
        #expect(conflict.status != 0)
        let shown = String(decoding: try sandbox.read(clone + note), as: UTF8.self)
        #expect(shown.contains("<<<<<<< ours\nShe said it again, that I was always the difficult one. I froze and left the room."), "\(shown)")
        #expect(shown.contains("=======\nShe said it again, that I was always the difficult one. I froze, then breathed out slowly."))
        #expect(!shown.contains("AGE ENCRYPTED"))
        try sandbox.write(clone + note, merged.replacingOccurrences(of: "I froze and said nothing.", with: "I froze, then left the room."))
        try sandbox.git(["add", "journal/mum.md"], on: laptop, in: clone)
        #expect(try sandbox.git(["commit", "-qm", "Merged"], on: laptop, in: clone).status == 0)
        #expect(Sandbox.isCiphertext(try sandbox.stored("HEAD:journal/mum.md", on: laptop, in: clone)))
    }

    @Test func aMergeWithoutTheKeyKeepsThisSideAndSaysWhatToDo() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let laptop = try sandbox.machine("laptop"), borrowed = try sandbox.machine("borrowed")
        let vault = try sandbox.committedVault(on: laptop)
        let (clone, _) = try checkedOutClone(sandbox, of: vault, on: borrowed, name: "borrowed")
        try sandbox.write(vault + "/journal/mum.md", Sandbox.privateNote + "Laptop line.\n")
        try sandbox.git(["commit", "-qam", "Laptop"], on: laptop, in: vault)
        // Without the key, the borrowed machine can still replace the note with a new one of its own.
        try sandbox.write(clone + "/journal/mum.md", Sandbox.privateNote + "Borrowed line.\n")
        try sandbox.git(["commit", "-qam", "Borrowed"], on: borrowed, in: clone)
        let ours = try sandbox.stored("HEAD:journal/mum.md", on: borrowed, in: clone)
        let pull = try sandbox.git(["pull", "-q", "--no-rebase", "origin", "HEAD"], on: borrowed, in: clone)
        #expect(pull.status != 0)
        #expect(pull.stderr.contains("journal/mum.md was changed on both sides, and it is an encrypted private note that can't be decrypted here"))
        #expect(pull.stderr.contains("git checkout --ours -- journal/mum.md"))
        #expect(try sandbox.stored(":2:journal/mum.md", on: borrowed, in: clone) == ours, "this side is kept in the index")
    }

    // MARK: - Programs missing, keys exposed

    @Test func withoutAgeNothingIsStoredInPlainTextAndCheckoutsStillWork() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        var laptop = try sandbox.machine("laptop")
        let vault = try sandbox.committedVault(on: laptop)
        // A clone set up while age was there; then age goes.
        let clone = sandbox.folder.root + "/clone"
        try sandbox.cloneWithoutNotes(of: vault, to: clone, on: laptop)
        #expect(try sandbox.between(["encrypt", "setup"], on: laptop, in: clone).status == 0)
        let binaries = URL(fileURLWithPath: CLI.executable).deletingLastPathComponent().path
        laptop.path = binaries + ":" + (try sandbox.programs(["git"]))
        try sandbox.write(vault + "/journal/night.md", Sandbox.privateNote.replacingOccurrences(of: "Mum", with: "Dad"))
        let add = try sandbox.git(["add", "journal/night.md"], on: laptop, in: vault)
        #expect(add.status != 0)
        #expect(add.stderr.contains("the `age` program is not installed"), "\(add.stderr)")
        #expect(try sandbox.git(["ls-files", "journal/night.md"], on: laptop, in: vault).stdout.isEmpty)

        let checkout = try sandbox.git(["checkout", "-q", "HEAD", "--", "."], on: laptop, in: clone)
        #expect(checkout.status == 0)
        #expect(checkout.stderr.contains("journal/mum.md stays encrypted: the `age` program is not installed"), "\(checkout.stderr)")
        #expect(Sandbox.isCiphertext(try sandbox.read(clone + "/journal/mum.md")))

        let fresh = try sandbox.between(["init", "fresh", "--git", "--encrypt"], on: laptop, in: sandbox.folder.root)
        #expect(fresh.status == 2)
        #expect(fresh.stderr.contains("private notes can't be encrypted: the `age` program is not installed (it comes with the age package"))
    }

    @Test func withoutGitEncryptCommandsSaySo() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        var laptop = try sandbox.machine("laptop")
        let vault = try sandbox.committedVault(on: laptop)
        let binaries = URL(fileURLWithPath: CLI.executable).deletingLastPathComponent().path
        laptop.path = binaries + ":" + (try sandbox.programs(["age", "age-keygen"]))
        for command in [["encrypt", "setup"], ["encrypt", "status"]] {
            let result = try sandbox.between(command, on: laptop, in: vault)
            #expect(result.status == 2)
            #expect(result.stderr.contains("git is not installed (no `git` on PATH)"), "\(result.stderr)")
        }
        #expect(try sandbox.between(["list", "--format", "paths"], on: laptop, in: vault).stdout == "journal/morning.md\njournal/mum.md\n")
    }

    @Test func keyImportRefusesWhatIsNotThisVaultsKey() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let laptop = try sandbox.machine("laptop"), desktop = try sandbox.machine("desktop")
        let vault = try sandbox.committedVault(on: laptop)
        let clone = sandbox.folder.root + "/clone"
        try sandbox.git(["clone", "-q", vault, clone], on: desktop, in: sandbox.folder.root)
        let noKey = try sandbox.between(["encrypt", "key", "export"], on: desktop, in: clone)
        #expect(noKey.status == 2 && noKey.stdout.isEmpty)
        #expect(noKey.stderr.contains("this machine has no key for this vault"))

        let garbage = try sandbox.between(["encrypt", "key", "import"], on: desktop, in: clone, stdin: "my password is hunter2\n")
        #expect(garbage.status == 2)
        #expect(garbage.stderr.contains("that is not an age secret key"))
        let other = String(decoding: try sandbox.run(["age-keygen"], on: desktop, in: clone).stdout, as: UTF8.self)
        let foreign = try sandbox.between(["encrypt", "key", "import"], on: desktop, in: clone, stdin: other)
        #expect(foreign.status == 2)
        #expect(foreign.stderr.contains("that key is not one of this vault's keys"))
        #expect(desktop.keyFiles.isEmpty, "nothing was installed")
        let missing = try sandbox.between(["encrypt", "key", "import", sandbox.folder.root + "/nowhere.txt"], on: desktop, in: clone)
        #expect(missing.status == 2 && missing.stderr.contains("can't read the key file"))
    }

    @Test func whenAgeRefusesTheNoteIsNotStoredAndBetweenSaysWhy() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let laptop = try sandbox.machine("laptop")
        let vault = try sandbox.encryptedVault(on: laptop)
        // A recipient that looks right but isn't a key (a typo in its checksum): age stops at once,
        // before reading the note; a long note must not kill Between with SIGPIPE meanwhile.
        let config = vault + "/between.yml"
        let text = String(decoding: try sandbox.read(config), as: UTF8.self)
        try sandbox.write(config, text + "    - age1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq\n")
        let long = Sandbox.privateNote + String(repeating: "I kept going over it, again and again.\n", count: 40_000)
        try sandbox.write(vault + "/journal/long.md", long)
        let add = try sandbox.git(["add", "journal/long.md"], on: laptop, in: vault)
        #expect(add.status != 0)
        #expect(add.stderr.contains("can't encrypt the private note journal/long.md, so git can't store it: age failed"), "\(add.stderr)")
        #expect(try sandbox.git(["ls-files", "journal/long.md"], on: laptop, in: vault).stdout.isEmpty)
    }

    @Test func aKeyFileOthersCanReadIsWarnedAbout() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let laptop = try sandbox.machine("laptop")
        let vault = try sandbox.committedVault(on: laptop)
        let keyFile = try #require(laptop.keyFiles.first)
        chmod(keyFile, 0o644)
        let status = try sandbox.between(["encrypt", "status"], on: laptop, in: vault)
        #expect(status.stdout.contains("can be read by other people on this computer (its permissions are 644)"))
        #expect(status.stdout.contains("chmod 600"))
        try sandbox.write(vault + "/journal/mum.md", Sandbox.privateNote + "More.\n")
        let add = try sandbox.git(["add", "-A"], on: laptop, in: vault)
        #expect(add.status == 0 && add.stderr.contains("can be read by other people"))
    }
}
