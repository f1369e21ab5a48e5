import Dispatch
import Foundation
import Testing
@testable import BetweenCore
@testable import BetweenKit

/// Notes up to the 10 MB limit, of any shape: what Between keeps of a body with more
/// Markdown than it parses, and memory that stays bounded (it grew 140 times a note's size).
@Suite struct LongNoteTests {
    private static let frontMatter = "---\ntype: reflection\ndate: 2026-11-20 21:10\ntitle: Everything I put off this year\n---\n"

    @Test func aBodyWithMoreMarkdownThanTheLimitIsKeptAsTextWithAWarning() throws {
        // Four marks a line (`-`, `[`, `]`, the line break): 70,000 lines are over the limit.
        let lines = String(repeating: "- [ ] call the dentist back\n", count: 70_000)
        let entry = EntryParser.parse(path: "journal/backlog.md", text: Self.frontMatter + "# Backlog\n\n" + lines)
        #expect(entry.body.tasks.isEmpty && entry.body.sections.count == 1 && entry.body.firstHeading == nil)
        #expect(entry.title == "Everything I put off this year")
        #expect(entry.body.plainText.hasPrefix("# Backlog\n\n- [ ] call the dentist back\n- [ ] call"))
        #expect(entry.body.wordCount == 2 + 70_000 * 7)
        let warning = try #require(entry.diagnostics.first { $0.message.hasPrefix("this note has more Markdown than Between reads") })
        #expect(warning.severity == .warning)
        #expect(warning.position == SourcePosition(line: 6, column: 1))
        #expect(warning.message.contains("(280,003 lines and marks such as `*`, `[`, `-` or `>`; at most 262,144)"))
        #expect(warning.message.hasSuffix("Split it into smaller notes to have those read"))
    }

    @Test func aBodyJustUnderTheLimitIsReadInFull() {
        let lines = String(repeating: "- [ ] call the dentist back\n", count: 65_000)
        let entry = EntryParser.parse(path: "journal/backlog.md", text: Self.frontMatter + lines)
        #expect(entry.body.tasks.count == 65_000)
        #expect(entry.body.tasks.last?.position == SourcePosition(line: 65_005, column: 1))
        #expect(entry.diagnostics.isEmpty)
    }

    @Test func longProseIsReadAsMarkdownWhateverItsLength() {
        // 4 MB in one paragraph has almost no markup: cmark's tree for it is small.
        let prose = String(repeating: "Slept badly again and still went to the group. ", count: 85_000)
        let body = BodyParser.parse("# The long winter\n\n" + prose + "\n\n## For next session\n\n- Is this normal?\n")
        #expect(body.firstHeading == "The long winter")
        #expect(body.questions.map(\.text) == ["Is this normal?"])
        #expect(body.wordCount == 3 + 85_000 * 9 + 6)
        #expect(BodyLimit.warning(for: prose, path: "a.md", lineOffset: 0) == nil)
    }

    @Test func markupIsCountedAsLinesAndMarks() {
        #expect(BodyLimit.markup(in: "short *text*") == 12) // up to the limit in bytes: the length is the bound
        let long = String(repeating: "word ", count: 60_000) + "\n" + String(repeating: "_a_ [b] ", count: 1_000)
        #expect(BodyLimit.markup(in: long) == 1 + 1_000 * 4)
    }

    /// However many threads ask, what they hold at once never exceeds the budget, and a
    /// request larger than the whole budget runs alone.
    @Test func theInFlightBudgetBoundsWhatThreadsHoldAtOnce() {
        let budget = InFlightBudget(limit: 100)
        let tally = Tally()
        let done = DispatchGroup()
        // Threads of their own (not the pool's, which has one per core): they overlap on any machine.
        for thread in 0..<8 {
            done.enter()
            Thread {
                for round in 0..<8 {
                    let amount = (thread + round) % 8 == 0 ? 250 : 30
                    budget.withPermit(for: amount) {
                        tally.enter(min(amount, 100))
                        usleep(1_000)
                        tally.leave(min(amount, 100))
                    }
                }
                done.leave()
            }.start()
        }
        done.wait()
        #expect(tally.peak <= 100)
        #expect(tally.peak >= 60, "small requests still ran side by side")
    }

    /// Notes each under the 10 MB limit, of the shapes that cost libcmark most (it took
    /// 1.4 GB for one 9.9 MB note of `- [ ] t` lines) and of the most Markdown still read
    /// in full: indexing and checking them stays under 300 MiB. (Not under `make sanitize`:
    /// a sanitizer's own bookkeeping swamps the figure.)
    @Test(.enabled(if: ProcessInfo.processInfo.environment["BETWEEN_SANITIZER"] == nil))
    func worstCaseNotesStayUnder300MiB() throws {
        let vault = try TemporaryVault(["between.yml": ""])
        defer { vault.remove() }
        let size = 9_900_000
        let shapes = [
            "tasks": "- [ ] t\n", "nested-quotes": "> ", "links": "[a](b) ", "headings": "# h\n", "tiny-lines": "x\n",
            "emphasis": "_a_ ", "one-paragraph": "tired but okay ",
        ]
        for (name, unit) in shapes {
            try vault.writeRepeated("dump/\(name).md", unit, count: size / unit.utf8.count)
        }
        // The most lines still read as Markdown, each a paragraph line of its own.
        try vault.writeRepeated("dump/long-lines.md", "some words about the day and the night\n", count: 262_000)
        for number in 1...2 {
            try vault.writeRepeated("dump/emphasis-under-\(number).md", "_a_ ", count: 131_000)
            try vault.writeRepeated("dump/brackets-under-\(number).md", "[", count: 262_000)
        }
        let index = try CLI.peakMemory(["index", "--quiet", "--vault", vault.root])
        #expect(index.status == 0)
        #expect(index.kibibytes < 300 * 1024, "index: \(index.kibibytes) KiB")
        let check = try CLI.peakMemory(["check", "--vault", vault.root])
        #expect(check.status == 0)
        #expect(check.kibibytes < 300 * 1024, "check: \(check.kibibytes) KiB")
        let listed = try CLI.run(["list", "--format", "jsonl", "--vault", vault.root]).stdout.split(separator: "\n")
        #expect(listed.count == shapes.count + 5, "every note is listed")
        // The six shapes over the limit are read as text; prose and the notes at the limit in full.
        #expect(listed.filter { $0.contains("more Markdown than Between reads") }.count == 6)
    }

    /// A digest holds every entry of its period: a fortnight of 10 MB notes peaked at
    /// 370 MB (SQLite sorted the whole records, and each was kept whole). Now the ids are
    /// sorted and each entry keeps what a digest reads of it.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["BETWEEN_SANITIZER"] == nil))
    func aDigestOfAFortnightOfLongNotesStaysUnder300MiB() throws {
        let vault = try TemporaryVault(["between.yml": ""])
        defer { vault.remove() }
        for day in 1...12 {
            let header = "---\ntype: reflection\ndate: 2026-11-\(day + 10) 21:00\nmood: 3\nflags: [overwhelmed]\n---\n"
            try vault.writeRepeated("journal/day-\(day).md", header: header, "- felt flat, walked to the shop anyway\n", count: 250_000)
        }
        try CLI.run(["index", "--quiet", "--vault", vault.root])
        let environment = ["BETWEEN_TODAY=2026-11-25"]
        let digest = try CLI.peakMemory(["digest", "--since", "2026-11-01", "--vault", vault.root], environment: environment)
        #expect(digest.status == 0)
        #expect(digest.kibibytes < 300 * 1024, "digest: \(digest.kibibytes) KiB")
        let text = try CLI.run(["digest", "--since", "2026-11-01", "--vault", vault.root], environment: ["BETWEEN_TODAY": "2026-11-25"])
        #expect(text.stdout.contains("> \\- felt flat, walked to the shop anyway"), "each card still quotes the note")
    }
}

/// How much the threads of a test hold at once, and the most they ever held.
private final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private var current = 0
    private(set) var peak = 0

    func enter(_ amount: Int) {
        lock.withLock {
            current += amount
            peak = max(peak, current)
        }
    }

    func leave(_ amount: Int) {
        lock.withLock { current -= amount }
    }
}
