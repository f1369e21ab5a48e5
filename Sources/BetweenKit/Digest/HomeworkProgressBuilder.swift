import BetweenCore

/// Expected vs done for each assignment active in the period.
///
/// Expected practices come from `frequency`, prorated to the days the assignment
/// was active inside the period (from `assigned`, up to `due`): `daily` counts days,
/// `weekdays` counts Monday–Friday, `N/week` is N × days ÷ 7 rounded, `N/day` is
/// N × days, `once` is 1; `as-needed` (or no frequency) has no expectation. For
/// `daily` and `weekdays` a day counts once however often it was practised; other
/// frequencies count entries. Entries flagged `skipped` are not practice.
///
/// Days after today are not days the assignment could have been practised on, so they
/// ask for nothing (a period may end in the future: `--until`); an assignment whose first
/// day is still to come is left out. A `once` assignment practised before the period is
/// done: it is left out too, unless it was practised again in the period.
enum HomeworkProgressBuilder {
    static func build(assignments: [Entry], entries: [Entry], period: DigestPeriod,
                      today: EntryDate? = nil, doneBefore: Set<String> = []) -> [HomeworkProgress] {
        let byID = practice(entries)
        return active(assignments)
            .compactMap { assignment -> HomeworkProgress? in
                guard let id = assignment.homeworkID, let active = activeDays(assignment, period) else { return nil }
                let days = today.map { today in active.filter { $0 <= today.dayNumber } } ?? active
                let practice = byID[id] ?? []
                let frequency = assignment.text("frequency").flatMap(Frequency.init)
                guard !days.isEmpty, !(frequency == .once && doneBefore.contains(id) && practice.isEmpty) else { return nil }
                let expected = frequency.flatMap { expectedCount($0, days: days) }
                let done: Int = switch frequency {
                case .daily?, .weekdays?: Set(practice.compactMap { $0.date?.dayNumber }).count
                default: practice.count
                }
                return HomeworkProgress(
                    id: id, title: assignment.title, path: assignment.path, frequency: frequency,
                    expected: expected, done: done,
                    adherencePercent: expected.flatMap { $0 > 0 ? min(100, Int((Double(done) * 100 / Double($0)).rounded())) : nil },
                    averageHelpful: average(practice.compactMap { $0.number("helpful") }),
                    averageFit: average(practice.compactMap { $0.number("fit") }),
                    exposure: exposure(practice.filter { $0.type == .exposure }),
                    thoughtRecords: emotionChange(practice.filter { $0.type == .thoughtRecord }))
            }
    }

    /// The assignments whose `status` is `active` (the default).
    static func active(_ assignments: [Entry]) -> [Entry] {
        assignments.filter { ($0.text("status")?.lowercased() ?? "active") == "active" }
    }

    /// The entries that are practice (not flagged `skipped`), by the assignment they practise.
    static func practice(_ entries: [Entry]) -> [String: [Entry]] {
        Dictionary(grouping: entries.filter { $0.homeworkID != nil && !$0.flags.contains("skipped") }, by: { $0.homeworkID! })
    }

    /// The day numbers of the period on which the assignment was active; nil when it never was.
    static func activeDays(_ assignment: Entry, _ period: DigestPeriod) -> [Int]? {
        var first = period.start.dayNumber
        var last = period.end.dayNumber
        if let assigned = dateField(assignment, "assigned") { first = max(first, assigned.dayNumber) }
        if let due = dateField(assignment, "due") { last = min(last, due.dayNumber) }
        return first <= last ? Array(first...last) : nil
    }

    private static func dateField(_ entry: Entry, _ key: String) -> EntryDate? {
        switch entry[key] {
        case .date(let date)?: date
        case .string(let text)?: try? DateParser.parse(text)
        default: nil
        }
    }

    static func expectedCount(_ frequency: Frequency, days: [Int]) -> Int? {
        switch frequency {
        case .daily: days.count
        case .weekdays: days.filter { EntryDate.fromDayNumber($0).isoWeekday <= 5 }.count
        case .timesPerWeek(let count): max(1, Int((Double(count * days.count) / 7).rounded()))
        case .timesPerDay(let count): count * days.count
        case .once: 1
        case .asNeeded: nil
        }
    }

    static func exposure(_ entries: [Entry]) -> ExposureProgress? {
        guard !entries.isEmpty else { return nil }
        let peaks = entries.compactMap { $0.number("suds-peak") }
        return ExposureProgress(
            averageBefore: average(entries.compactMap { $0.number("suds-before") }),
            averagePeak: average(peaks),
            averageAfter: average(entries.compactMap { $0.number("suds-after") }),
            peaks: peaks,
            peaksComingDown: peaks.count >= 2 ? peaks.last! < peaks.first! : nil)
    }

    /// Mean intensity of the emotions rated both before and after.
    static func emotionChange(_ entries: [Entry]) -> EmotionChange? {
        var before: [Double] = [], after: [Double] = [], records = 0
        for entry in entries {
            guard case .map(let first)? = entry["emotions"], case .map(let second)? = entry["emotions-after"] else { continue }
            let pairs = first.compactMap { pair -> (Double, Double)? in
                guard let start = pair.value.number, let end = second.first(where: { $0.key == pair.key })?.value.number else { return nil }
                return (start, end)
            }
            guard !pairs.isEmpty else { continue }
            records += 1
            before += pairs.map(\.0)
            after += pairs.map(\.1)
        }
        guard records > 0, let start = average(before), let end = average(after) else { return nil }
        return EmotionChange(before: start, after: end, records: records)
    }

    static func average(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }
}
