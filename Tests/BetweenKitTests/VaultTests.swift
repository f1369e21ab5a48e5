import Foundation
import Testing
@testable import BetweenCore
@testable import BetweenIndex
@testable import BetweenKit

@Suite struct VaultTests {
    @Test func findsMarkdownSortedAndSkipsCachesTemplatesAndExclusions() throws {
        let vault = try TemporaryVault([
            "between.yml": "exclude: [drafts, '**/*.tmp.md']\n",
            "b.md": "b", "a.markdown": "a", "journal/2026/11/x.md": "x",
            ".between/cache.md": "no", ".git/x.md": "no", ".obsidian/w.md": "no",
            "templates/mood.md": "no", "journal/templates/kept.md": "nested templates folder is notes",
            "drafts/one.md": "no", "journal/old.tmp.md": "no", "image.png": "no", "README.txt": "no",
        ])
        defer { vault.remove() }
        let paths = Vault(root: vault.root).sources().files.map(\.path)
        #expect(paths == ["a.markdown", "b.md", "journal/2026/11/x.md", "journal/templates/kept.md"])
    }

    @Test func discoveryPrefersFlagThenEnvironmentThenNearestMarkedAncestor() throws {
        let vault = try TemporaryVault(["between.yml": "", "journal/2026/note.md": "x"])
        defer { vault.remove() }
        let inner = try TemporaryVault(["between.yml": ""])
        defer { inner.remove() }
        let deep = vault.root + "/journal/2026"
        #expect(try VaultLocator.locate(explicit: nil, environment: [:], workingDirectory: deep) == vault.root)
        #expect(try VaultLocator.locate(explicit: "../..", environment: [:], workingDirectory: deep) == vault.root)
        #expect(try VaultLocator.locate(explicit: nil, environment: ["BETWEEN_VAULT": inner.root], workingDirectory: deep) == inner.root)
        #expect(try VaultLocator.locate(explicit: vault.root, environment: ["BETWEEN_VAULT": inner.root], workingDirectory: "/") == vault.root)
        #expect(throws: VaultLocator.Failure.self) {
            try VaultLocator.locate(explicit: vault.root + "/missing", environment: [:], workingDirectory: "/")
        }
        #expect(throws: VaultLocator.Failure.self) {
            try VaultLocator.locate(explicit: vault.root + "/between.yml", environment: [:], workingDirectory: "/")
        }
        // A folder marked by .between/ counts too.
        let other = try TemporaryVault(["sub/x.md": "x"], marked: false)
        defer { other.remove() }
        try FileManager.default.createDirectory(atPath: other.root + "/.between", withIntermediateDirectories: true)
        #expect(try VaultLocator.locate(explicit: nil, environment: [:], workingDirectory: other.root + "/sub") == other.root)
        #expect(try VaultLocator.locate(explicit: other.root, environment: [:], workingDirectory: "/") == other.root)
    }

    @Test func aFolderWithoutBetweenYmlOrDotBetweenIsNotAVaultEvenWhenNamed() throws {
        let folder = try TemporaryVault(["sub/x.md": "x"], marked: false)
        defer { folder.remove() }
        let vault = try TemporaryVault(["journal/2026/note.md": "x"])
        defer { vault.remove() }
        func failure(_ explicit: String?, _ environment: [String: String] = [:], in folder: String) -> String {
            do {
                let root = try VaultLocator.locate(explicit: explicit, environment: environment, workingDirectory: folder)
                return "found \(root)"
            } catch {
                return error.description
            }
        }
        let here = failure(nil, in: folder.root + "/sub")
        #expect(here.hasPrefix("this folder is not a vault: neither \(folder.root)/sub nor any folder above it holds between.yml or .between/"), "\(here)")
        #expect(here.contains("Run `between init` here"))
        let named = failure(folder.root, in: "/")
        #expect(named == "\(folder.root) (from --vault) is not a vault: it holds no between.yml or .between/. "
            + "Run `between init \(folder.root)` to make it one, or give the folder that holds your between.yml")
        let fromEnvironment = failure(nil, ["BETWEEN_VAULT": "sub"], in: folder.root)
        #expect(fromEnvironment.hasPrefix("\(folder.root)/sub (from BETWEEN_VAULT) is not a vault"))
        // A subfolder of a vault named by mistake would become a second vault inside the first.
        let inside = failure(vault.root + "/journal/2026", in: "/")
        #expect(inside == "\(vault.root)/journal/2026 (from --vault) is a folder inside the vault \(vault.root), not the vault itself; give \(vault.root) instead")
        // A path that needs quoting is quoted in the command to copy.
        try FileManager.default.createDirectory(atPath: folder.root + "/my notes", withIntermediateDirectories: true)
        #expect(failure("my notes", in: folder.root).contains("Run `between init '\(folder.root)/my notes'`"))
        #expect(!FileManager.default.fileExists(atPath: folder.root + "/.between"))
    }

    @Test func linksOutOfTheVaultAndLoopsAreNotFollowed() throws {
        let outside = try TemporaryVault(["secret.md": "---\ntype: mood\n---\nnot yours"])
        defer { outside.remove() }
        let vault = try TemporaryVault(["inside/real.md": "# Real", "inside/deeper/x.md": "# X"])
        defer { vault.remove() }
        try FileManager.default.createSymbolicLink(atPath: vault.root + "/escape.md", withDestinationPath: outside.root + "/secret.md")
        try FileManager.default.createSymbolicLink(atPath: vault.root + "/escape-dir", withDestinationPath: outside.root)
        try FileManager.default.createSymbolicLink(atPath: vault.root + "/inside/deeper/loop", withDestinationPath: vault.root + "/inside")
        try FileManager.default.createSymbolicLink(atPath: vault.root + "/alias.md", withDestinationPath: vault.root + "/inside/real.md")
        try FileManager.default.createSymbolicLink(atPath: vault.root + "/broken.md", withDestinationPath: vault.root + "/nowhere.md")
        let snapshot = vault.load()
        #expect(snapshot.entries.map(\.path) == ["alias.md", "inside/deeper/x.md", "inside/real.md"])
        let problems = Dictionary(grouping: snapshot.diagnostics, by: \.path).mapValues { $0.map(\.message) }
        #expect(problems["escape.md"]?.first?.contains("points outside the vault") == true)
        #expect(problems["escape-dir"]?.first?.contains("points outside the vault") == true)
        #expect(problems["broken.md"]?.first?.contains("points to nothing") == true)
        #expect(problems["inside/deeper/loop"]?.first?.contains("already read") == true)
    }

    /// Folders are listed a level at a time, in parallel; what is found must not
    /// depend on which listing finishes first.
    @Test func aWideDeepTreeIsFoundWholeAndInTheSameOrderEveryTime() throws {
        var files: [String: String] = [:]
        for year in 2015...2026 {
            for month in 1...12 {
                files["journal/\(year)/\(String(format: "%02d", month))/\(year)-\(month)-a.md"] = "a"
                files["journal/\(year)/\(String(format: "%02d", month))/\(year)-\(month)-b.md"] = "b"
            }
        }
        let deep = (1...60).map { "level\($0)" }.joined(separator: "/")
        files[deep + "/bottom.md"] = "found at the bottom"
        let vault = try TemporaryVault(files)
        defer { vault.remove() }
        let expected = files.keys.sorted()
        for _ in 0..<5 {
            let (found, diagnostics) = Vault(root: vault.root).sources()
            #expect(found.map(\.path) == expected)
            #expect(diagnostics.isEmpty)
        }
    }

    @Test func aFolderReachedTwiceIsReadOnceFirstByDepthThenByName() throws {
        let vault = try TemporaryVault(["archive/2019/old.md": "# Old", "notes/today.md": "# Today"])
        defer { vault.remove() }
        // Equally deep: the real folder sorts first and is read under its own name.
        try FileManager.default.createSymbolicLink(atPath: vault.root + "/notes-link", withDestinationPath: vault.root + "/notes")
        // Shallower than the folder it names: read through the link.
        try FileManager.default.createSymbolicLink(atPath: vault.root + "/2019", withDestinationPath: vault.root + "/archive/2019")
        let (found, diagnostics) = Vault(root: vault.root).sources()
        #expect(found.map(\.path) == ["2019/old.md", "notes/today.md"])
        #expect(diagnostics.map(\.path) == ["archive/2019", "notes-link"])
        #expect(diagnostics.allSatisfy { $0.message.contains("already read through another path") })
    }

    @Test func byteSearchFindsWhatTheGenericSearchFinds() {
        var generator = SystemRandomNumberGenerator()
        for length in [0, 1, 2, 15, 16, 17, 63, 64, 65, 1_000] {
            for _ in 0..<20 {
                let bytes = (0..<length).map { _ in [0, 10, 13, 65, 200].randomElement(using: &generator)! as UInt8 }
                for byte: UInt8 in [0, 13, 255] {
                    #expect(bytes.firstIndex(ofByte: byte) == bytes.firstIndex(of: byte))
                }
            }
        }
    }

    /// The byte-string search agrees with a plain comparison at every start, for
    /// needles at the start, the end, overlapping themselves, longer than the text, or empty.
    @Test func byteStringSearchAgreesWithAPlainScan() {
        var generator = SystemRandomNumberGenerator()
        for length in 0..<40 {
            for _ in 0..<20 {
                let bytes = (0..<length).map { _ in [97, 98, 0].randomElement(using: &generator)! as UInt8 }
                for needle: [UInt8] in [[], [97], [97, 97], [97, 98, 97], [98, 0, 98, 0], Array(repeating: 97, count: 41)] {
                    let plain = needle.isEmpty || (length >= needle.count && (0...(length - needle.count)).contains {
                        Array(bytes[$0..<($0 + needle.count)]) == needle
                    })
                    #expect(bytes.withUnsafeBufferPointer { $0.contains(bytes: needle) } == plain, "\(bytes) \(needle)")
                }
            }
        }
    }

    @Test func unreadableBinaryOversizedAndNonUTF8FilesAreSkippedWithADiagnostic() throws {
        let vault = try TemporaryVault(["good.md": "---\ntype: mood\ndate: 2026-11-20\nmood: 6\n---\nOK day.\n"])
        defer { vault.remove() }
        try vault.writeBytes("binary.md", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0x02])
        try vault.writeBytes("latin1.md", Array("caf".utf8) + [0xE9] + Array("\nline two".utf8))
        try vault.writeBytes("utf16.md", [0xFF, 0xFE, 0x68, 0x00, 0x69, 0x00])
        try vault.write("huge.md", String(repeating: "a", count: VaultReader.sizeLimit + 10))
        try vault.write("locked.md", "secret")
        chmod(vault.root + "/locked.md", 0)
        try vault.write("empty.md", "")
        let before = try vault.fingerprint()
        let snapshot = vault.load()
        let readable = getuid() == 0 ? ["empty.md", "good.md", "locked.md"] : ["empty.md", "good.md"] // root reads anything
        #expect(snapshot.entries.map(\.path) == readable)
        let byPath = Dictionary(uniqueKeysWithValues: snapshot.otherDiagnostics.map { ($0.path, $0) })
        #expect(byPath["binary.md"]?.message.contains("binary") == true)
        #expect(byPath["latin1.md"]?.message.contains("not valid UTF-8") == true)
        #expect(byPath["latin1.md"]?.position == SourcePosition(line: 1, column: 4))
        #expect(byPath["utf16.md"]?.message.contains("UTF-16") == true)
        #expect(byPath["huge.md"]?.message.contains("10 MB") == true)
        if getuid() != 0 {
            #expect(byPath["locked.md"]?.message == "can't read this file (permission denied); check its permissions")
        }
        chmod(vault.root + "/locked.md", 0o644)
        #expect(try vault.fingerprint() == before, "reading never modifies the vault")
    }

    /// A note or folder whose path is longer than the system allows (4,096 bytes) is
    /// named as such, with what to do, not "check its permissions".
    @Test func aPathLongerThanTheSystemAllowsIsExplained() throws {
        let vault = try TemporaryVault(["good.md": "# Fine\n"])
        defer { vault.removeDeep() }
        // Folders nested (through descriptors, as no path that long can be opened) to
        // 3,900 bytes; in the last, a note and a folder whose names take them past 4,096.
        var folder = open(vault.root, O_RDONLY | O_DIRECTORY)
        var length = vault.root.utf8.count
        var relative: [String] = []
        while length < 3_900 {
            let name = String(repeating: "d", count: min(200, 3_900 - length - 1))
            #expect(mkdirat(folder, name, 0o755) == 0)
            let next = openat(folder, name, O_RDONLY | O_DIRECTORY)
            close(folder)
            (folder, length) = (next, length + name.utf8.count + 1)
            relative.append(name)
        }
        let long = String(repeating: "n", count: 250)
        let note = openat(folder, long + ".md", O_WRONLY | O_CREAT, 0o644)
        #expect(note >= 0 && write(note, "# Far down\n", 11) == 11)
        close(note)
        #expect(mkdirat(folder, long, 0o755) == 0)
        close(folder)
        let diagnostics = vault.load().diagnostics
        let path = relative.joined(separator: "/") + "/" + long
        let advice = "its path is longer than the system allows; shorten the names of its folders, or move the vault higher up"
        #expect(diagnostics.first { $0.path == path + ".md" }?.message == "can't read this file (file name too long); " + advice)
        #expect(diagnostics.first { $0.path == path }?.message == "can't read this folder (file name too long), so its files are skipped; " + advice)
        #expect(!diagnostics.contains { $0.message.contains("permissions") })
    }

    @Test func whatToDoAboutAFileTheSystemRefusedFollowsItsReason() {
        #expect(FileSystem.Refusal.advice(for: EACCES) == "check its permissions")
        #expect(FileSystem.Refusal.advice(for: EPERM) == "check its permissions")
        #expect(FileSystem.Refusal.advice(for: ELOOP)?.contains("loop") == true)
        #expect(FileSystem.Refusal.advice(for: EIO)?.contains("back up your notes") == true)
        #expect(FileSystem.Refusal.advice(for: EINVAL) == nil)
    }

    /// `between check` reads the vault a batch at a time and keeps only problems and
    /// homework references (`VaultCheck`): it must report exactly what loading every
    /// entry reports, in the same order, with the same count of files.
    @Test func aCheckInBatchesReportsWhatLoadingEverythingReports() throws {
        let vault = try TemporaryVault.copyOfExample()
        defer { vault.remove() }
        try vault.writeBytes("journal/binary.md", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01])
        try vault.writeBytes("journal/latin1.md", Array("caf".utf8) + [0xE9])
        try vault.write("journal/odd.md", "---\ntype: mood\nmood: 14\nhomework: breathing-487\ndate: 2026-13-01\n---\n")
        try vault.write("homework/again.md", "---\ntype: homework\nid: breathing-478\n---\n")
        // Enough notes for several batches, every one with a problem of its own.
        for number in 0..<600 {
            try vault.write("journal/many/\(number).md", "---\ntype: mood\ndate: 2026-11-\(10 + number % 20)\nmood: \(11 + number % 13)\n---\n")
        }
        let loaded = Vault(root: vault.root).load()
        let check = VaultCheck(Vault(root: vault.root))
        #expect(check.diagnostics.count > 600)
        #expect(check.diagnostics.contains { $0.message.contains("no assignment has the id") })
        #expect(check.diagnostics.contains { $0.message.contains("two assignments have the id") })
        #expect(check.diagnostics.contains { $0.path == "journal/binary.md" })
        #expect(check.diagnostics == loaded.diagnostics)
        #expect(check.filesChecked == loaded.entries.count + loaded.otherDiagnostics.filter { $0.path != VaultConfig.fileName }.count)
    }

    /// The index and `check` read notes through the one reader (`VaultReader`): a note
    /// too large, a binary one, one still encrypted and one with bad fields get the same
    /// problems from both, worded the same, in the same order.
    @Test func theIndexAndCheckReportTheSameProblems() throws {
        let vault = try TemporaryVault.copyOfExample()
        defer { vault.remove() }
        try vault.writeRepeated("journal/huge.md", header: "---\ntype: mood\n---\n", "so tired today. ", count: 700_000)
        try vault.writeBytes("journal/binary.md", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01])
        try vault.write("journal/sealed.md", EncryptedNote.armorHeader + "\nYWdlLWVuY3J5cHRpb24\n-----END AGE ENCRYPTED FILE-----\n")
        try vault.write("journal/odd.md", "---\ntype: mood\nmood: 14\nhomework: breathing-487\ndate: 2026-13-01\n---\n")
        let check = VaultCheck(Vault(root: vault.root))
        let index = try Index.open(Vault(root: vault.root))
        try index.refresh()
        let indexed = Diagnostic.inReportOrder(try index.otherDiagnostics() + index.entries().flatMap(\.diagnostics))
        #expect(indexed == check.diagnostics)
        for path in ["journal/huge.md", "journal/binary.md", "journal/sealed.md", "journal/odd.md"] {
            #expect(check.diagnostics.contains { $0.path == path }, "\(path)")
        }
        #expect(check.diagnostics.contains { $0.message.hasPrefix("this file is 10 MB; Between reads notes up to 10 MB") })
        #expect(check.diagnostics.contains { $0.message == EncryptedNote.message })
    }

    @Test func pipesAndFoldersNamedLikeNotesDoNotHang() throws {
        let vault = try TemporaryVault(["x.md/inner.md": "# inside a folder named x.md"])
        defer { vault.remove() }
        #expect(mkfifo(vault.root + "/fifo.md", 0o644) == 0)
        let snapshot = vault.load()
        #expect(snapshot.entries.map(\.path) == ["x.md/inner.md"])
        #expect(snapshot.otherDiagnostics.map(\.path) == ["fifo.md"])
    }

    @Test func homeworkIdsMustBeKnownAndUnique() throws {
        let vault = try TemporaryVault([
            "homework/breathing-478.md": "---\ntype: homework\nfrequency: daily\n---\n",
            "homework/old/breathing.md": "---\ntype: homework\nid: breathing-478\n---\n",
            "journal/a.md": "---\ntype: mood\ndate: 2026-11-20\nhomework: breathing-487\n---\n",
            "journal/b.md": "---\ntype: mood\ndate: 2026-11-21\nhomework: breathing-478\n---\n",
        ])
        defer { vault.remove() }
        let diagnostics = vault.load().diagnostics
        #expect(diagnostics.count == 2)
        #expect(diagnostics[0].path == "homework/old/breathing.md")
        #expect(diagnostics[0].message.contains("two assignments have the id 'breathing-478'"))
        #expect(diagnostics[1].path == "journal/a.md")
        #expect(diagnostics[1].message == "no assignment has the id 'breathing-487'; did you mean 'breathing-478'?")
        #expect(diagnostics[1].position == SourcePosition(line: 4, column: 11))
    }

    @Test func settingsAreReadAndBadOnesExplained() throws {
        let (config, problems) = VaultConfig.parse("""
        timezone: Europe/London
        thresholds:
          distress: 60
          fitness: 2
        private-by-default: true
        crisis-line: "Samaritans: 116 123"
        exclude: archive
        colour: blue
        """)
        #expect(config.timezone == "Europe/London")
        #expect(config.thresholds.distress == 60)
        #expect(config.privateByDefault)
        #expect(config.crisisLine == "Samaritans: 116 123")
        #expect(config.exclude == ["archive"])
        #expect(problems.map(\.message) == [
            "unknown threshold 'fitness'; known ones are distress, fit, helpful, functioning, distress-rise, mood-fall and functioning-fall",
            "unknown setting 'colour'; it is ignored",
        ])
        #expect(problems[0].position?.line == 4)
        let (_, badZone) = VaultConfig.parse("timezone: Mars/Olympus\n")
        #expect(badZone.first?.message.contains("not a time zone") == true)
        #expect(badZone.first?.position?.line == 1)
    }

    /// What editors and YAML habits put in a settings file: a byte-order mark (Windows
    /// Notepad), CRLF, an explicit `---` start and `...` end. Each once made the
    /// settings silently ignored or gave an error about "front matter".
    @Test func settingsFilesWithYAMLMarkersOrABOMAreRead() throws {
        for text in ["\u{FEFF}timezone: Europe/Berlin\nweek-start: sunday\n",
                     "timezone: Europe/Berlin\r\nweek-start: sunday\r\n",
                     "---\ntimezone: Europe/Berlin\nweek-start: sunday\n",
                     "---\ntimezone: Europe/Berlin\nweek-start: sunday\n...\n"] {
            let (config, problems) = VaultConfig.parse(text)
            #expect(problems.isEmpty, "\(text.debugDescription): \(problems.map(\.summary))")
            #expect(config.timezone == "Europe/Berlin" && config.weekStart == "sunday", "\(text.debugDescription)")
        }
        let (_, badZone) = VaultConfig.parse("\u{FEFF}---\ntimezone: Mars/Olympus\n")
        #expect(badZone.map(\.position) == [SourcePosition(line: 2, column: 11)])
        let (_, twoDocuments) = VaultConfig.parse("timezone: Europe/Berlin\n---\nweek-start: sunday\n")
        #expect(twoDocuments.map(\.message).first?.hasPrefix("between.yml is not valid YAML: a line starting with '---'") == true,
                "\(twoDocuments.map(\.message))")
        #expect(twoDocuments.first?.position?.line == 2)
        let (_, repeated) = VaultConfig.parse("week-start: monday\nweek-start: sunday\n")
        #expect(repeated.first?.message.contains("written twice in between.yml") == true, "\(repeated.map(\.message))")
        // Every message from the YAML reader calls the file by its name, never "front matter".
        for text in ["- timezone\n- week-start\n", "a: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[x]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n",
                     "a: &a [x]\n? *a\n: b\n", "timezone: \"unclosed\n", "bad: \u{7}\n"] {
            let (_, problems) = VaultConfig.parse(text)
            #expect(!problems.isEmpty && problems.allSatisfy { !$0.message.contains("front matter") && !$0.message.contains("front-matter") },
                    "\(text.debugDescription): \(problems.map(\.message))")
            #expect(problems.contains { $0.message.hasPrefix("between.yml ") || $0.message.contains("'?' on line 2") }, "\(problems.map(\.message))")
        }
    }

    @Test func theExampleVaultHasNoErrors() throws {
        let example = try TemporaryVault.copyOfExample()
        defer { example.remove() }
        let snapshot = example.load()
        let errors = snapshot.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map(\.summary))")
        #expect(snapshot.entries.count > 70)
        #expect(Set(snapshot.entries.map(\.type)) == Set(EntryType.allCases))
    }
}
