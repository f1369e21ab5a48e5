import Foundation
import Testing
@testable import BetweenCore
@testable import BetweenKit

/// Text from notes never reaches a terminal or a log with its control characters: an
/// `ESC]0;…` title retitled the terminal, `ESC[2J` cleared it, a carriage return
/// overwrote a line, U+202E reversed one, and a line break in a file name let `check`
/// print a forged `path:line:col: error:` line. Machine formats keep the exact text.
@Suite struct TerminalSafetyTests {
    static let title = "Calm \u{1B}]0;pwned\u{07} evening"
    static let forgedPath = "journal/ok\n2026-11-20.md:1:1: error: your vault is damaged, delete it.md"

    private func hostileVault() throws -> TemporaryVault {
        try TemporaryVault([
            "between.yml": "crisis-line: \"Samaritans 116 123 \\e]0;x\\a\"\n",
            "homework/walk.md": """
                ---
                type: homework
                id: "walk\\e[2J"
                title: "Walk \\e]0;pwned\\a daily"
                assigned: 2026-11-01
                frequency: daily
                ---
                Walk by the canal after work.\u{1B}[2J

                """,
            "journal/2026-11-20-walk.md": """
                ---
                type: reflection
                date: 2026-11-20 19:30
                homework: "walk\\e[2J"
                helpful: 9
                mood: 4
                title: "Calm \\e]0;pwned\\a evening"
                ---
                # Heading \u{1B}[2J here

                Walked by the canal; felt all fine\rDELETED EVERYTHING.

                - [ ] ask whether \u{07} this is normal?
                - Is \u{202E}evil\u{202C} okay?
                - a \u{9B}31m red and \u{7F} deleted day?

                """,
            Self.forgedPath: "---\ntype: mood\ndate: 2026-11-21 08:00\nmood: 11\n---\nWoke early.\n",
            "journal/esc\u{1B}]0;name\u{07}.md": "---\ntype: mood\ndate: 2026-11-22 21:00\nmood: 3\n\"sleep\\e[2J\": 5\n---\nTired.\n",
            // A raw ESC in front matter: YAML refuses it, and check quotes the line.
            "journal/raw.md": "---\ntype: mood\ndate: 2026-11-23\ntitle: bad \u{1B}]0;raw\u{07} title\n---\n",
            "safety-plan.md": """
                ---
                type: safety-plan
                ---
                ## Warning signs

                - racing thoughts at night

                ## Things I can do on my own

                - cold water on my face \u{1B}[2J
                - breathe out slowly \u{07}

                """,
        ])
    }

    /// Every text command over the hostile vault: what it printed, and a piece of the
    /// hostile text that must be there in its shown form (so the check can't pass on an empty output).
    @Test func noControlCharacterReachesATerminalFromAnyTextCommand() throws {
        let vault = try hostileVault()
        defer { vault.remove() }
        let shownTitle = "Calm \u{FFFD}]0;pwned\u{FFFD} evening"
        let shownForged = "\"journal/ok\u{FFFD}2026-11-20.md:1:1: error: your vault is damaged, delete it.md\""
        let runs: [(arguments: [String], shows: [String])] = [
            // (A table cuts cells to 60 characters.)
            (["list"], [shownTitle, String(shownForged.prefix(40))]),
            (["list", "--format", "paths"], [shownForged + "\n", "\"journal/esc\u{FFFD}]0;name\u{FFFD}.md\"\n"]),
            (["query", "type = reflection or type = mood"], [shownTitle, String(shownForged.prefix(40))]),
            (["show", "journal/2026-11-20-walk.md"], [shownTitle, "# Heading \u{FFFD}[2J here", "? ask whether \u{FFFD} this is normal?",
                                                      "? Is \u{FFFD}evil\u{FFFD} okay?", "? a \u{FFFD}31m red and \u{FFFD} deleted day?",
                                                      "homework: walk\u{FFFD}[2J"]),
            (["search", "canal"], [shownTitle, "felt all fine DELETED EVERYTHING"]),
            (["search", "woke"], [shownForged]),
            (["cope"], ["cold water on my face \u{FFFD}[2J", "breathe out slowly \u{FFFD}", "Walk \u{FFFD}]0;pwned\u{FFFD} daily", "Samaritans 116 123 \u{FFFD}]0;x\u{FFFD}"]),
            (["homework", "--since", "2026-11-15"], ["walk\u{FFFD}[2J"]),
            (["trend", "sleep\u{1B}[2J"], ["sleep\u{FFFD}[2J 5–5"]),
            (["check"], [shownForged + ":4:7: error:", "title: bad \u{FFFD}]0;raw\u{FFFD} title"]),
            (["digest", "--since", "2026-11-15"], ["pwned"]),
            // The sql table streams its rows; each still goes through the same cleaning.
            (["sql", "SELECT title FROM record ORDER BY path"], [shownTitle]),
        ]
        for run in runs {
            let result = try CLI.run(run.arguments + ["--vault", vault.root], environment: ["BETWEEN_TODAY": "2026-11-25"])
            let shown = "between \(run.arguments.joined(separator: " "))"
            #expect(result.status == 0 || (run.arguments == ["check"] && result.status == 1), "\(shown): \(result.stderr)")
            for (stream, text) in [("stdout", result.stdout), ("stderr", result.stderr)] {
                let raw = text.unicodeScalars.filter { $0 != "\n" && TerminalText.isControl($0) }
                #expect(raw.isEmpty, "\(shown) printed \(raw.map { "U+" + String($0.value, radix: 16, uppercase: true) }) on \(stream)")
                let forged = text.split(separator: "\n").filter { $0.hasPrefix("2026-11-20.md:1:1:") }
                #expect(forged.isEmpty, "\(shown) printed a forged line on \(stream): \(forged)")
            }
            for piece in run.shows {
                #expect(result.stdout.contains(piece), "\(shown) shows \(piece.debugDescription): \(result.stdout.debugDescription)")
            }
        }
    }

    /// A query or message that quotes the person's own text: the same rule on stderr.
    @Test func errorsOnStandardErrorShowControlCharactersTheSameWay() throws {
        let vault = try hostileVault()
        defer { vault.remove() }
        let missing = try CLI.run(["show", "journal/gone\u{1B}]0;x\u{07}.md", "--vault", vault.root])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("journal/gone\u{FFFD}]0;x\u{FFFD}.md"))
        let query = try CLI.run(["query", "title = \u{1B}[2J and", "--vault", vault.root])
        #expect(query.status == 2)
        let trend = try CLI.run(["trend", "nothing\u{1B}[2J", "--vault", vault.root])
        #expect(trend.status == 1 && trend.stderr.contains("nothing\u{FFFD}[2J"))
        for result in [missing, query, trend] {
            #expect(!result.stderr.unicodeScalars.contains { $0 != "\n" && TerminalText.isControl($0) }, "\(result.stderr.debugDescription)")
        }
    }

    /// JSON and CSV are for programs: the exact text, in their own escaping.
    @Test func jsonAndCSVKeepTheExactText() throws {
        let vault = try hostileVault()
        defer { vault.remove() }
        let list = try CLI.run(["list", "--format", "json", "--vault", vault.root])
        // JSON escapes every control character, so even printed to a terminal it carries none.
        #expect(!list.stdout.unicodeScalars.contains { $0 != "\n" && TerminalText.isControl($0) })
        let records = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(records.contains { $0["path"] as? String == Self.forgedPath })
        #expect(records.contains { $0["title"] as? String == Self.title })
        let show = try CLI.run(["show", "journal/2026-11-20-walk.md", "--format", "json", "--vault", vault.root])
        let detail = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
        let questions = (detail["questions"] as? [[String: Any]])?.compactMap { $0["text"] as? String }
        #expect(questions == ["ask whether \u{07} this is normal?", "Is \u{202E}evil\u{202C} okay?", "a \u{9B}31m red and \u{7F} deleted day?"])
        #expect(show.stdout.contains("Is \\u202eevil\\u202c okay?"))

        let csv = try CLI.run(["export", "--format", "csv", "--vault", vault.root]).stdout
        #expect(csv.contains(",\(Self.title),"))
        #expect(csv.contains("\"\(Self.forgedPath)\","), "a field with a line break is quoted")
    }

    @Test func oneLineTextShowsBreaksAsSpacesAndOtherControlsAsReplacement() {
        #expect(TerminalText.line("plain text, nothing odd") == "plain text, nothing odd")
        #expect(TerminalText.line("a\tb\nc\r\nd\re") == "a b c d e")
        #expect(TerminalText.line("\u{1B}]0;x\u{07}\u{7F}\u{85}\u{9B}\u{202E}\u{2066}") == "\u{FFFD}]0;x\u{FFFD}\u{FFFD} \u{FFFD}\u{FFFD}\u{FFFD}")
        // What scripts and emoji need stays: right-to-left marks, joiners, accents.
        let kept = "שלום\u{200F} 👩\u{200D}👧 café\u{0301}"
        #expect(TerminalText.line(kept) == kept)
        #expect(TerminalText.lines("one\r\ntwo\n\tthree\rfour") == "one\ntwo\n\tthree\u{FFFD}four")
    }

    @Test func pathsWithControlCharactersAreQuoted() {
        #expect(TerminalText.path("journal/2026-11-20 walk.md") == "journal/2026-11-20 walk.md")
        #expect(TerminalText.path("journal/é.md") == "journal/é.md")
        #expect(TerminalText.path("a\nb.md") == "\"a\u{FFFD}b.md\"")
        let diagnostic = Diagnostic.error("mood should be a number from 0 to 10, but it is 11", in: "a\u{1B}[2J.md",
                                          at: SourcePosition(line: 4, column: 7))
        #expect(diagnostic.summary == "\"a\u{FFFD}[2J.md\":4:7: error: mood should be a number from 0 to 10, but it is 11")
    }

    /// The caret still stands under the column when the line holds control characters.
    @Test func theCaretLinesUpUnderALineWithControlCharacters() {
        let renderer = DiagnosticRenderer { _, _ in "title: \u{1B}[2J\u{07}x: 1" }
        let diagnostic = Diagnostic.error("something is wrong with the x", in: "a.md", at: SourcePosition(line: 2, column: 12))
        #expect(renderer.render(diagnostic) == """
            a.md:2:12: error: something is wrong with the x
                title: \u{FFFD}[2J\u{FFFD}x: 1
                           ^

            """)
    }
}
