import Foundation
import Testing
@testable import BetweenCore
@testable import BetweenKit

/// Private notes in git, encrypted with real age through real git filters, in temporary
/// repositories and homes: what a person sees on the machine with the key, on a clone
/// with the key imported, and on a clone without it.
@Suite(.enabled(if: EncryptionSandbox.ageOrCI, EncryptionSandbox.skipMessage))
struct EncryptionTests {
    typealias Sandbox = EncryptionSandbox

    // MARK: - The machine that set it up

    @Test func privateNotesAreStoredEncryptedAndPublicOnesByteForByte() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let laptop = try sandbox.machine("laptop")
        let vault = try sandbox.encryptedVault(on: laptop)
        // The key lives outside the vault, in the machine's config folder, for its owner alone.
        #expect(laptop.keyFiles.count == 1)
        let keyFile = try #require(laptop.keyFiles.first)
        #expect(FileSystem.status(keyFile) != nil && !keyFile.hasPrefix(vault))
        var info = stat()
        stat(keyFile, &info)
        #expect(info.st_mode & 0o777 == 0o600)
        let config = Vault(root: vault).config.encryption
        #expect(config?.recipients.count == 1 && config?.recipients.first?.hasPrefix("age1") == true)
        #expect(keyFile.hasSuffix("/.config/between/keys/\(config?.vaultID ?? "?").txt"))

        try sandbox.write(vault + "/journal/2026/11/mum.md", Sandbox.privateNote)
        try sandbox.write(vault + "/journal/2026/11/morning.md", Sandbox.publicNote)
        #expect(try sandbox.git(["add", "-A"], on: laptop, in: vault).status == 0)
        let commit = try sandbox.git(["commit", "-m", "Two notes"], on: laptop, in: vault)
        #expect(commit.status == 0, "\(commit.stderr)")

        let stored = try sandbox.stored("HEAD:journal/2026/11/mum.md", on: laptop, in: vault)
        #expect(Sandbox.isCiphertext(stored))
        #expect(!String(decoding: stored, as: UTF8.self).contains("Mum"))
        #expect(try sandbox.read(vault + "/journal/2026/11/mum.md") == Array(Sandbox.privateNote.utf8), "the working file stays plain text")
        #expect(try sandbox.stored("HEAD:journal/2026/11/morning.md", on: laptop, in: vault) == Array(Sandbox.publicNote.utf8))
        // The attributes travel with the repository; the settings too.
        #expect(try sandbox.git(["cat-file", "-p", "HEAD:.gitattributes"], on: laptop, in: vault).stdout.contains("*.md filter=between diff=between"))
        #expect(try sandbox.git(["cat-file", "-p", "HEAD:between.yml"], on: laptop, in: vault).stdout.contains("recipients:"))
        // Everything Between reads still reads the plain note.
        let list = try sandbox.between(["list", "--format", "paths"], on: laptop, in: vault)
        #expect(list.stdout.contains("journal/2026/11/mum.md") && list.stderr.isEmpty)
    }

    @Test func gitStatusStaysCleanAfterTouchCheckoutStashAndRebase() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let laptop = try sandbox.machine("laptop")
        let vault = try sandbox.committedVault(on: laptop)
        let note = vault + "/journal/mum.md"
        let first = try sandbox.stored("HEAD:journal/mum.md", on: laptop, in: vault)
        func isClean(_ step: String) throws {
            let status = try sandbox.git(["status", "--porcelain"], on: laptop, in: vault)
            #expect(status.stdout.isEmpty, "after \(step): \(status.stdout)")
        }

        // touch: the same plain text gets back the stored ciphertext.
        var past = [timespec(tv_sec: 1_700_000_000, tv_nsec: 0), timespec(tv_sec: 1_700_000_000, tv_nsec: 0)]
        utimensat(AT_FDCWD, note, &past, 0)
        try isClean("touch")
        #expect(try sandbox.git(["add", "-A"], on: laptop, in: vault).status == 0)
        try isClean("git add after touch")
        #expect(try sandbox.stored(":journal/mum.md", on: laptop, in: vault) == first)

        // A real edit is encrypted afresh, and shows as a change.
        try sandbox.write(note, Sandbox.privateNote + "Later I rang Sam and felt a bit lighter.\n")
        #expect(try sandbox.git(["status", "--porcelain"], on: laptop, in: vault).stdout == " M journal/mum.md\n")
        try sandbox.git(["commit", "-qam", "Second"], on: laptop, in: vault)
        #expect(try sandbox.stored("HEAD:journal/mum.md", on: laptop, in: vault) != first)

        // checkout of the older commit and back.
        #expect(try sandbox.git(["checkout", "-q", "HEAD~1"], on: laptop, in: vault).status == 0)
        #expect(try sandbox.read(note) == Array(Sandbox.privateNote.utf8))
        try isClean("checkout HEAD~1")
        try sandbox.git(["checkout", "-q", "-"], on: laptop, in: vault)
        try isClean("checkout back")

        // stash and pop.
        try sandbox.write(note, Sandbox.privateNote + "A stashed thought.\n")
        #expect(try sandbox.git(["stash", "-q"], on: laptop, in: vault).status == 0)
        try isClean("stash")
        #expect(try sandbox.git(["stash", "pop", "-q"], on: laptop, in: vault).status == 0)
        #expect(String(decoding: try sandbox.read(note), as: UTF8.self).hasSuffix("A stashed thought.\n"))
        try sandbox.git(["checkout", "-q", "--", "."], on: laptop, in: vault)
        try isClean("checkout -- .")

        // rebase onto a branch that changed another note.
        try sandbox.git(["checkout", "-q", "-b", "side", "HEAD~1"], on: laptop, in: vault)
        try sandbox.write(vault + "/journal/morning.md", Sandbox.publicNote + "Made porridge.\n")
        try sandbox.git(["commit", "-qam", "Side"], on: laptop, in: vault)
        try sandbox.git(["checkout", "-q", "-"], on: laptop, in: vault)
        let rebase = try sandbox.git(["rebase", "-q", "side"], on: laptop, in: vault)
        #expect(rebase.status == 0, "\(rebase.stderr)")
        try isClean("rebase")
        #expect(Sandbox.isCiphertext(try sandbox.stored("HEAD:journal/mum.md", on: laptop, in: vault)))
    }

    @Test func gitDiffAndLogShowPlainTextOnTheMachineWithTheKey() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let laptop = try sandbox.machine("laptop")
        let vault = try sandbox.committedVault(on: laptop)
        let note = vault + "/journal/mum.md"
        try sandbox.write(note, Sandbox.privateNote + "Later I rang Sam.\n")
        let diff = try sandbox.git(["diff"], on: laptop, in: vault)
        #expect(diff.stdout.contains("+Later I rang Sam.\n"), "\(diff.stdout)")
        #expect(!diff.stdout.contains("AGE ENCRYPTED"))
        try sandbox.git(["commit", "-qam", "Second"], on: laptop, in: vault)
        let log = try sandbox.git(["log", "-p", "--format=%s"], on: laptop, in: vault)
        #expect(log.stdout.contains("+Later I rang Sam.") && log.stdout.contains("+She said it again"))
        #expect(!log.stdout.contains("AGE ENCRYPTED"))
    }

    // MARK: - Other machines

    @Test func aCloneWithTheKeyImportedHasPlainTextAndTheKeyRoundTrips() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let laptop = try sandbox.machine("laptop"), desktop = try sandbox.machine("desktop")
        let vault = try sandbox.committedVault(on: laptop)

        let export = try sandbox.between(["encrypt", "key", "export"], on: laptop, in: vault)
        #expect(export.status == 0)
        #expect(export.stdout.contains("AGE-SECRET-KEY-1"))
        #expect(export.stderr.contains("WARNING") && export.stderr.contains("nobody can read the encrypted notes ever again"))
        #expect(Array(export.stdout.utf8) == (try sandbox.read(try #require(laptop.keyFiles.first))))

        let clone = sandbox.folder.root + "/clone"
        #expect(try sandbox.git(["clone", "-q", vault, clone], on: desktop, in: sandbox.folder.root).status == 0)
        #expect(Sandbox.isCiphertext(try sandbox.read(clone + "/journal/mum.md")), "git has no filter here yet")
        let setUp = try sandbox.between(["encrypt", "setup"], on: desktop, in: clone)
        #expect(setUp.status == 0, "\(setUp.stderr)")
        #expect(setUp.stderr.contains("doesn't have the key for this vault"))
        #expect(setUp.stdout.contains("Added a pre-commit hook"), "git doesn't copy hooks: set-up adds it")
        #expect(FileManager.default.isExecutableFile(atPath: clone + "/.git/hooks/pre-commit"))
        let imported = try sandbox.between(["encrypt", "key", "import", "-"], on: desktop, in: clone, stdin: export.stdout)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("Decrypted 1 private note"))
        #expect(try sandbox.read(clone + "/journal/mum.md") == Array(Sandbox.privateNote.utf8))
        #expect(try sandbox.read(try #require(desktop.keyFiles.first)) == Array(export.stdout.utf8))
        #expect(try sandbox.git(["status", "--porcelain"], on: desktop, in: clone).stdout.isEmpty)
        // A later checkout on the desktop decrypts too.
        let fresh = sandbox.folder.root + "/fresh"
        try sandbox.cloneWithoutNotes(of: vault, to: fresh, on: desktop)
        try sandbox.between(["encrypt", "setup"], on: desktop, in: fresh)
        #expect(try sandbox.git(["checkout", "-q", "HEAD", "--", "."], on: desktop, in: fresh).status == 0)
        #expect(try sandbox.read(fresh + "/journal/mum.md") == Array(Sandbox.privateNote.utf8))
        // Importing it twice is harmless.
        #expect(try sandbox.between(["encrypt", "key", "import"], on: desktop, in: clone, stdin: export.stdout).stdout.contains("has this key already"))
    }

    @Test func aCloneWithoutTheKeyKeepsTheCiphertextAndEachCommandSaysSoOnce() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let laptop = try sandbox.machine("laptop"), phone = try sandbox.machine("borrowed")
        let vault = try sandbox.committedVault(on: laptop)
        let clone = sandbox.folder.root + "/clone"
        try sandbox.git(["clone", "-q", vault, clone], on: phone, in: sandbox.folder.root)
        #expect(try sandbox.between(["encrypt", "setup"], on: phone, in: clone).status == 0)
        let fresh = sandbox.folder.root + "/fresh"
        try sandbox.cloneWithoutNotes(of: vault, to: fresh, on: phone)
        try sandbox.between(["encrypt", "setup"], on: phone, in: fresh)
        let checkout = try sandbox.git(["checkout", "-q", "HEAD", "--", "."], on: phone, in: fresh)
        #expect(checkout.status == 0, "smudge never fails: \(checkout.stderr)")
        #expect(checkout.stderr.contains("1 private note stays encrypted"))

        for copy in [clone, fresh] {
            let before = try sandbox.read(copy + "/journal/mum.md")
            #expect(Sandbox.isCiphertext(before))
            // One diagnostic per command, naming the note, and the note left out.
            let expected = "journal/mum.md:1:1: warning: \(EncryptedNote.message)\n"
            func once(_ text: String) -> Bool {
                text.components(separatedBy: EncryptedNote.message).count == 2 && text.contains(expected)
            }
            let check = try sandbox.between(["check"], on: phone, in: copy)
            #expect(check.status == 0, "a note that can't be read here is not an error in it")
            #expect(once(check.stdout) && check.stderr.contains("0 errors and 1 warning"))
            let list = try sandbox.between(["list", "--format", "paths"], on: phone, in: copy)
            #expect(list.status == 0 && list.stdout == "journal/morning.md\n")
            #expect(once(list.stderr))
            let digest = try sandbox.between(["digest", "--since", "2026-11-01", "--until", "2026-11-30", "--include-private"], on: phone, in: copy)
            #expect(digest.status == 0 && once(digest.stderr))
            #expect(!digest.stdout.contains("Mum") && !digest.stdout.contains("AGE"))
            let cope = try sandbox.between(["cope"], on: phone, in: copy)
            #expect(cope.status == 0 && once(cope.stderr))
            #expect(try sandbox.read(copy + "/journal/mum.md") == before, "nothing is overwritten")
            #expect(try sandbox.git(["status", "--porcelain"], on: phone, in: copy).stdout.isEmpty)
        }
        // What is committed from here stays encrypted for the vault's key.
        try sandbox.write(clone + "/journal/night.md", Sandbox.privateNote.replacingOccurrences(of: "Mum", with: "Dad"))
        try sandbox.git(["add", "-A"], on: phone, in: clone)
        #expect(try sandbox.git(["commit", "-qm", "From the other machine"], on: phone, in: clone).status == 0)
        #expect(Sandbox.isCiphertext(try sandbox.stored("HEAD:journal/night.md", on: phone, in: clone)))
        #expect(try sandbox.stored("HEAD:journal/mum.md", on: phone, in: clone) == (try sandbox.stored("HEAD:journal/mum.md", on: laptop, in: vault)))
    }

    // MARK: - The hook, status, new

    @Test func theHookRefusesAPrivateNoteStagedInPlainTextInACloneWithoutSetUp() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let laptop = try sandbox.machine("laptop"), desktop = try sandbox.machine("desktop")
        let vault = try sandbox.encryptedVault(on: laptop)
        try sandbox.git(["add", "-A"], on: laptop, in: vault)
        try sandbox.git(["commit", "-qm", "Settings"], on: laptop, in: vault)
        let clone = sandbox.folder.root + "/clone"
        try sandbox.git(["clone", "-q", vault, clone], on: desktop, in: sandbox.folder.root)
        try sandbox.between(["init", "--git"], on: desktop, in: clone) // the hook, but no filter
        try sandbox.write(clone + "/journal/mum.md", Sandbox.privateNote)
        try sandbox.write(clone + "/journal/morning.md", Sandbox.publicNote)
        try sandbox.git(["add", "-A"], on: desktop, in: clone)
        let refused = try sandbox.git(["commit", "-m", "Notes"], on: desktop, in: clone)
        #expect(refused.status != 0)
        #expect(refused.stdout.contains("journal/mum.md:1:1: error: this private note is staged in plain text") || refused.stderr.contains("journal/mum.md:1:1: error: this private note is staged in plain text"))
        #expect((refused.stdout + refused.stderr).contains("Run `between encrypt setup` first, then `git add --renormalize journal/mum.md`"))
        #expect(try sandbox.git(["rev-list", "--count", "HEAD"], on: desktop, in: clone).stdout == "1\n")

        // After set-up and a renormalise, the same commit goes through, encrypted.
        #expect(try sandbox.between(["encrypt", "setup"], on: desktop, in: clone).status == 0)
        try sandbox.git(["add", "--renormalize", "."], on: desktop, in: clone)
        let committed = try sandbox.git(["commit", "-m", "Notes"], on: desktop, in: clone)
        #expect(committed.status == 0, "\(committed.stdout)\(committed.stderr)")
        #expect(Sandbox.isCiphertext(try sandbox.stored("HEAD:journal/mum.md", on: desktop, in: clone)))
        #expect(try sandbox.stored("HEAD:journal/morning.md", on: desktop, in: clone) == Array(Sandbox.publicNote.utf8))
    }

    @Test func theHookChecksAnEncryptedNoteAsItsPlainText() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let laptop = try sandbox.machine("laptop")
        let vault = try sandbox.encryptedVault(on: laptop)
        try sandbox.write(vault + "/homework/letters.md", "---\ntype: homework\nid: unsent-letters\ntitle: Unsent letters\nfrequency: 2/week\nexpects: reflection\nprivate: true\n---\nWrite to Mum without sending it.\n")
        try sandbox.git(["add", "-A"], on: laptop, in: vault)
        #expect(try sandbox.git(["commit", "-qm", "A private assignment"], on: laptop, in: vault).status == 0)
        // An entry practising the (encrypted) assignment is checked against it, and a wrong rating is caught.
        try sandbox.write(vault + "/journal/letter.md", Sandbox.privateNote.replacingOccurrences(of: "private: true", with: "private: true\nhomework: unsent-letters\nhelpful: 14"))
        try sandbox.git(["add", "-A"], on: laptop, in: vault)
        let stopped = try sandbox.git(["commit", "-m", "A letter"], on: laptop, in: vault)
        #expect(stopped.status != 0)
        let shown = stopped.stdout + stopped.stderr // git shows a hook's output on stderr
        #expect(shown.contains("journal/letter.md:6:10: error: helpful should be a number from 0 to 10, but it is 14"), "\(shown)")
        #expect(!shown.contains("no assignment has the id"), "the encrypted assignment was read")
    }

    @Test func statusFindsAPlainPrivateNoteCommittedBeforeSetUpAndTheAdviceRewritesIt() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let laptop = try sandbox.machine("laptop")
        let vault = sandbox.folder.root + "/vault"
        try sandbox.between(["init", "vault", "--git"], on: laptop, in: sandbox.folder.root)
        try sandbox.write(vault + "/journal/mum.md", Sandbox.privateNote)
        try sandbox.write(vault + "/journal/morning.md", Sandbox.publicNote)
        try sandbox.git(["add", "-A"], on: laptop, in: vault)
        try sandbox.git(["commit", "-qm", "Before encryption"], on: laptop, in: vault)
        let off = try sandbox.between(["encrypt", "status"], on: laptop, in: vault)
        #expect(off.status == 1)
        #expect(off.stdout.contains("Encryption: off. A private note committed to git is plain text on any remote"))

        let setUp = try sandbox.between(["encrypt", "setup"], on: laptop, in: vault)
        #expect(setUp.stderr.contains("1 private note is already in git as plain text"))
        try sandbox.git(["add", "--renormalize", "."], on: laptop, in: vault)
        try sandbox.git(["add", "-A"], on: laptop, in: vault)
        try sandbox.git(["commit", "-qm", "Encryption on"], on: laptop, in: vault)
        let status = try sandbox.between(["encrypt", "status"], on: laptop, in: vault)
        #expect(status.status == 1)
        #expect(status.stdout.contains("Encrypted in the last commit: 1 note\n  journal/mum.md\n"))
        #expect(status.stdout.contains("Private notes in plain text in git's history (committed before encryption was set up, or while the filter was missing): 1\n  journal/mum.md (stored version "))
        #expect(status.stdout.contains("Between never rewrites history for you"))
        #expect(try sandbox.git(["rev-list", "--count", "HEAD"], on: laptop, in: vault).stdout == "2\n", "status changed nothing")

        // The advice, its commands run as printed, leaves no plain-text private note anywhere.
        let commands = status.stdout.split(separator: "\n").filter { $0.hasPrefix("       ") }
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.hasPrefix("git ") || $0.hasPrefix("printf ") }
        #expect(commands.count == 4, "\(commands)")
        let rewrite = try sandbox.run(["sh", "-c", commands.joined(separator: " && ")], on: laptop, in: vault)
        #expect(rewrite.status == 0, "\(rewrite.stderr)")
        let after = try sandbox.between(["encrypt", "status"], on: laptop, in: vault)
        #expect(after.status == 0, "\(after.stdout)")
        #expect(after.stdout.contains("Private notes in plain text in git's history: none"))
        #expect(try sandbox.read(vault + "/journal/mum.md") == Array(Sandbox.privateNote.utf8))
        #expect(try sandbox.stored("HEAD~1:journal/morning.md", on: laptop, in: vault) == Array(Sandbox.publicNote.utf8))
    }

    @Test func newGivesPrivateNotesNeutralNamesWhenEncryptionIsOn() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let laptop = try sandbox.machine("laptop")
        let vault = try sandbox.encryptedVault(on: laptop, settings: "private-by-default: true\n")
        let session = try sandbox.between(["new", "session", "--date", "2026-11-20", "--no-edit"], on: laptop, in: vault)
        #expect(session.status == 0, "\(session.stderr)")
        let path = session.stdout.trimmingCharacters(in: .newlines)
        #expect(path.range(of: #"^private/2026/[a-z2-9]{12}\.md$"#, options: .regularExpression) != nil, "\(path)")
        #expect(!path.contains("session") && !path.contains("2026-11-20"))
        let plan = try sandbox.between(["new", "safety-plan", "--no-edit"], on: laptop, in: vault)
        #expect(plan.stdout.hasPrefix("private/") && plan.stdout != session.stdout)
        let mood = try sandbox.between(["new", "mood", "--date", "2026-11-21 08:15", "--no-edit"], on: laptop, in: vault)
        #expect(mood.stdout.hasPrefix("private/") && !mood.stdout.contains("mood"))
        let plainVault = sandbox.folder.root + "/plain"
        try sandbox.between(["init", "plain"], on: laptop, in: sandbox.folder.root)
        try sandbox.write(plainVault + "/between.yml", "private-by-default: true\n")
        let unencrypted = try sandbox.between(["new", "session", "--date", "2026-11-20", "--no-edit"], on: laptop, in: plainVault)
        #expect(unencrypted.stdout == "sessions/2026-11-20.md\n", "without encryption, names are as always")
    }
}
