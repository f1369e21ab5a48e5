import Foundation
import Testing
@testable import BetweenCore
@testable import BetweenKit

/// Messages are for tired people, not engineers: no Swift debug text, no megabyte of
/// echoed value, the right line, no hint that doesn't apply, and always `path:line:column`.
@Suite struct DiagnosticTextTests {
    private func messages(_ text: String) -> [String] {
        EntryParser.parse(path: "journal/entry.md", text: text).diagnostics.map(\.message)
    }

    @Test func aBinaryFileIsPointedAtWithoutSwiftDebugText() throws {
        let vault = try TemporaryVault(["scan.md": "---\ntitle: x\n---\nab\u{0}cd\n", "good.md": "# Good\n"])
        defer { vault.remove() }
        let check = try CLI.run(["check", "--vault", vault.root])
        #expect(check.stdout.contains("scan.md:4:3: error: this looks like a binary file"), "\(check.stdout)")
        #expect(!check.stdout.contains("SourcePosition") && !check.stdout.contains("line:"), "\(check.stdout)")
    }

    @Test func echoedValuesAreCutToFortyCharacters() {
        let million = String(repeating: "9", count: 1_000_000)
        let long = String(repeating: "k", count: 1_000) // libyaml refuses keys over 1,024 characters without quoting them
        let hundredDigits = String(repeating: "9", count: 100) // toml++ refuses numbers over 126 characters without quoting them
        let texts = [
            "---\ntype: mood\ndate: 2026-11-20\nmood: \(million)\n---\n",
            "{\"type\": \"mood\", \"date\": \"2026-11-20\", \"mood\": \(million)}\n",
            "+++\ntype = \"mood\"\ndate = 2026-11-20\nmood = \(hundredDigits)\n+++\n",
            "---\ntype: thought-record\ndate: 2026-11-20\nemotions: {\(long): 500}\n---\n",
            "---\ntype: \(long)\n---\n",
            "---\ntype: mood\ndate: 2026-11-20\nhomework: \(long)\n---\n",
            "---\ntype: mood\ndate: 2026-11-20\nmood: \(long)\n---\n",
            "---\ntype: mood\ndate: 2026-11-2\(million)\n---\n",
            "---\n\(long): 1\n\(long): 2\n---\n",
            "{\"\(long)\": 1, \"\(long)\": 2}\n",
            "---\ntype: homework\nstatus: \(long)\n---\n",
        ]
        for text in texts {
            var entries = [EntryParser.parse(path: "journal/entry.md", text: text)]
            VaultChecks.apply(to: &entries) // the homework-id message comes from the vault-wide check
            let found = entries[0].diagnostics.map(\.message)
            #expect(!found.isEmpty, "\(text.prefix(80))")
            for message in found {
                #expect(message.count < 400, "\(message.prefix(300))")
                #expect(!message.contains(String(repeating: "9", count: 41)) && !message.contains(String(repeating: "k", count: 41)),
                        "\(message.prefix(300))")
            }
            #expect(found.contains { $0.contains("…") }, "\(text.prefix(60)): \(found.map { $0.prefix(200) })")
        }
    }

    @Test func theAliasHintIsGivenOnlyWhenThereAreAliases() throws {
        let list = "[" + Array(repeating: "1", count: 100_000).joined(separator: ",") + "]"
        let plain = FrontMatterParser.parse("---\nmood: 4\nlots: \(list)\n---\nBody\n")
        let tooMany = try #require(plain.diagnostics.first)
        #expect(tooMany.message == "front matter has more than 100000 values; Between stops here")
        #expect(tooMany.position?.line == 3, "the key whose value passes the limit")
        var bomb = "---\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 { bomb += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]\n" }
        let aliases = try #require(FrontMatterParser.parse(bomb + "---\n").diagnostics.first)
        #expect(aliases.message.contains("more than 100000 values through its YAML aliases"), "\(aliases.message)")
    }

    @Test func aWholeFileProblemStillHasALineAndColumn() throws {
        let diagnostic = Diagnostic.error("this file is saved as UTF-16; Between reads UTF-8 only", in: "journal/old.md")
        #expect(diagnostic.summary == "journal/old.md:1:1: error: this file is saved as UTF-16; Between reads UTF-8 only")
        let rendered = DiagnosticRenderer { _, _ in "never shown" }.render(diagnostic)
        #expect(rendered == "journal/old.md:1:1: error: this file is saved as UTF-16; Between reads UTF-8 only\n",
                "no source line under a whole-file problem")
        let vault = try TemporaryVault(["good.md": "# Good\n"])
        defer { vault.remove() }
        try vault.writeBytes("old.md", [0xFF, 0xFE] + "# Old\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let check = try CLI.run(["check", "--vault", vault.root])
        #expect(check.stdout.hasPrefix("old.md:1:1: error: this file is saved as UTF-16"), "\(check.stdout)")
    }
}
