import Foundation
import Testing
@testable import BetweenCore
@testable import BetweenKit

/// A `between.yml` Between can't read, or whose `private-by-default` isn't plainly true or
/// false, never lets entries out: `digest` and `export` refuse, or count entries private.
@Suite struct SettingsFailClosedTests {
    static let today = ["BETWEEN_TODAY": "2026-11-25"]
    /// A note with no `private:` line, written by someone who set `private-by-default: true`.
    static let note = """
        ---
        type: reflection
        date: 2026-11-20 21:10
        mood: 3
        ---
        # After the hospital stay

        Still shaking about it.

        ## For next session
        - Should I tell Sam about the hospital stay?
        """
    static let secret = "hospital stay"

    private func vault(settings: [UInt8]) throws -> TemporaryVault {
        let vault = try TemporaryVault(["journal/2026-11-20-2110-reflection.md": Self.note])
        try vault.writeBytes("between.yml", settings)
        return vault
    }

    private func sharingOutputs(_ vault: TemporaryVault, extra: [String] = []) throws -> [(String, CLI.Result)] {
        var results: [(String, CLI.Result)] = []
        for format in ["md", "html", "json"] {
            results.append(("digest \(format)", try CLI.run(["digest", "--since", "2026-11-01", "--format", format, "--vault", vault.root] + extra,
                                                            environment: Self.today)))
        }
        for format in ["json", "jsonl", "csv"] {
            results.append(("export \(format)", try CLI.run(["export", "--format", format, "--vault", vault.root] + extra,
                                                            environment: Self.today)))
        }
        return results
    }

    static let brokenSettings: [(String, [UInt8])] = [
        ("a YAML error", Array("private-by-default: true\nthresholds: {distress: 60\n".utf8)),
        ("a duplicate key", Array("private-by-default: true\nweek-start: sunday\nprivate-by-default: true\n".utf8)),
        ("UTF-16", [0xFF, 0xFE] + Array("private-by-default: true\n".utf8).flatMap { [$0, 0] }),
        ("not UTF-8", Array("crisis-line: \"Samaritans 116 123\"\n".utf8) + [0xE9, 0x0A] + Array("private-by-default: true\n".utf8)),
        ("too big", Array("private-by-default: true\n".utf8) + Array(repeating: UInt8(ascii: "#"), count: 1_100_000) + [0x0A]),
    ]

    @Test(arguments: brokenSettings.map(\.0))
    func unreadableSettingsStopDigestAndExport(problem: String) throws {
        let bytes = try #require(Self.brokenSettings.first { $0.0 == problem }).1
        let vault = try vault(settings: bytes)
        defer { vault.remove() }
        for (command, result) in try sharingOutputs(vault) {
            #expect(result.status == 2, "\(problem), \(command): \(result.stderr)")
            #expect(result.stdout.isEmpty, "\(problem), \(command) printed something")
            #expect(result.stderr.contains(#/between\.yml:\d+:\d+: error: /#), "\(problem), \(command): \(result.stderr)")
            #expect(result.stderr.contains("Fix between.yml"), "\(problem), \(command): \(result.stderr)")
        }
        // Nothing is written with -o either.
        let outside = try TemporaryVault(marked: false)
        defer { outside.remove() }
        let written = try CLI.run(["digest", "-o", outside.root + "/prep.md", "--vault", vault.root], environment: Self.today)
        #expect(written.status == 2)
        #expect(outside.files().isEmpty)
        // `check` reports it as an error; the look-up commands go on, with a warning, and
        // count the note private: the file can't be read and may have asked for that.
        #expect(try CLI.run(["check", "--vault", vault.root]).status == 1)
        let list = try CLI.run(["list", "--format", "csv", "--vault", vault.root])
        #expect(list.status == 0)
        #expect(list.stdout.contains(",true,"), "\(problem): \(list.stdout)")
        #expect(list.stderr.contains("between: warning: between.yml has an error"))
    }

    @Test func settingsThatAreAFolderStopDigestAndExport() throws {
        let vault = try TemporaryVault(["journal/a.md": Self.note], marked: false)
        defer { vault.remove() }
        try FileManager.default.createDirectory(atPath: vault.root + "/between.yml", withIntermediateDirectories: false)
        for (command, result) in try sharingOutputs(vault) {
            #expect(result.status == 2, "\(command)")
            #expect(result.stderr.contains("between.yml:1:1: error: between.yml is not a file"), "\(command): \(result.stderr)")
        }
    }

    @Test func settingsThatAreABrokenLinkStopDigestAndExport() throws {
        let vault = try TemporaryVault(["journal/a.md": Self.note], marked: false)
        defer { vault.remove() }
        try FileManager.default.createSymbolicLink(atPath: vault.root + "/between.yml", withDestinationPath: "/nonexistent/between.yml")
        for (command, result) in try sharingOutputs(vault) {
            #expect(result.status == 2, "\(command)")
            #expect(result.stderr.contains("between.yml:1:1: error: can't read between.yml"), "\(command): \(result.stderr)")
        }
    }

    @Test(.enabled(if: geteuid() != 0, "root can read a file whatever its permissions"))
    func settingsWithoutReadPermissionStopDigestAndExport() throws {
        let vault = try vault(settings: Array("private-by-default: true\n".utf8))
        defer { vault.remove() }
        chmod(vault.root + "/between.yml", 0)
        for (command, result) in try sharingOutputs(vault) {
            #expect(result.status == 2, "\(command)")
            #expect(result.stderr.contains("between.yml:1:1: error: can't read between.yml"), "\(command): \(result.stderr)")
        }
    }

    /// A broken file that doesn't mention privacy leaves the look-up commands' notes as
    /// they are (the sharing commands still refuse).
    @Test func brokenSettingsThatDontMentionPrivacyKeepNotesAsWritten() throws {
        let vault = try vault(settings: Array("thresholds: {distress: 60\n# private-by-default: false\n".utf8))
        defer { vault.remove() }
        let list = try CLI.run(["list", "--format", "csv", "--vault", vault.root])
        #expect(list.stdout.contains(",false,"), "a commented-out setting isn't a request for privacy: \(list.stdout)")
        #expect(try CLI.run(["export", "--vault", vault.root]).status == 2)
    }

    static let notQuiteBooleans = [
        "private-by-default: yes", "private-by-default: \"true\"", "private-by-default: on", "private-by-default: 1",
        "private-by-default:", "private-by-default: null", "private-by-default: ~", "private-by-default: \"false\"",
        "private-by-default: [true]", "Private-By-Default: true", "private_by_default: true", "PRIVATE-BY-DEFAULT: false",
        "pr\u{0456}vate-by-default: true", "\u{0440}r\u{0456}v\u{0430}te-by-default: true", "private\u{200B}-by-default: true", "privacy: on",
    ]

    @Test(arguments: notQuiteBooleans)
    func privateByDefaultThatIsNotPlainlyABooleanCountsAsTrue(line: String) throws {
        let vault = try vault(settings: Array((line + "\n").utf8))
        defer { vault.remove() }
        for (command, result) in try sharingOutputs(vault) {
            #expect(result.status == 0, "\(line), \(command): \(result.stderr)")
            #expect(!result.stdout.contains(Self.secret), "\(line): \(command) shares an entry meant to be private")
            #expect(result.stderr.contains(#/between\.yml:1:\d+: warning: .*count as private/#), "\(line), \(command): \(result.stderr)")
        }
        let shown = try CLI.run(["export", "--include-private", "--vault", vault.root])
        #expect(shown.stdout.contains(Self.secret))
    }

    @Test func privateByDefaultFalseStillSharesEntries() throws {
        let vault = try vault(settings: Array("private-by-default: false\n".utf8))
        defer { vault.remove() }
        for (command, result) in try sharingOutputs(vault) {
            #expect(result.status == 0, "\(command)")
            #expect(result.stderr.isEmpty, "\(command): \(result.stderr)")
            // So the tests above, which look for the words, would see them if they leaked.
            #expect(result.stdout.contains(Self.secret), "\(command)")
        }
    }

    /// The index keeps records parsed under the old settings; turning privacy on must
    /// parse them again, though no note changed.
    @Test func turningPrivateByDefaultOnReparsesTheIndex() throws {
        let vault = try vault(settings: Array("private-by-default: false\n".utf8))
        defer { vault.remove() }
        try vault.backdate()
        #expect(try CLI.run(["export", "--vault", vault.root]).stdout.contains(Self.secret))
        try vault.write("between.yml", "private-by-default: true\n")
        let export = try CLI.run(["export", "--vault", vault.root])
        #expect(export.status == 0)
        #expect(!export.stdout.contains(Self.secret), "the index still held the entry as public")
        let digest = try CLI.run(["digest", "--since", "2026-11-01", "--vault", vault.root], environment: Self.today)
        #expect(!digest.stdout.contains(Self.secret))
        #expect(digest.stdout.contains("1 private entry was left out"))
        try vault.write("between.yml", "private-by-default: false\n")
        #expect(try CLI.run(["export", "--vault", vault.root]).stdout.contains(Self.secret))
    }

    @Test func settingsParseFailsClosedOnlyWhenInDoubt() {
        #expect(VaultConfig.parse("private-by-default: true\n").0.privateByDefault)
        #expect(!VaultConfig.parse("private-by-default: false\n").0.privateByDefault)
        #expect(!VaultConfig.parse("week-start: sunday\ncolour: blue\n").0.privateByDefault)
        #expect(!VaultConfig.parse("week-start: [\n").0.privateByDefault)
        #expect(VaultConfig.parse("week-start: [\nprivate-by-default: false\n").0.privateByDefault)
        let (config, problems) = VaultConfig.parse("private-by-default: \(String(repeating: "y", count: 5000))\n")
        #expect(config.privateByDefault)
        #expect(problems.count == 1 && problems[0].message.count < 400, "a long value is cut in the message")
    }
}
