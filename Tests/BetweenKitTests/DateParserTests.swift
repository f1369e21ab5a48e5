import Testing
@testable import BetweenCore
@testable import BetweenKit

@Suite struct DateParserTests {
    @Test func acceptsEveryDocumentedForm() throws {
        #expect(try DateParser.parse("2026-11-20").isoText == "2026-11-20")
        #expect(try DateParser.parse("2026-11-20T19:30").isoText == "2026-11-20T19:30")
        #expect(try DateParser.parse("2026-11-20 19:30").isoText == "2026-11-20T19:30")
        #expect(try DateParser.parse("2026-11-20 19:30:15").isoText == "2026-11-20T19:30:15")
        #expect(try DateParser.parse("2026-11-20T19:30:15.250").second == 15)
        #expect(try DateParser.parse("2026-11-20T19:30Z").utcOffsetMinutes == 0)
        #expect(try DateParser.parse("2026-11-20T19:30+13:00").utcOffsetMinutes == 780)
        #expect(try DateParser.parse("2026-11-20T19:30-0530").utcOffsetMinutes == -330)
    }

    @Test func keepsWallClockTimeAndDayWhateverTheZone() throws {
        // 23:30 at UTC-10 is the next day in UTC; the writer's day must not move.
        let late = try DateParser.parse("2026-11-20T23:30-10:00")
        #expect(late.dayString == "2026-11-20")
        #expect(late.hour == 23)
        let local = try DateParser.parse("2026-11-20 23:30")
        #expect(local.dayString == "2026-11-20")
        #expect(local.utcOffsetMinutes == nil)
        #expect(local.text == "2026-11-20 23:30")
    }

    @Test func rejectsImpossibleDatesWithAReason() {
        #expect(throws: DateParseError.self) { try DateParser.parse("2026-13-45") }
        #expect(throws: DateParseError.self) { try DateParser.parse("2026-02-29") }
        #expect(throws: DateParseError.self) { try DateParser.parse("2026-11-20 25:00") }
        #expect(throws: DateParseError.self) { try DateParser.parse("yesterday") }
        #expect(throws: DateParseError.self) { try DateParser.parse("99999-01-01") }
        #expect(throws: DateParseError.self) { try DateParser.parse("2026-11-20T19:30+99:00") }
        do {
            _ = try DateParser.parse("2026-13-45")
        } catch {
            #expect(error.description.contains("no month 13"))
        }
        #expect((try? DateParser.parse("2028-02-29")) != nil, "2028 is a leap year")
    }

    @Test func dayNumbersRoundTripAcrossCenturies() {
        for text in ["0000-01-01", "1970-01-01", "2000-02-29", "2026-11-26", "9999-12-31"] {
            let date = try! DateParser.parse(text)
            #expect(EntryDate.fromDayNumber(date.dayNumber).dayString == text)
        }
        #expect((try! DateParser.parse("1970-01-02")).dayNumber == 1)
    }

    @Test func theSortNumberOrdersAsTheSortKeyDoes() throws {
        let texts = ["0001-01-01", "1999-12-31T23:59:59", "2026-11-20", "2026-11-20T00:00", "2026-11-20 00:00:01",
                     "2026-11-20T08:00+05:00", "2026-11-20T08:00Z", "2026-11-20T19:30", "2026-02-09", "2026-10-01", "9999-12-31T23:59:59"]
        let dates = try texts.map(DateParser.parse)
        for a in dates {
            for b in dates {
                #expect((a.sortNumber < b.sortNumber) == (a.sortKey < b.sortKey), "\(a.text) vs \(b.text)")
                #expect((a.sortNumber == b.sortNumber) == (a.sortKey == b.sortKey), "\(a.text) vs \(b.text)")
            }
            // No date sorts before every date, as an empty key did.
            #expect(EntryDate.sortNumber(nil) < EntryDate.sortNumber(a))
        }
        #expect(try DateParser.parse("2026-11-20T08:05:09").sortNumber == 20261120080509)
    }

    @Test func sortsByWrittenWallClockTime() throws {
        let dates = try ["2026-11-20 19:30", "2026-11-20", "2026-11-19T23:59", "2026-11-20T08:00"].map(DateParser.parse)
        #expect(dates.sorted().map(\.isoText) == ["2026-11-19T23:59", "2026-11-20", "2026-11-20T08:00", "2026-11-20T19:30"])
    }

    // MARK: - Relative days: one grammar for options, --date and queries

    @Test func relativeDaysReadTheSameWherePeopleWriteThem() {
        let today = EntryDate(year: 2026, month: 11, day: 26)
        let written: [(String, Int?)] = [("today", 0), ("Yesterday", -1), ("TOMORROW", 1), ("-14d", -14), ("+3d", 3),
                                         ("-2w", -14), ("-2W", -14), (" -1d\t", -1), ("-999999d", -999_999)]
        for (text, days) in written {
            #expect(RelativeDay.parse(text, signRequired: true) == days.map(RelativeDay.days), "\(text)")
        }
        #expect(RelativeDay.parse("last-session", signRequired: true) == .lastSession)
        #expect(RelativeDay.lastSession.day(today: today, lastSession: nil) == nil)
        #expect(RelativeDay.days(-7).day(today: today, lastSession: nil)?.dayString == "2026-11-19")
        // Not relative days: a query compares these as text (or they are errors in options).
        for text in ["-1234567d", "-d", "- 14d", "--14d", "-14 d", "-١٤d", "14", "fortnight", ""] {
            #expect(RelativeDay.parse(text, signRequired: false) == nil, "\(text)")
        }
        // The sign: required in a query (`tags has 3d` is text), optional in an option.
        #expect(RelativeDay.parse("14d", signRequired: true) == nil)
        #expect(RelativeDay.parse("14d", signRequired: false) == .days(14))
    }

    @Test func theCommandLineReadsRelativeDaysAndDates() throws {
        let today = EntryDate(year: 2026, month: 11, day: 26)
        #expect(try LocalClock.day("tomorrow", today: today).dayString == "2026-11-27")
        #expect(try LocalClock.day("-99999d", today: today).dayNumber == today.dayNumber - 99_999)
        #expect(try LocalClock.day("2026-11-20 19:30", today: today).isoText == "2026-11-20", "an option's day has no time")
        #expect(try LocalClock.moment("2026-11-20 19:30", today: today).isoText == "2026-11-20T19:30", "--date keeps it")
        #expect(try LocalClock.moment("-1w", today: today).isoText == "2026-11-19")
        // Six digits are a query's limit; on the command line a period that long would take
        // minutes and gigabytes, so it stays an error, as are the words that aren't days.
        for text in ["-999999w", "last-session", "someday"] {
            #expect(throws: DateParseError.self, "\(text)") { try LocalClock.day(text, today: today) }
        }
        #expect(LocalClock(timezone: nil, environment: ["BETWEEN_TODAY": "2026-11-20T23:59"]).today().isoText == "2026-11-20")
    }
}
