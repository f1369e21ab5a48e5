import Foundation
import Testing

/// `between digest`, `homework` and `trend` on the example vault and on edge-case vaults.
@Suite struct DigestCLITests {
    static let today = ["BETWEEN_TODAY": "2026-11-26"]

    /// Runs `between` on `vault`, or on a fresh copy of the example vault (never on the
    /// source tree's own, which the index would write into).
    private func run(_ arguments: [String], vault: String? = nil, environment: [String: String] = today) throws -> CLI.Result {
        if let vault { return try CLI.run(arguments + ["--vault", vault], environment: environment) }
        let copy = try TemporaryVault.copyOfExample()
        defer { copy.remove() }
        return try CLI.run(arguments + ["--vault", copy.root], environment: environment)
    }

    @Test func theDigestIsTheSameUnderEveryTimeZoneAndOnEveryRun() throws {
        for format in ["md", "html", "json"] {
            var outputs: Set<String> = []
            for zone in ["Pacific/Auckland", "America/Los_Angeles", "UTC"] {
                let result = try run(["digest", "--since", "2026-11-17", "--until", "2026-11-26", "--format", format],
                                     environment: ["TZ": zone])
                #expect(result.status == 0, "\(result.stderr)")
                outputs.insert(result.stdout)
            }
            #expect(outputs.count == 1, "\(format) differs between time zones")
        }
    }

    @Test func theExampleVaultDigestIsPinnedInEveryFormat() throws {
        for format in ["md", "html", "json"] {
            let result = try run(["digest", "--since", "2026-11-17", "--until", "2026-11-26", "--format", format])
            #expect(result.status == 0)
            try GoldenFile.check(result.stdout, against: "digest-example.\(format)")
        }
    }

    @Test func aLateNightEntryStaysOnItsDayWhateverTheZone() throws {
        let vault = try TemporaryVault([
            "sessions/2026-11-17.md": "---\ntype: session\ndate: 2026-11-17 10:00\n---\n",
            "journal/late.md": "---\ntype: mood\ndate: 2026-11-20 23:30\nmood: 3\ndistress: 80\n---\nCouldn't sleep, heart going.\n",
        ])
        defer { vault.remove() }
        for zone in ["Pacific/Auckland", "America/Los_Angeles"] {
            let json = try run(["digest", "--format", "json"], vault: vault.root, environment: ["TZ": zone, "BETWEEN_TODAY": "2026-11-26"])
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
            let raise = try #require(object["raise"] as? [[String: Any]])
            #expect(raise.first?["day"] as? String == "2026-11-20")
            let points = ((object["mood_and_distress"] as? [String: Any])?["points"] as? [[String: Any]]) ?? []
            #expect(points.first { ($0["mood"] as? [String: Any]) != nil }?["start"] as? String == "2026-11-20")
        }
    }

    @Test func noSessionsMeansTheLastTwoWeeksAndSaysSo() throws {
        let vault = try TemporaryVault(["journal/a.md": "---\ntype: mood\ndate: 2026-11-25\nmood: 6\n---\n"])
        defer { vault.remove() }
        let result = try run(["digest", "--format", "json"], vault: vault.root)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let period = try #require(object["period"] as? [String: Any])
        #expect(period["start"] as? String == "2026-11-13")
        #expect((period["basis"] as? String)?.contains("no session notes yet") == true)
    }

    /// The opening line gives the day count once: a basis that counted days itself read
    /// "the last 14 days (…) (14 days)".
    @Test func thePeriodLineSaysHowManyDaysOnceInEveryFormat() throws {
        let vault = try TemporaryVault([
            "journal/a.md": "---\ntype: mood\ndate: 2026-11-25\nmood: 6\n---\n",
            "homework/walk.md": "---\ntype: homework\nid: walk\nassigned: 2026-11-01\nfrequency: daily\n---\n",
        ])
        defer { vault.remove() }
        let expected = "Period: the last two weeks, as there are no session notes yet to start from (14 days). Entries read: 1."
        #expect(try run(["digest"], vault: vault.root).stdout.contains("\n\(expected)\n"))
        #expect(try run(["digest", "--format", "html"], vault: vault.root).stdout.contains(">\(expected)</p>"))
        let earlier = try run(["digest", "--until", "2026-11-25"], vault: vault.root)
        #expect(earlier.stdout.contains("Period: the two weeks to 2026-11-25, as there are no session notes yet to start from (14 days)."))
        let homework = try run(["homework"], vault: vault.root).stdout
        #expect(homework.hasPrefix("Homework the last two weeks, as there are no session notes yet to start from (14 days)\n"), "\(homework)")

        try vault.write("sessions/2026-11-24.md", "---\ntype: session\ndate: 2026-11-24\n---\n")
        let first = try run(["digest", "--session", "2026-11-24"], vault: vault.root).stdout
        #expect(first.contains("Period: from two weeks before the first session to that session, on 2026-11-24 (15 days)."), "\(first)")
        let until = try run(["digest", "--until", "2026-11-25"], vault: vault.root).stdout
        #expect(until.contains("Period: from the session on 2026-11-24 to 2026-11-25 (2 days)."), "\(until)")
    }

    @Test func nothingLoggedIsSaidNotAnEmptyPage() throws {
        let vault = try TemporaryVault(["sessions/2026-11-24.md": "---\ntype: session\ndate: 2026-11-24\n---\n"])
        defer { vault.remove() }
        let result = try run(["digest"], vault: vault.root)
        #expect(result.status == 0)
        #expect(result.stdout.contains("Nothing logged since"))
    }

    @Test func outputFileIsWrittenAtomicallyAndPrivately() throws {
        let folder = try TemporaryVault(marked: false)
        defer { folder.remove() }
        let path = folder.root + "/prep.html"
        let result = try run(["digest", "--format", "html", "-o", path, "--since", "2026-11-17"])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(try folder.read("prep.html").hasPrefix("<!DOCTYPE html>"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.root) == ["prep.html"], "no temporary file left behind")
        let missing = try run(["digest", "-o", "/nonexistent/dir/prep.md"])
        #expect(missing.status == 2)
        // A device is written to, never replaced (as root, a rename would swap /dev/null for a file).
        #expect(try run(["digest", "-o", "/dev/null"]).status == 0)
        #expect((try FileManager.default.attributesOfItem(atPath: "/dev/null")[.type] as? FileAttributeType) == .typeCharacterSpecial)
    }

    @Test func badPeriodsAreExplained() throws {
        let noSession = try run(["digest", "--session", "2026-11-18"])
        #expect(noSession.status == 2)
        #expect(noSession.stderr.contains("there is no session note dated 2026-11-18"))
        let badDate = try run(["digest", "--since", "2026-13-45"])
        #expect(badDate.status == 2)
        #expect(badDate.stderr.contains("not a real date"))
        let backwards = try run(["digest", "--since", "2026-11-20", "--until", "2026-11-01"])
        #expect(backwards.status == 2)
        let both = try run(["digest", "--session", "2026-11-17", "--since", "2026-11-01"])
        #expect(both.status == 2)
        // `last-session` starts a period; it ends none, and a million weeks is no period to build.
        for (option, value) in [("--until", "last-session"), ("--session", "last-session"), ("--since", "-999999w")] {
            let refused = try run(["digest", option, value])
            #expect(refused.status == 2)
            #expect(refused.stderr.contains("between: error: \(option): '\(value)' is not a date"), "\(refused.stderr)")
        }
    }

    @Test func privateEntriesAreLeftOutAndCountedUnlessAskedFor() throws {
        let vault = try TemporaryVault([
            "sessions/2026-11-17.md": "---\ntype: session\ndate: 2026-11-17\n---\n",
            "journal/p.md": "---\ntype: reflection\ndate: 2026-11-20\nprivate: true\nflags: [triggered, overwhelmed, unsafe, skipped]\ndistress: 99\ntags: [win]\n---\nThe thing about my sister that nobody knows.\n",
        ])
        defer { vault.remove() }
        for format in ["md", "html", "json"] {
            let hidden = try run(["digest", "--format", format], vault: vault.root)
            #expect(!hidden.stdout.contains("my sister"), "\(format) leaks a private entry")
            #expect(!hidden.stdout.contains("journal/p.md"))
            // It was marked unsafe: the person is told, on the terminal only.
            #expect(hidden.stderr.contains("1 private entry left out of this digest holds a sign of risk (marked unsafe)"))
            #expect(!hidden.stdout.contains("sign of risk"))
            let shown = try run(["digest", "--format", format, "--include-private"], vault: vault.root)
            #expect(shown.stdout.contains("my sister"))
        }
        #expect(try run(["digest"], vault: vault.root).stdout.contains("1 private entry was left out"))
    }

    @Test func homeworkShowsAdherenceAndWhatIsLeftThisWeek() throws {
        let result = try run(["homework"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Homework since the session on 2026-11-17 (10 days)\n"), "\(result.stdout)")
        #expect(result.stdout.contains("breathing-478        daily      6/10  60%"))
        #expect(result.stdout.hasSuffix("\nThis week: w/c 23 Nov.\n"), "the week by its first day, not an ISO number")
        #expect(!result.stdout.contains("morning-pages"), "a dropped assignment is not active")
    }

    /// A one-off task done before the period was done: a later digest doesn't ask for it
    /// again; and no digest asks for practice on days that haven't come yet.
    @Test func adherenceAsksOnlyForWhatThePeriodCouldHold() throws {
        let vault = try TemporaryVault([
            "sessions/2026-11-10.md": "---\ntype: session\ndate: 2026-11-10\n---\n",
            "sessions/2026-11-17.md": "---\ntype: session\ndate: 2026-11-17\n---\n",
            "homework/letter.md": "---\ntype: homework\nid: letter\ntitle: Letter to my sister\nassigned: 2026-11-03\nfrequency: once\n---\n",
            "homework/walk.md": "---\ntype: homework\nid: walk\ntitle: Evening walk\nassigned: 2026-11-03\nfrequency: daily\n---\n",
            "homework/call.md": "---\ntype: homework\nid: call\ntitle: Ring the GP\nassigned: 2026-11-03\nfrequency: once\n---\n",
            "journal/letter.md": "---\ntype: reflection\ndate: 2026-11-12 20:00\nhomework: letter\n---\nWrote it. Didn't send it yet.\n",
            "journal/walk.md": "---\ntype: activity\ndate: 2026-11-18 19:00\nhomework: walk\n---\nRound the park.\n",
        ])
        defer { vault.remove() }
        func homework(_ arguments: [String]) throws -> [String: [String: Any]] {
            let result = try run(["digest", "--format", "json"] + arguments, vault: vault.root, environment: ["BETWEEN_TODAY": "2026-11-20"])
            #expect(result.status == 0, "\(result.stderr)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            let items = try #require(object["homework"] as? [[String: Any]])
            return Dictionary(uniqueKeysWithValues: items.map { ($0["id"] as? String ?? "", $0) })
        }
        // Since the session on the 17th: the letter was written on the 12th, so it is not asked for again.
        let since = try homework([])
        #expect(since["letter"] == nil, "a once assignment done in an earlier period is done")
        #expect(since["call"]?["expected"] as? Int == 1 && since["call"]?["done"] as? Int == 0, "one never done is still asked for")
        #expect(since["walk"]?["expected"] as? Int == 4)
        // The period in which it was done shows it done.
        let earlier = try homework(["--session", "2026-11-17"])
        #expect(earlier["letter"]?["done"] as? Int == 1 && earlier["letter"]?["adherence_percent"] as? Int == 100)
        // Until the end of the month: the ten days after today ask for nothing yet.
        let ahead = try homework(["--until", "2026-11-30"])
        #expect(ahead["walk"]?["expected"] as? Int == 4, "17–20 Nov, not 17–30 Nov")
        #expect(ahead["walk"]?["adherence_percent"] as? Int == 25)
        // `between homework` reads the same rule.
        let table = try run(["homework"], vault: vault.root, environment: ["BETWEEN_TODAY": "2026-11-20"]).stdout
        #expect(!table.contains("letter") && table.contains("call"), "\(table)")
    }

    @Test func trendShowsATableAndSparkline() throws {
        let result = try run(["trend", "mood", "--by", "week"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("WEEK        N  MIN  MEAN  MAX\nw/c 5 Oct   5  3    4.2   6\n"), "\(result.stdout)")
        #expect(!result.stdout.contains("-W4"), "no ISO week numbers")
        #expect(result.stdout.contains("mood 0–10: "))
        let narrowed = try run(["trend", "suds-peak", "--homework", "bus-exposure", "--by", "day"])
        #expect(narrowed.stdout.contains("suds-peak 0–100"))
        #expect(narrowed.stdout.split(separator: "\n").count == 7 + 2) // seven exposures, the header, the sparkline
        let nothing = try run(["trend", "sleepiness"])
        #expect(nothing.status == 1)
        #expect(nothing.stderr.contains("no entries have a number in 'sleepiness'"))
    }
}
