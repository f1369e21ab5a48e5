import Foundation
import Testing
@testable import BetweenCore
@testable import BetweenIndex
@testable import BetweenKit

/// The parts of encryption that need neither git nor age: recognising an encrypted note,
/// the `encryption:` setting, the key store, and git's pkt-line protocol fed by hand.
@Suite struct EncryptionUnitTests {
    static let armored = "-----BEGIN AGE ENCRYPTED FILE-----\nYWdlLWVuY3J5cHRpb24ub3JnL3YxCg==\n-----END AGE ENCRYPTED FILE-----\n"

    // MARK: - The reading pipeline

    @Test func anEncryptedNoteIsRecognisedAndLeftOutWithOneWarning() throws {
        #expect(EncryptedNote.isArmored(Array(Self.armored.utf8)))
        #expect(EncryptedNote.isArmored(Array(("\n  " + Self.armored).utf8)), "age skips leading white space too")
        #expect(!EncryptedNote.isArmored(Array(("Notes\n" + Self.armored).utf8)))
        #expect(!EncryptedNote.isArmored(Array("---\ntype: mood\n---\n".utf8)))
        #expect(!EncryptedNote.isArmored([UInt8]()))
        let vault = try TemporaryVault(["journal/a.md": Self.armored, "journal/b.md": "---\ntype: mood\ndate: 2026-11-20\n---\n"])
        defer { vault.remove() }
        let snapshot = vault.load()
        #expect(snapshot.entries.map(\.path) == ["journal/b.md"])
        #expect(snapshot.diagnostics == [EncryptedNote.diagnostic("journal/a.md")])
        #expect(snapshot.diagnostics.first?.severity == .warning)
    }

    // MARK: - Settings

    @Test func theEncryptionSettingIsReadAndHostileValuesAreRefused() {
        let good = VaultConfig.parse("encryption:\n  vault-id: 0f3a9c2e7b1d4586\n  recipients:\n    - age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p\n")
        #expect(good.1.isEmpty)
        #expect(good.0.encryption == EncryptionSettings(vaultID: "0f3a9c2e7b1d4586", recipients: ["age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p"]))

        let hostile = VaultConfig.parse("encryption:\n  vault-id: ../../.ssh/id_ed25519\n  recipients: [\"-o /tmp/x\", 'age1ABC', 42]\n")
        #expect(hostile.0.encryption?.vaultID == nil, "a vault id is a file name: no paths")
        #expect(hostile.0.encryption?.recipients == [])
        #expect(hostile.1.filter { $0.severity == .error }.count == 4)
        #expect(hostile.1.first?.summary.hasPrefix("between.yml:2:13: error: encryption.vault-id should be") == true)

        // However damaged, the setting being there means encryption is on.
        let damaged = VaultConfig.parse("encryption: yes\n")
        #expect(damaged.0.encryption != nil)
        #expect(damaged.1.first?.message.hasPrefix("encryption should be a set of named values") == true)
        #expect(!EncryptionSettings.isValidVaultID(String(repeating: "a", count: 65)))
        #expect(!EncryptionSettings.isValidVaultID("-rf"))
    }

    // MARK: - Key store

    @Test func theKeyStoreLivesInTheConfigFolderAndNeverReplacesAKey() throws {
        let home = try TemporaryVault(marked: false)
        defer { home.remove() }
        #expect(try KeyStore(environment: ["XDG_CONFIG_HOME": home.root + "/cfg"]).folder == home.root + "/cfg/between/keys")
        #expect(try KeyStore(environment: ["XDG_CONFIG_HOME": "relative", "HOME": home.root]).folder == home.root + "/.config/between/keys")
        #expect(throws: KeyStore.Failure.noHome) { try KeyStore(environment: [:]) }

        let keys = try KeyStore(environment: ["HOME": home.root])
        let key = Array("# a comment\nAGE-SECRET-KEY-1QQQQ\n".utf8)
        #expect(try keys.install(key, for: "abc123") == .created)
        var info = stat()
        stat(keys.path(for: "abc123"), &info)
        #expect(info.st_mode & 0o777 == 0o600)
        stat(keys.folder, &info)
        #expect(info.st_mode & 0o777 == 0o700)
        #expect(keys.permissionWarning(for: "abc123") == nil)
        #expect(try keys.install(Array("AGE-SECRET-KEY-1QQQQ\n".utf8), for: "abc123") == .alreadyThere)
        #expect(throws: KeyStore.Failure.differentKeyInstalled(path: keys.path(for: "abc123"))) {
            try keys.install(Array("AGE-SECRET-KEY-1ZZZZ\n".utf8), for: "abc123")
        }
        #expect(keys.identity(for: "abc123") == key, "the first key is untouched")
        chmod(keys.path(for: "abc123"), 0o640)
        #expect(keys.permissionWarning(for: "abc123")?.contains("its permissions are 640") == true)
    }

    // MARK: - git's filter protocol

    /// Runs the filter protocol on `input` (pkt-lines) and returns what it answered, or the error.
    private func serve(_ packets: [String?], top: String) -> (output: [UInt8], error: String?) {
        var input: [Int32] = [0, 0], output: [Int32] = [0, 0]
        pipe(&input)
        pipe(&output)
        var stream: [UInt8] = []
        for packet in packets {
            guard let packet else { stream += Array("0000".utf8); continue }
            let bytes = Array(packet.utf8)
            let length = String(bytes.count + 4, radix: 16)
            stream += Array((String(repeating: "0", count: 4 - length.count) + length).utf8) + bytes
        }
        FileWriting.writeAll(stream, to: input[1])
        close(input[1])
        var failure: String?
        let filter = GitFilter(top: top) { _ in }
        do {
            try FilterProcess.serve(input: input[0], output: output[1], filter: filter)
        } catch {
            failure = error.reason
        }
        close(output[1])
        var answer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(output[0], &chunk, chunk.count)
            if count <= 0 { break }
            answer += chunk[..<count]
        }
        close(input[0])
        close(output[0])
        return (answer, failure)
    }

    @Test func theFilterProcessSpeaksGitsProtocolAndPassesPublicNotesThrough() throws {
        let vault = try TemporaryVault(["between.yml": "week-start: monday\n"])
        defer { vault.remove() }
        let note = "---\ntype: mood\ndate: 2026-11-21 08:15\nmood: 6\n---\nSlept better.\n"
        let (output, error) = serve([
            "git-filter-client\n", "version=2\n", nil,
            "capability=clean\n", "capability=smudge\n", "capability=delay\n", nil,
            "command=clean\n", "pathname=journal/morning.md\n", nil, note, nil,
            "command=smudge\n", "pathname=journal/morning.md\n", "blob=0123\n", nil, note, nil,
        ], top: vault.root)
        #expect(error == nil)
        let reply = "0016git-filter-server\n000eversion=2\n0000" + "0015capability=clean\n0016capability=smudge\n0000"
        let answer = "0013status=success\n0000" + String(format: "%04x", note.utf8.count + 4) + note + "0000" + "0000"
        #expect(String(decoding: output, as: UTF8.self) == reply + answer + answer)
    }

    @Test(arguments: [
        ["hello\n"],                                         // not a client at all
        ["git-filter-client\n", "version=2\n"],              // ends in the middle of a list
        ["git-filter-client\n", "version=2\n", nil, nil, "command=clean\n", nil, "half a not"], // ends inside a file
    ] as [[String?]])
    func aBrokenStreamEndsWithAnErrorNotACrash(_ packets: [String?]) throws {
        let vault = try TemporaryVault(marked: false)
        defer { vault.remove() }
        #expect(serve(packets, top: vault.root).error != nil)
    }

    @Test func malformedPacketLengthsAreRefused() {
        for header in ["zzzz", "0003", "ffff"] {
            var descriptors: [Int32] = [0, 0]
            pipe(&descriptors)
            FileWriting.writeAll(Array((header + "abc").utf8), to: descriptors[1])
            close(descriptors[1])
            var reader = PktLine.Reader(descriptor: descriptors[0])
            #expect(throws: PktLine.Malformed.self) { try reader.next() }
            close(descriptors[0])
        }
    }
}
