import Foundation
import Testing
@testable import BetweenCore
@testable import BetweenKit

/// No note can make a C or C++ library recurse deeper than the nesting limit: toml++
/// frees its tree recursively, one level per part of a dotted key, so an 80,000-part
/// key crashed every command (exit 139). Such input is refused before toml++ sees it.
@Suite struct NestingLimitTests {
    struct Hostile: Sendable, CustomTestStringConvertible {
        var name: String
        var text: String
        var testDescription: String { name }
    }

    static let parts = Array(repeating: "a", count: 80_000).joined(separator: ".")

    static let hostile: [Hostile] = [
        Hostile(name: "a dotted key of 80,000 parts", text: "+++\n\(parts) = 1\n+++\nBody\n"),
        Hostile(name: "a [table] name of 80,000 parts", text: "+++\n[\(parts)]\nx = 1\n+++\nBody\n"),
        Hostile(name: "an [[array]] name of 80,000 parts", text: "+++\n[[\(parts)]]\nx = 1\n+++\nBody\n"),
        Hostile(name: "an inline table with such a key", text: "+++\nx = {\(parts) = 1}\n+++\nBody\n"),
        Hostile(name: "such a key in a list of inline tables", text: "+++\nx = [{\(parts) = 1}]\n+++\nBody\n"),
        Hostile(name: "inline tables and lists nested 40,000 deep",
                text: "+++\nx = " + String(repeating: "{a = [", count: 40_000) + "1" + String(repeating: "]}", count: 40_000) + "\n+++\nBody\n"),
        Hostile(name: "a quoted dotted key", text: "+++\n" + Array(repeating: "\"a\"", count: 60_000).joined(separator: " . ") + " = 1\n+++\nBody\n"),
    ]

    @Test(.timeLimit(.minutes(2)), arguments: hostile)
    func everyCommandSurvivesAndSaysWhere(_ hostile: Hostile) throws {
        let vault = try TemporaryVault([
            "journal/deep.md": hostile.text,
            "journal/2026-11-20-walk.md": "---\ntype: mood\ndate: 2026-11-20 18:00\nmood: 6\n---\n# Walk by the canal\nFelt lighter after.\n",
            "notes/groceries.md": "# Groceries\n- oats\n",
        ])
        defer { vault.remove() }
        let check = try HardeningCLI.run(["check", "--vault", vault.root])
        #expect(check.finishedNormally && check.status == 1, "check: \(check)")
        #expect(check.stdout.contains("journal/deep.md:2:"), "\(check.stdout.prefix(600))")
        #expect(check.stdout.contains("front matter is nested more than 64 levels deep"), "\(check.stdout.prefix(600))")
        let list = try HardeningCLI.run(["list", "--format", "paths", "--vault", vault.root])
        #expect(list.status == 0 && !list.crashed, "list: \(list)")
        #expect(list.stdout.split(separator: "\n") == ["journal/2026-11-20-walk.md", "journal/deep.md", "notes/groceries.md"],
                "\(list.stdout)")
        for arguments in [["export", "--format", "jsonl"], ["digest", "--since", "2026-11-01", "--format", "json"], ["search", "canal"]] {
            let result = try HardeningCLI.run(arguments + ["--vault", vault.root], environment: ["BETWEEN_TODAY": "2026-11-25"])
            #expect(result.status == 0 && !result.crashed && !result.timedOut, "\(arguments): \(result)")
        }
    }

    /// Bodies go through libcmark, whose parser and tree are not recursive; these are the
    /// shapes that would make a recursive Markdown parser deep.
    @Test(.timeLimit(.minutes(2)))
    func deeplyNestedMarkdownBodiesAreReadToo() throws {
        let bodies = [
            String(repeating: "[", count: 100_000) + "x" + String(repeating: "](y)", count: 100_000),
            String(repeating: "*", count: 100_000) + "x" + String(repeating: "*", count: 100_000),
            String(repeating: "_a ", count: 50_000) + "b" + String(repeating: " a_", count: 50_000),
            String(repeating: "![", count: 50_000), String(repeating: "<div>", count: 50_000),
            String(repeating: "1. ", count: 50_000) + "x", String(repeating: "> - ", count: 30_000) + "x",
        ]
        var files = ["good.md": "# Good\nStill here.\n"]
        for (index, body) in bodies.enumerated() { files["deep\(index).md"] = "---\ntype: note\n---\n" + body + "\n" }
        let vault = try TemporaryVault(files)
        defer { vault.remove() }
        let list = try HardeningCLI.run(["list", "--format", "paths", "--vault", vault.root])
        #expect(list.status == 0 && !list.crashed, "\(list)")
        #expect(list.stdout.split(separator: "\n").count == bodies.count + 1, "\(list.stdout)")
    }

    // MARK: - What counts as a level

    private func error(_ text: String) -> Diagnostic? {
        let split = FrontMatterParser.parse(text)
        return split.frontMatter == nil ? split.diagnostics.first : nil
    }

    @Test func eachPartOfADottedNameIsALevel() throws {
        func key(_ count: Int) -> String { (1...count).map { "k\($0 % 10)" }.joined(separator: ".") }
        // The root table is level 1, so 64 parts make tables down to level 64 and a value.
        #expect(FrontMatterParser.parse("+++\n\(key(64)) = 1\n+++\n").frontMatter != nil)
        let tooDeep = try #require(error("+++\n\(key(65)) = 1\n+++\n"))
        #expect(tooDeep.position == SourcePosition(line: 2, column: 3 * 64 + 1), "at the part past the limit")
        #expect(tooDeep.message.contains("each part of a dotted name like a.b.c"))
        // A [table] name and the dotted keys inside it add up.
        let header = "[" + key(32) + "]"
        #expect(FrontMatterParser.parse("+++\n\(header)\n\(key(32)) = 1\n+++\n").frontMatter != nil)
        #expect(error("+++\n\(header)\n\(key(33)) = 1\n+++\n")?.position?.line == 3)
        // Inside an inline table too.
        #expect(error("+++\nx = {\(key(40)) = {\(key(30)) = 1}}\n+++\n")?.position?.line == 2)
    }

    @Test func aTableUnderAnArrayOfTablesIsOneLevelDeeperPerArray() throws {
        // [[a]], [[a.a]], [[a.a.a]]…: each is a list of tables inside the last table of the one before.
        let headers = (1...40).map { "[[" + Array(repeating: "a", count: $0).joined(separator: ".") + "]]" }
        let split = FrontMatterParser.parse("+++\n" + headers.joined(separator: "\n") + "\n+++\n")
        // Header n opens a table at level 1 + n + (n - 1) + 1 = 2n + 1: the first past 64 is n = 32, on line 33.
        #expect(split.frontMatter == nil)
        #expect(split.diagnostics.first?.position?.line == 33, "\(split.diagnostics)")
        #expect(FrontMatterParser.parse("+++\n" + headers.prefix(31).joined(separator: "\n") + "\n+++\n").frontMatter != nil)
    }

    @Test func theValueLimitNamesTheLineWhereItIsPassed() throws {
        let ones = Array(repeating: "1", count: 60_000).joined(separator: ",")
        // toml++ sorts keys: counting its tree would reach the limit in `z`, written first.
        let split = FrontMatterParser.parse("+++\nz = [\(ones)]\na = [\(ones)]\n+++\nBody\n")
        let problem = try #require(split.diagnostics.first)
        #expect(problem.message == "front matter has more than 100000 values; Between stops here")
        #expect(problem.position?.line == 3, "\(problem.summary)")
        // JSON too (it was refused at the opening brace); exactly the limit is still read.
        let json = FrontMatterParser.parse("{\"z\": [\(ones)],\n\"a\": [\(ones)]}\nBody\n")
        #expect(json.diagnostics.first?.message == "front matter has more than 100000 values; Between stops here")
        #expect(json.diagnostics.first?.position?.line == 2, "\(json.diagnostics)")
        let keys = (1...100_000).map { "\"\(String($0, radix: 36))\":1" }.joined(separator: ",\n") // under 1 MiB
        #expect(FrontMatterParser.parse("{" + keys + "}\n").frontMatter?.fields.count == 100_000)
        #expect(FrontMatterParser.parse("{" + keys + ",\n\"0\":1}\n").diagnostics.first?.position?.line == 100_000)
    }
}
