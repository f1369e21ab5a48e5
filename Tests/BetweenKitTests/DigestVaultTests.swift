import Foundation
import Testing

/// Whole digests as a person gets them: the example vault's (short enough to read in two
/// minutes), a DBT-style vault whose risk signs come first, and the privacy of the
/// private-risk notice in every format.
@Suite struct DigestVaultTests {
    static let today = ["BETWEEN_TODAY": "2026-11-26"]

    private func run(_ arguments: [String], vault: TemporaryVault) throws -> CLI.Result {
        try CLI.run(arguments + ["--vault", vault.root], environment: Self.today)
    }

    private func json(_ result: CLI.Result) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    // MARK: - The example vault

    @Test func theExampleDigestHasAtMostEightCardsAndNoEntryOnTwo() throws {
        let vault = try TemporaryVault.copyOfExample()
        defer { vault.remove() }
        let result = try run(["digest", "--since", "2026-11-17", "--until", "2026-11-26", "--format", "json"], vault: vault)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try json(result)
        let raise = try #require(object["raise"] as? [[String: Any]])
        #expect(raise.count <= 8, "\(raise.map { $0["title"] ?? "" })")
        let files = raise.flatMap { ($0["files"] as? [String]) ?? [] }
        #expect(files.count == Set(files).count, "an entry on two cards: \(files)")
        #expect(raise.first?["kind"] as? String == "self-harm-thoughts", "the PHQ-9 of 23 November comes first")
        #expect(!raise.contains { ($0["title"] as? String)?.range(of: #"\d{4}-\d{2}-\d{2}-\d{4}"#, options: .regularExpression) != nil },
                "no file name as a title")
        let short = try #require(object["in_short"] as? [String])
        #expect((1...5).contains(short.count))
        #expect(short.last == "Next session: Friday 27 November.")
        // The exposure of 19 November peaked at 60 and is a win: not raised.
        #expect(!files.contains("journal/2026/11/2026-11-19-0915-exposure.md"))
    }

    // MARK: - A DBT diary-card vault

    /// Three weeks of a DBT skills group: daily diary cards, one evening with a suicidal
    /// urge, a GAD-7 that went up, and a PHQ-9 kept private.
    static let dbtVault: [String: String] = [
        "between.yml": """
            timezone: Europe/Dublin
            crisis-line: "Samaritans (UK & Ireland): 116 123"
            """,
        "homework/diary-card.md": """
            ---
            type: homework
            title: Diary card every evening
            assigned: 2026-11-03
            frequency: daily
            expects: diary-card
            ---
            Fill it in before bed, even the bad days. Especially the bad days.
            """,
        "sessions/2026-11-17.md": """
            ---
            type: session
            date: 2026-11-17 16:00
            next: 2026-11-24
            ---
            # Individual session

            Went through last week's card. Aoife wants me to rate the urges even when they're 0, so we can see the pattern.
            Practised TIPP in the room. Cold water actually works, annoyingly.

            ## For next session
            - Why does the binge urge always spike on Sundays?
            """,
        "journal/2026-11-05-gad7.md": """
            ---
            type: measure
            date: 2026-11-05 19:30
            instrument: gad7
            items: [1, 2, 1, 1, 2, 1, 1]
            ---
            First one since starting group.
            """,
        "journal/2026-11-17-diary.md": """
            ---
            type: diary-card
            date: 2026-11-17 22:10
            homework: diary-card
            urges: {suicide: 0, self-harm: 0, binge: 2, skip-group: 1}
            skills: [wise mind, check the facts]
            mood: 5
            distress: 40
            helpful: 6
            ---
            ## Today
            Session day. Tired but ok.
            """,
        "journal/2026-11-18-diary.md": """
            ---
            type: diary-card
            date: 2026-11-18 23:05
            homework: diary-card
            urges: {suicide: 0, self-harm: 0, binge: 4, skip-group: 3}
            skills: [opposite action]
            mood: 4
            distress: 55
            helpful: 5
            ---
            ## Today
            Work dinner, everyone ordering dessert. Held it together and then ate half a packet of biscuits on the bus home.

            ## Urges and what I did
            Binge urge was a 4 at the restaurant. Went to the loo and did paced breathing, it dropped to maybe 2.
            """,
        "journal/2026-11-19-gad7.md": """
            ---
            type: measure
            date: 2026-11-19 20:00
            instrument: gad7
            items: [2, 2, 2, 1, 2, 2, 1]
            ---
            Higher than last time. Group on Thursday made me anxious all day.
            """,
        "journal/2026-11-20-diary.md": """
            ---
            type: diary-card
            date: 2026-11-20 22:40
            homework: diary-card
            urges: {suicide: 0, self-harm: 0, binge: 3, skip-group: 4}
            skills: [mindfulness of current emotion]
            mood: 4
            distress: 50
            ---
            ## Today
            Nearly skipped group. Sat in the car outside for ten minutes, then went in.
            """,
        "journal/2026-11-21-diary.md": """
            ---
            type: diary-card
            date: 2026-11-21 23:50
            homework: diary-card
            urges: {suicide: 1, self-harm: 0, binge: 3, skip-group: 2}
            skills: [TIPP, distract (ACCEPTS), self-soothe]
            mood: 2
            distress: 80
            flags: [triggered]
            ---
            ## Today
            Mum rang about Christmas and it turned into the same row as always. Afterwards the "everyone would be easier
            without me" thought came, just for a bit. A 1, not more. No plan.

            ## Urges and what I did
            Cold water on my face, then watched Bake Off with the cat until it passed. Texted Niamh.
            """,
        "journal/2026-11-22-diary.md": """
            ---
            type: diary-card
            date: 2026-11-22 21:15
            homework: diary-card
            urges: {suicide: 0, self-harm: 0, binge: 4, skip-group: 1}
            skills: [please skills, build mastery]
            mood: 4
            distress: 45
            helpful: 6
            ---
            ## Today
            Sunday. Binge urge again in the afternoon (Sundays!). Went for a walk instead, came back and made soup.
            """,
        "journal/2026-11-23-phq9.md": """
            ---
            type: measure
            date: 2026-11-23 21:00
            instrument: phq9
            items: [2, 2, 3, 2, 2, 2, 1, 0, 2]
            private: true
            ---
            Not ready to talk about the last one yet. It's been more than a few days.
            """,
        "journal/2026-11-24-diary.md": """
            ---
            type: diary-card
            date: 2026-11-24 22:00
            homework: diary-card
            urges: {suicide: 0, self-harm: 0, binge: 2, skip-group: 1}
            skills: [wise mind]
            mood: 5
            distress: 35
            helpful: 7
            ---
            ## Today
            Better. Made it to the gym with Niamh.
            """,
    ]

    @Test func aSuicidalUrgeOfOneIsTheFirstCardWithTheCrisisLine() throws {
        let vault = try TemporaryVault(Self.dbtVault)
        defer { vault.remove() }
        let object = try json(try run(["digest", "--format", "json"], vault: vault))
        let raise = try #require(object["raise"] as? [[String: Any]])
        let first = try #require(raise.first)
        #expect(first["kind"] as? String == "risk-urge")
        #expect(first["is_risk"] as? Bool == true)
        #expect(first["path"] as? String == "journal/2026-11-21-diary.md")
        #expect((first["reason"] as? String)?.hasPrefix("urge “suicide” 1/5 · triggered") == true)
        #expect(raise.dropFirst().allSatisfy { $0["is_risk"] as? Bool == false })
        let rose = try #require(raise.firstIndex { $0["kind"] as? String == "measure-rose" }, "the GAD-7 went up a band")
        #expect(rose > 0)

        let markdown = try run(["digest"], vault: vault).stdout
        let card = try #require(markdown.range(of: "- **Sat 21 Nov · Diary card · 23:50**: urge “suicide” 1/5"))
        let crisis = try #require(markdown.range(of: "Crisis line: Samaritans (UK & Ireland): 116 123**"))
        let next = try #require(markdown.range(of: "\n- **", range: card.upperBound..<markdown.endIndex))
        #expect(card.upperBound < crisis.lowerBound && crisis.upperBound <= next.lowerBound, "the crisis line is on the first card")
        #expect(markdown.contains("## In short\n\n- Sign of risk: urge “suicide” 1/5 on Sat 21 Nov. Please tell your therapist.\n"))

        let html = try run(["digest", "--format", "html"], vault: vault).stdout
        let firstCard = try #require(html.range(of: "<li class=\"entry risk-urge risk\">"))
        #expect(html[firstCard.upperBound...].prefix(900).contains("Crisis line: Samaritans (UK &amp; Ireland): 116 123"))
        #expect(html.range(of: "<li class=")?.lowerBound == html.range(of: "<li class=\"entry risk-urge risk\">")?.lowerBound)
    }

    @Test func privateRiskIsToldOnStderrAndInNoOutputFormat() throws {
        let vault = try TemporaryVault(Self.dbtVault)
        defer { vault.remove() }
        let notice = "1 private entry left out of this digest holds a sign of risk (PHQ-9 question 9 answered above 0)"
        for format in ["md", "html", "json"] {
            let result = try run(["digest", "--format", format], vault: vault)
            #expect(result.status == 0)
            #expect(result.stderr.contains("between: note: " + notice), "\(format): \(result.stderr)")
            #expect(result.stderr.contains("--include-private") && result.stderr.contains("116 123"))
            for leak in ["sign of risk", "Not ready to talk", "2026-11-23-phq9"] {
                #expect(!result.stdout.contains(leak), "\(format) shows \(leak)")
            }
            // Outside the vault: `-o` refuses to write a note (prep.md) into it.
            let file = NSTemporaryDirectory() + "between-prep-\(UUID().uuidString).\(format)"
            let written = try run(["digest", "--format", format, "-o", file], vault: vault)
            #expect(written.stdout.isEmpty && written.stderr.contains(notice))
            let text = try String(contentsOfFile: file, encoding: .utf8)
            #expect(!text.contains("sign of risk") && !text.contains("Not ready to talk"), "-o \(format)")
            try FileManager.default.removeItem(atPath: file)
        }
        // With --include-private there is nothing to tell: the PHQ-9 is in the digest, first.
        let included = try run(["digest", "--format", "json", "--include-private"], vault: vault)
        #expect(!included.stderr.contains("sign of risk"))
        let raise = try #require(try json(included)["raise"] as? [[String: Any]])
        #expect(raise.first?["path"] as? String == "journal/2026-11-23-phq9.md")
    }
}
