import BetweenCore
import BetweenIndex

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
    /// Who the digest is for: private entries are left out unless it is the person
    /// (`--include-private`). The builder applies it (`Audience.admits`).
    public var audience: Audience
    /// Whether private entries are included: the audience is the person.
    public var includePrivate: Bool {
        get { audience.includesPrivate }
        set { audience = Audience(includingPrivate: newValue) }
    }
    /// Notes of the vault that couldn't be read at all, so are in no section (of any period: their dates are unknown).
    public var unreadable: Int
    /// What the vault's entry templates write, never quoted as the person's words
    /// (nil: the built-in templates').
    public var templateText: TemplateText?
    /// The day it is: homework isn't expected on the period's days after it (nil: on every day).
    public var today: EntryDate?
    /// The `once` assignments practised before the period (in entries this audience sees):
    /// done, they are not asked for again.
    public var doneBefore: Set<String>

    public init(period: DigestPeriod, entries: [Entry], assignments: [Entry], earlierMeasures: [Entry] = [],
                nextSession: EntryDate? = nil, config: VaultConfig = VaultConfig(), includePrivate: Bool = false,
                unreadable: Int = 0, templateText: TemplateText? = nil, today: EntryDate? = nil, doneBefore: Set<String> = []) {
        self.period = period
        self.entries = entries
        self.assignments = assignments
        self.earlierMeasures = earlierMeasures
        self.nextSession = nextSession
        self.config = config
        self.audience = Audience(includingPrivate: includePrivate)
        self.unreadable = unreadable
        self.templateText = templateText
        self.today = today
        self.doneBefore = doneBefore
    }
}

extension DigestInput {
    /// Reads what a digest of `period` for `audience` needs from the index, and with
    /// `templates` what the vault's entry templates write (a homework table quotes nothing
    /// and doesn't need it), one entry at a time, each as a digest keeps it (`DigestEntries`).
    /// `today` is the local day (`LocalClock`): no practice is expected after it.
    public static func read(from index: Index, period: DigestPeriod, audience: Audience, today: EntryDate,
                            templates: Bool = true) throws -> DigestInput {
        let entries = try DigestEntries.read(from: index, matching: .days(from: period.start, through: period.end)
                                                 && .excludingTypes([.homework, .note, .safetyPlan]), order: .date)
        let assignments = try DigestEntries.read(from: index, matching: .type(.homework))
        var doneBefore: Set<String> = []
        for assignment in HomeworkProgressBuilder.active(assignments) where assignment.text("frequency").flatMap(Frequency.init) == .once {
            if let id = assignment.homeworkID, try practised(id, before: period.start, in: index, audience: audience) { doneBefore.insert(id) }
        }
        var earlier: [Entry] = []
        for instrument in Instrument.allCases {
            let found = try DigestEntries.read(from: index, matching: .type(.measure) && .before(period.start) && .visible(to: audience)
                                                   && .fieldText("instrument", equals: instrument.rawValue), order: .newestFirst)
            if let latest = found.first(where: { MeasureScore($0) != nil }) { earlier.append(latest) }
        }
        // The session note that says when the next one is: the latest up to the period's
        // end (a private one only for an audience that sees private entries).
        let sessions = try DigestEntries.read(from: index, matching: .type(.session) && .through(period.end) && .visible(to: audience),
                                              order: .newestFirst, limit: 1)
        let next = sessions.first.flatMap { session -> EntryDate? in
            switch session["next"] {
            case .date(let date)?: date
            case .string(let text)?: try? DateParser.parse(text)
            default: nil
            }
        }.flatMap { $0.dayNumber >= period.end.dayNumber ? $0 : nil }
        let vault = index.vault
        return DigestInput(period: period, entries: entries, assignments: assignments, earlierMeasures: earlier,
                           nextSession: next, config: vault.config, includePrivate: audience.includesPrivate,
                           unreadable: try index.unreadableCount(),
                           templateText: templates ? TemplateText(store: TemplateStore(vault: vault), crisisLine: vault.config.crisisLine) : nil,
                           today: today, doneBefore: doneBefore)
    }

    /// Whether the assignment `id` was practised (an entry not flagged `skipped`) before
    /// `day`, in an entry `audience` sees.
    static func practised(_ id: String, before day: EntryDate, in index: Index, audience: Audience) throws -> Bool {
        let candidates = try index.entries(matching: .before(day) && .visible(to: audience) && .fieldText("homework", equals: id))
        return !(HomeworkProgressBuilder.practice(candidates.filter { $0.type != .homework })[id] ?? []).isEmpty
    }
}
