import Foundation
import Testing
@testable import BetweenCore
@testable import BetweenIndex
@testable import BetweenKit

/// `between homework`'s LEFT THIS WEEK: what is still asked this week, never more than the
/// rest of the week can hold, for every frequency on every day of the week.
@Suite struct LeftThisWeekTests {
    /// One assignment of each frequency, all assigned long before and still active.
    static func assignments(weekStart: String = "monday", timezone: String? = nil) -> [String: String] {
        var files: [String: String] = [
            "between.yml": "week-start: \(weekStart)\n" + (timezone.map { "timezone: \($0)\n" } ?? ""),
        ]
        for (id, frequency) in [("walk", "daily"), ("plan", "weekdays"), ("exposure", "3/week"), ("breathe", "2/day"),
                                ("letter", "once"), ("grounding", "as-needed"), ("stretch", "10/week")] {
            files["homework/\(id).md"] = "---\ntype: homework\ntitle: \(id)\nassigned: 2026-10-05\nfrequency: \(frequency)\n---\n"
        }
        return files
    }

    /// A practice of `homework` on `day`, as a client writes one.
    static func practice(_ homework: String, _ day: String, at time: String = "19:30", flags: String = "[]") -> String {
        "---\ntype: reflection\ndate: \(day) \(time)\nhomework: \(homework)\nflags: \(flags)\nmood: 5\n---\nDid it, more or less.\n"
    }

    static func left(_ vault: TemporaryVault, on day: String) throws -> [String: Int] {
        let index = try Index.open(Vault(root: vault.root))
        try index.refresh()
        let today = try LocalClock.day(day, today: EntryDate(year: 2026, month: 11, day: 1))
        let period = DigestPeriod(start: EntryDate.fromDayNumber(today.dayNumber - 13), end: today, basis: "the last two weeks")
        return try HomeworkTable.build(index: index, period: period, today: today).remainingThisWeek
    }

    /// With nothing done, Monday to Sunday (week of Monday 23 November 2026).
    @Test func nothingDoneYetAsksOnlyForWhatTheRestOfTheWeekCanHold() throws {
        let vault = try TemporaryVault(Self.assignments())
        defer { vault.remove() }
        let expected: [String: [Int]] = [
            "walk": [7, 6, 5, 4, 3, 2, 1],          // one a day, today included
            "plan": [5, 4, 3, 2, 1, 0, 0],          // Monday to Friday only
            "exposure": [3, 3, 3, 3, 3, 2, 1],      // three in the week, at most one a day
            "breathe": [14, 12, 10, 8, 6, 4, 2],    // two a day
            "letter": [1, 1, 1, 1, 1, 1, 1],        // once, not done yet
            "stretch": [10, 10, 10, 8, 6, 4, 2],    // ten in the week: two a day at most
        ]
        for (offset, day) in (23...29).map({ "2026-11-\($0)" }).enumerated() {
            let left = try Self.left(vault, on: day)
            for (id, counts) in expected {
                #expect(left[id] == counts[offset], "\(id) on \(day)")
            }
            #expect(left["grounding"] == nil, "as-needed asks for nothing, on \(day)")
        }
    }

    @Test func whatWasDoneAndWhatTodayHoldsAreTakenOff() throws {
        var files = Self.assignments()
        files["journal/a.md"] = Self.practice("walk", "2026-11-23")
        files["journal/b.md"] = Self.practice("walk", "2026-11-24")
        files["journal/c.md"] = Self.practice("walk", "2026-11-27", at: "08:10")
        files["journal/c2.md"] = Self.practice("walk", "2026-11-27", at: "21:00") // a day counts once
        files["journal/d.md"] = Self.practice("breathe", "2026-11-27", at: "07:45")
        files["journal/e.md"] = Self.practice("exposure", "2026-11-25")
        files["journal/f.md"] = Self.practice("exposure", "2026-11-26", flags: "[skipped]") // not practice
        files["journal/g.md"] = Self.practice("plan", "2026-11-27")
        files["journal/h.md"] = Self.practice("letter", "2026-11-10") // done in an earlier week
        let vault = try TemporaryVault(files)
        defer { vault.remove() }
        let friday = try Self.left(vault, on: "2026-11-27")
        #expect(friday["walk"] == 2, "7 asked, 3 days done: 4 short, but only Saturday and Sunday are left")
        #expect(friday["breathe"] == 5, "one more today, two on Saturday and on Sunday")
        #expect(friday["exposure"] == 2, "3 asked, 1 done (the skipped one isn't practice)")
        #expect(friday["plan"] == 0, "Friday's was done, and the weekend isn't asked for")
        #expect(friday["letter"] == 0, "once is done for good")
        let thursday = try Self.left(vault, on: "2026-11-26")
        #expect(thursday["walk"] == 3, "Thursday, Saturday, Sunday (Friday is done already)")
        #expect(thursday["plan"] == 1, "Thursday; Friday is done already")
    }

    @Test func theWeekStartsOnTheVaultsWeekStart() throws {
        let vault = try TemporaryVault(Self.assignments(weekStart: "sunday"))
        defer { vault.remove() }
        let saturday = try Self.left(vault, on: "2026-11-28")
        #expect(saturday["walk"] == 1 && saturday["plan"] == 0 && saturday["exposure"] == 1, "\(saturday)")
        let sunday = try Self.left(vault, on: "2026-11-29")
        #expect(sunday["walk"] == 7 && sunday["plan"] == 5 && sunday["exposure"] == 3, "a new week: \(sunday)")
    }

    @Test func anAssignmentDueOrAssignedMidWeekCountsOnlyItsDays() throws {
        var files = Self.assignments()
        files["homework/walk.md"] = "---\ntype: homework\nassigned: 2026-10-05\ndue: 2026-11-25\nfrequency: daily\n---\n"
        files["homework/plan.md"] = "---\ntype: homework\nassigned: 2026-11-26\nfrequency: weekdays\n---\n"
        files["homework/exposure.md"] = "---\ntype: homework\nassigned: 2026-10-05\nfrequency: 3/week\nstatus: paused\n---\n"
        let vault = try TemporaryVault(files)
        defer { vault.remove() }
        let tuesday = try Self.left(vault, on: "2026-11-24")
        #expect(tuesday["walk"] == 2, "Tuesday and Wednesday, its last day")
        #expect(tuesday["plan"] == 2, "Thursday and Friday, once it starts")
        #expect(tuesday["exposure"] == nil, "paused")
        #expect(try Self.left(vault, on: "2026-11-27")["walk"] == 0, "due on Wednesday: nothing left to ask")
    }

    /// "Today" is the day in the vault's zone: at 23:30 on Sunday in London it is already
    /// Monday in Auckland, and a new week there.
    @Test func todayIsTheDayInTheVaultsTimeZone() throws {
        let moment = try #require(ISO8601DateFormatter().date(from: "2026-11-29T23:30:00Z"))
        let london = LocalClock(timezone: "Europe/London", environment: [:]).today(at: moment)
        let auckland = LocalClock(timezone: "Pacific/Auckland", environment: [:]).today(at: moment)
        #expect(london.dayString == "2026-11-29" && auckland.dayString == "2026-11-30")
        let vault = try TemporaryVault(Self.assignments())
        defer { vault.remove() }
        #expect(try Self.left(vault, on: london.dayString)["walk"] == 1)
        #expect(try Self.left(vault, on: auckland.dayString)["walk"] == 7)
    }

    @Test func theHomeworkCommandShowsIt() throws {
        let vault = try TemporaryVault(Self.assignments())
        defer { vault.remove() }
        let result = try CLI.run(["homework", "--vault", vault.root], environment: ["BETWEEN_TODAY": "2026-11-27"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.stdout.split(separator: "\n").filter { $0.hasPrefix("walk ") || $0.hasPrefix("grounding ") || $0.hasPrefix("plan ") }
        #expect(rows.map { $0.split(separator: " ").last.map(String.init) } == ["-", "1", "3"], "\(result.stdout)")
    }
}
