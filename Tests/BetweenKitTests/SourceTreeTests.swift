import Foundation
import Testing

/// The repository stands on its own, and the tests leave it as they found it.
@Suite struct SourceTreeTests {
    /// Every way a test starts `between` refuses the repository's own folders, before
    /// anything runs: `examples/vault` in place would get an index cache, and goldens
    /// recorded later could come from it instead of from the notes.
    @Test func theTestHelpersRefuseToRunBetweenOnTheRepository() throws {
        let example = SourceTree.exampleVault
        let outside = try TemporaryVault(marked: false)
        defer { outside.remove() }
        // A link from outside the repository into it, and a path that climbs back in.
        try FileManager.default.createSymbolicLink(atPath: outside.root + "/link", withDestinationPath: SourceTree.root)
        defer { try? FileManager.default.removeItem(atPath: outside.root + "/link") } // before remove() walks the folder
        let pointing: [(arguments: [String], directory: String, environment: [String: String])] = [
            (["list", "--vault", example], outside.root, [:]),
            (["list", "--vault=" + example], outside.root, [:]),
            (["list", "--vault", "examples/vault"], SourceTree.root, [:]),
            (["list", "--vault", outside.root + "/link/examples/vault"], outside.root, [:]),
            (["list", "--vault", outside.root + "/../../" + example], outside.root, [:]),
            (["list"], outside.root, ["BETWEEN_VAULT": example]),
            (["list"], example + "/journal", [:]),
            (["init"], SourceTree.root + "/docs", [:]),
            (["init", "new-vault"], SourceTree.root, [:]),
        ]
        for (arguments, directory, environment) in pointing {
            #expect(SourceTree.problem(arguments, in: directory, environment: environment) != nil, "\(arguments) in \(directory)")
        }
        // Each would stop at its unknown option even if it ran, so a broken guard fails this test and writes nothing.
        let stop = "--no-such-option"
        #expect(throws: SourceTree.Refusal.self) { try CLI.run(["list", "--vault", example, stop]) }
        #expect(throws: SourceTree.Refusal.self) { try CLI.run(["digest", "-o", "prep.md", stop], in: SourceTree.root) }
        #expect(throws: SourceTree.Refusal.self) { try CLI.run(["list", stop], environment: ["BETWEEN_VAULT": example]) }
        #expect(throws: SourceTree.Refusal.self) { try CLI.peakMemory(["index", "--vault", example, stop]) }
        #expect(throws: SourceTree.Refusal.self) { try HardeningCLI.run(["check", "--vault", example, stop]) }
        #expect(throws: SourceTree.Refusal.self) { try InterruptedWriteTests.spawn(["digest", "--vault", example, stop], environment: [:]) }
        #expect(throws: SourceTree.Refusal.self) { try PseudoTerminal(CLI.executable, ["new", "mood", stop], in: example, environment: [:]) }
        #expect(!FileManager.default.fileExists(atPath: example + "/.between"), "nothing ran, so nothing was made")

        // A copy of the example vault, and folders outside the repository, are fine.
        let copy = try TemporaryVault.copyOfExample()
        defer { copy.remove() }
        #expect(SourceTree.problem(["list", "--vault", copy.root], in: outside.root) == nil)
        #expect(SourceTree.problem(["list"], in: copy.root + "/journal", environment: ["BETWEEN_VAULT": copy.root]) == nil)
        #expect(try CLI.run(["check", "--vault", copy.root]).status == 0)
    }

    /// A test that names no folder runs `between` in an empty folder outside the
    /// repository, not in the test runner's own (the repository's top folder), so a
    /// relative `-o` or an `init` can't land in the source tree.
    @Test func aCommandGivenNoFolderRunsOutsideTheRepository() throws {
        let shell = try CLI.runProgram("/bin/pwd", [])
        let lines = String(decoding: shell.stdout, as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(lines.first.map(SourceTree.resolved) == SourceTree.outside)
        #expect(!SourceTree.outside.hasPrefix(SourceTree.root + "/"))
        let inside = try HardeningCLI.run(["--version"])
        #expect(inside.status == 0, "\(inside)")
    }

    /// The copy holds the example's notes, and never an index: its first command reads
    /// every note as written.
    @Test func theExampleCopyHasEveryNoteAndNoIndex() throws {
        let copy = try TemporaryVault.copyOfExample()
        defer { copy.remove() }
        let original = Self.files(under: SourceTree.exampleVault)
        #expect(original.count > 70)
        #expect(Self.files(under: copy.root) == original)
        #expect(!FileManager.default.fileExists(atPath: copy.root + "/.between"))
    }

    /// The project's rules live in its own docs (docs/conventions.md): no file in the
    /// repository, this one included, cites a design or style document kept elsewhere.
    @Test func noFileCitesDocumentsOutsideTheRepository() throws {
        // Spelt in pieces, so this file doesn't cite them itself.
        let outsideDocuments = ["DESIGN" + ".md", "STYLE" + ".md", ".." + "/shared", "/work" + "/shared"]
        let files = Self.trackedFiles()
        #expect(files.contains("docs/conventions.md") && files.contains("Tests/BetweenKitTests/SourceTreeTests.swift"),
                "the walk finds the repository's files: \(files.count)")
        var citing: [String] = []
        for path in files {
            guard let data = FileManager.default.contents(atPath: SourceTree.root + "/" + path),
                  !data.prefix(8000).contains(0) else { continue } // binary, as git tells
            let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            for (number, line) in lines.enumerated() where outsideDocuments.contains(where: line.contains) {
                citing.append("\(path):\(number + 1): \(line.trimmingCharacters(in: .whitespaces))")
            }
        }
        #expect(citing.isEmpty, "cite docs/ instead (docs/conventions.md holds the rules):\n\(citing.joined(separator: "\n"))")
    }

    /// The repository's files as git tracks them (relative paths); without git or a
    /// checkout, every file outside dot-folders (`.git`, `.build`, `.between`).
    static func trackedFiles() -> [String] {
        let git = try? CLI.runProgram("/usr/bin/env", ["git", "-C", SourceTree.root, "ls-files", "-z"])
        if let git, git.status == 0 {
            return git.stdout.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        }
        return files(under: SourceTree.root)
    }

    /// The relative paths of the files under `folder`, sorted, leaving out dot-files and dot-folders.
    static func files(under folder: String) -> [String] {
        var paths: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if (path as NSString).lastPathComponent.hasPrefix(".") {
                enumerator?.skipDescendants()
            } else if FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                paths.append(path)
            }
        }
        return paths.sorted()
    }
}
