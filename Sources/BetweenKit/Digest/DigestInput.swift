import GRDB

/// What a digest is built from: the entries of the period and a little history.
public struct DigestInput: Sendable {
    public var period: DigestPeriod
    /// Entries whose day is in the period (private ones included: the builder decides).
    public var entries: [Entry]
    /// Every `homework` record (assignments are not dated entries).
    public var assignments: [Entry]
    /// For each instrument, the latest scored measure before the period (for "change since the last one").
    public var earlierMeasures: [Entry]
    /// Entries of the 7 days before the period, for week-on-week comparisons.
    public var weekBefore: [Entry]
    public var config: VaultConfig
    public var includePrivate: Bool

    public init(period: DigestPeriod, entries: [Entry], assignments: [Entry], earlierMeasures: [Entry] = [],
                weekBefore: [Entry] = [], config: VaultConfig = VaultConfig(), includePrivate: Bool = false) {
        self.period = period
        self.entries = entries
        self.assignments = assignments
        self.earlierMeasures = earlierMeasures
        self.weekBefore = weekBefore
        self.config = config
        self.includePrivate = includePrivate
    }
}

extension Index {
    /// Reads what a digest of `period` needs from the index, one entry at a time, each
    /// as a digest keeps it (`DigestEntries`).
    public func digestInput(for period: DigestPeriod, includePrivate: Bool) throws -> DigestInput {
        let entries = try digestEntries(matching: RecordFilter(
            sql: "r.day BETWEEN ? AND ? AND r.type NOT IN ('homework', 'note', 'safety-plan')",
            arguments: [period.start.dayString, period.end.dayString]), order: RecordFilter(sql: "r.sort_key"))
        let assignments = try digestEntries(matching: RecordFilter(sql: "r.type = 'homework'"))
        var earlier: [Entry] = []
        for instrument in Instrument.allCases {
            let found = try digestEntries(matching: RecordFilter(
                sql: """
                    r.type = 'measure' AND r.day < ? AND r.private <= ? AND EXISTS (SELECT 1 FROM field f \
                    WHERE f.recordId = r.id AND f.key = 'instrument' AND f.text = ?)
                    """,
                arguments: [period.start.dayString, includePrivate, instrument.rawValue]),
                order: RecordFilter(sql: "r.sort_key DESC"))
            if let latest = found.first(where: { MeasureScore($0) != nil }) { earlier.append(latest) }
        }
        let weekStart = EntryDate.fromDayNumber(period.start.dayNumber - 7)
        let weekBefore = try digestEntries(matching: RecordFilter(
            sql: "r.day >= ? AND r.day < ? AND r.private <= ?",
            arguments: [weekStart.dayString, period.start.dayString, includePrivate]))
        return DigestInput(period: period, entries: entries, assignments: assignments, earlierMeasures: earlier,
                           weekBefore: weekBefore, config: vault.config, includePrivate: includePrivate)
    }

    /// Days of every session note, for resolving periods.
    public func sessionDays() throws -> [EntryDate] {
        try read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT day FROM record WHERE type = 'session' AND day IS NOT NULL ORDER BY day")
        }.compactMap { try? DateParser.parse($0) }
    }
}
