import Foundation
import Testing
@testable import BetweenIndex
@testable import BetweenKit

/// The hand-written mistakes of `FieldMistakeTests` as a person meets them: through
/// `between check`, and through the pre-commit hook in a real git repository.
@Suite struct FieldMistakeCLITests {
    static let assignment = """
        ---
        type: homework
        title: Bus exposure
        frequency: 3/week
        expects: exposure
        ---
        Ride two stops, and stay on until the worry drops by half.

        """

    /// One of each mistake: a misspelt key, a value after a comment, a number in quotes,
    /// and a list written with commas (read as meant, so no warning).
    static let note = """
        ---
        type: mood
        date: 2026-11-20 21:00
        homwork: bus-exposure
        mood:            # 0–10, overall mood 5
        distress: "60"
        flags: triggered, overwhelmed
        private: false
        ---
        Bus again. Got off two stops early and walked the rest.

        """

    /// What `check` prints for `note`, exactly: location, message, the line and a caret.
    static let expected = """
        journal/bus.md:4:1: warning: 'homwork' is not a field Between knows, so its value is kept but not used; did you mean 'homework'? Write the key as `homework`
            homwork: bus-exposure
            ^
        journal/bus.md:5:39: warning: the 5 after # is a comment, so mood is empty; write `mood: 5`
            mood:            # 0–10, overall mood 5
                                                  ^
        journal/bus.md:6:11: warning: distress is written as text ("60"); remove the quotes so it is a number (Between reads it as 60 all the same)
            distress: "60"
                      ^

        """

    @Test func checkPointsAtEachMistakeWithACaretAndAFix() throws {
        let vault = try TemporaryVault(["between.yml": "", "homework/bus-exposure.md": Self.assignment, "journal/bus.md": Self.note])
        defer { vault.remove() }
        try vault.backdate()
        let check = try CLI.run(["check", "--vault", vault.root])
        #expect(check.status == 0, "warnings don't fail the check")
        #expect(check.stdout == Self.expected)
        #expect(check.stderr == "0 errors and 3 warnings in 1 file (2 checked).\n")
        // The list written with commas is two flags to the query language.
        let query = try CLI.run(["query", "flags has overwhelmed and flags has triggered", "--format", "paths", "--vault", vault.root])
        #expect(query.stdout == "journal/bus.md\n")
        // `show` points at the same spots, and `index` at those of the notes it reads.
        let show = try CLI.run(["show", "journal/bus.md", "--vault", vault.root])
        #expect(show.stdout.contains("  journal/bus.md:5:39: warning: the 5 after # is a comment, so mood is empty; write `mood: 5`\n"
                                     + "      mood:            # 0–10, overall mood 5\n"
                                     + "                                            ^\n"))
        try vault.write("journal/bus.md", Self.note.replacingOccurrences(of: "walked the rest", with: "walked home"))
        let index = try CLI.run(["index", "--vault", vault.root])
        #expect(index.stderr.hasPrefix(Self.expected), "\(index.stderr)")
        #expect(index.stderr.hasSuffix("Index up to date: 1 parsed, 1 unchanged.\n"))
    }

    @Test func indexShowsTheFirstTwentyProblemsAndCountsTheRest() throws {
        var files = ["between.yml": ""]
        for day in 1...25 { files["journal/day\(day).md"] = "---\ntype: mood\ndate: 2026-11-\(String(format: "%02d", day))\nMood: 4\n---\n" }
        let vault = try TemporaryVault(files)
        defer { vault.remove() }
        let index = try CLI.run(["index", "--vault", vault.root])
        #expect(index.status == 0)
        #expect(index.stderr.components(separatedBy: "warning: 'Mood' is not a field").count - 1 == 20)
        #expect(index.stderr.hasSuffix("… and 5 more problems; `between check` shows them all.\nIndex up to date: 25 parsed, 0 unchanged.\n"))
        #expect(try CLI.run(["index", "--quiet", "--vault", vault.root]).stderr.isEmpty)
    }

    @Test func theHookShowsEachMistakeAndStopsOnlyForErrors() throws {
        let vault = try GitTests.repository(["homework/bus-exposure.md": Self.assignment, "journal/bus.md": Self.note])
        defer { vault.remove() }
        try GitTests.git(["add", "-A"], in: vault.root)
        let commit = try GitTests.git(["commit", "-m", "Bus, Friday"], in: vault.root)
        #expect(commit.status == 0, "warnings don't stop a commit: \(commit.output)")
        #expect(commit.output.contains(Self.expected), "\(commit.output)")

        // A number in quotes that is out of range is an error: the commit stops.
        try vault.write("journal/sat.md", Self.note.replacingOccurrences(of: "\"60\"", with: "\"600\""))
        try GitTests.git(["add", "journal/sat.md"], in: vault.root)
        let stopped = try GitTests.git(["commit", "-m", "Bus, Saturday"], in: vault.root)
        #expect(stopped.status != 0)
        #expect(stopped.output.contains("""
            journal/sat.md:6:11: error: distress should be a number from 0 to 100, but it is 600 (written as text, "600": remove the quotes too)
                distress: "600"
                          ^

            """), "\(stopped.output)")
        #expect(stopped.output.contains("journal/sat.md:5:39: warning: the 5 after # is a comment, so mood is empty"))
    }
}
