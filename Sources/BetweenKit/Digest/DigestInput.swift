import BetweenCore
import BetweenIndex
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
    /// The `next:` day of the latest session note on or before the period's last day.
    public var nextSession: EntryDate?
    public var config: VaultConfig
    public var includePrivate: Bool
    /// Notes of the vault that couldn't be read at all, so are in no section (of any period: their dates are unknown).
    public var unreadable: Int
    /// What the vault's entry templates write, never quoted as the person's words
    /// (nil: the built-in templates').
    public var templateText: TemplateText?

    public init(period: DigestPeriod, entries: [Entry], assignments: [Entry], earlierMeasures: [Entry] = [],
                nextSession: EntryDate? = nil, config: VaultConfig = VaultConfig(), includePrivate: Bool = false,
                unreadable: Int = 0, templateText: TemplateText? = nil) {
        self.period = period
        self.entries = entries
        self.assignments = assignments
        self.earlierMeasures = earlierMeasures
        self.nextSession = nextSession
        self.config = config
        self.includePrivate = includePrivate
        self.unreadable = unreadable
        self.templateText = templateText
    }
}

extension Index {
    /// Reads what a digest of `period` needs from the index, and with `templates` what the
    /// vault's entry templates write (a homework table quotes nothing and doesn't need it),
    /// one entry at a time, each as a digest keeps it (`DigestEntries`).
    public func digestInput(for period: DigestPeriod, includePrivate: Bool, templates: Bool = true) throws -> DigestInput {
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
        // The session note that says when the next one is: the latest up to the period's
        // end (a private one only when private entries are included).
        let sessions = try digestEntries(matching: RecordFilter(
            sql: "r.type = 'session' AND r.day <= ? AND r.private <= ?", arguments: [period.end.dayString, includePrivate]),
            order: RecordFilter(sql: "r.sort_key DESC"), limit: 1)
        let next = sessions.first.flatMap { session -> EntryDate? in
            switch session["next"] {
            case .date(let date)?: date
            case .string(let text)?: try? DateParser.parse(text)
            default: nil
            }
        }.flatMap { $0.dayNumber >= period.end.dayNumber ? $0 : nil }
        return DigestInput(period: period, entries: entries, assignments: assignments, earlierMeasures: earlier,
                           nextSession: next, config: vault.config, includePrivate: includePrivate,
                           unreadable: try unreadableCount(),
                           templateText: templates ? TemplateText(store: TemplateStore(vault: vault), crisisLine: vault.config.crisisLine) : nil)
    }

    /// Days of the session notes, for resolving periods. Without `includePrivate`, private
    /// session notes don't count: a shared digest must not start at (and print the date
    /// of) a session the person kept private.
    public func sessionDays(includePrivate: Bool) throws -> [EntryDate] {
        try read { db in
            try String.fetchAll(db, sql: """
                SELECT DISTINCT day FROM record WHERE type = 'session' AND day IS NOT NULL AND private <= ? ORDER BY day
                """, arguments: [includePrivate])
        }.compactMap { try? DateParser.parse($0) }
    }
}
