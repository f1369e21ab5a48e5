/// The fields Between knows, per record type (docs/format.md#types).
///
/// Unknown keys are always allowed and kept; these are only the ones that are checked.
public enum FieldCatalog {
    /// Fields every record may have.
    public static let universal: [FieldSpec] = [
        FieldSpec("type", .choice(EntryType.names), "the kind of record"),
        FieldSpec("title", .text, "a title; defaults to the first # heading, then the file name"),
        FieldSpec("tags", .textList, "free tags, e.g. [win, sleep]"),
        FieldSpec("private", .bool, "true keeps this entry out of digests and exports unless asked for"),
    ]

    /// Fields of every log entry (and of sessions and notes): docs/format.md#fields-of-every-log-entry.
    public static let common: [FieldSpec] = [
        FieldSpec("date", .date, "when: YYYY-MM-DD or YYYY-MM-DD HH:MM (local time)"),
        FieldSpec("homework", .homeworkID, "the id of the assignment this entry practises"),
        FieldSpec("mood", .rating(0...10), "0–10, overall mood"),
        FieldSpec("distress", .rating(0...100), "0–100, how distressing it felt (SUDS)"),
        FieldSpec("helpful", .rating(0...10), "0–10, how much this helped"),
        FieldSpec("fit", .rating(0...10), "0–10, how well this homework suits me"),
        FieldSpec("functioning", .rating(0...10), "0–10, how well I managed daily life (work, sleep, chores)"),
        FieldSpec("flags", .textList, "triggered, overwhelmed, skipped, unsafe, or any word"),
    ]

    /// Fields particular to one type.
    public static func specific(to type: EntryType) -> [FieldSpec] {
        switch type {
        case .homework:
            [
                FieldSpec("id", .text, "the assignment's id; defaults to the file name"),
                FieldSpec("assigned", .date, "the day it was assigned"),
                FieldSpec("due", .date, "the day it is due"),
                FieldSpec("frequency", .frequency, "daily, weekdays, N/week, N/day, once or as-needed"),
                FieldSpec("status", .choice(["active", "paused", "done", "dropped"]), "active (default), paused, done or dropped"),
                FieldSpec("expects", .choice(EntryType.names), "the type of entry a practice produces"),
                FieldSpec("goal", .text, "what this assignment is for"),
            ]
        case .session:
            [FieldSpec("next", .date, "the date of the next session")]
        case .thoughtRecord:
            [
                FieldSpec("situation", .text, "where I was, what happened"),
                FieldSpec("emotions", .ratingMap(0...100), "each emotion and how strong, 0–100"),
                FieldSpec("emotions-after", .ratingMap(0...100), "the same emotions after the balanced thought, 0–100"),
            ]
        case .exposure:
            [
                FieldSpec("suds-before", .rating(0...100), "0–100, distress just before"),
                FieldSpec("suds-peak", .rating(0...100), "0–100, distress at its highest"),
                FieldSpec("suds-after", .rating(0...100), "0–100, distress at the end"),
                FieldSpec("minutes", .wholeNumber(0...100_000), "how long it lasted, in minutes"),
            ]
        case .activity:
            [
                FieldSpec("activity", .text, "what I did"),
                FieldSpec("mastery", .rating(0...10), "0–10, sense of achievement"),
                FieldSpec("pleasure", .rating(0...10), "0–10, enjoyment"),
            ]
        case .diaryCard:
            [
                FieldSpec("urges", .ratingMap(0...5), "each urge and how strong, 0–5"),
                FieldSpec("acted-on", .textList, "the urges I acted on, e.g. [self-harm]"),
                FieldSpec("skills", .textList, "skills I used"),
            ]
        case .measure:
            [
                FieldSpec("instrument", .choice(Instrument.allCases.map(\.rawValue)), "phq9 or gad7"),
                FieldSpec("items", .measureItems, "the answers, each 0–3: 9 for PHQ-9, 7 for GAD-7"),
            ]
        case .safetyPlan:
            [FieldSpec("date", .date, "when this plan was written or last updated")]
        case .reflection, .mood, .note:
            []
        }
    }

    /// Every field checked for a type, universal ones first.
    public static func fields(for type: EntryType) -> [FieldSpec] {
        table[type] ?? []
    }

    /// The spec of a field for a type, if Between checks it.
    public static func spec(_ name: String, for type: EntryType) -> FieldSpec? {
        lookup[type]?[name]
    }

    /// The fields that hold a number (ratings and whole numbers) in some type, in catalog order.
    public static let numberFieldNames: [String] = {
        var names: [String] = []
        for type in EntryType.allCases {
            for spec in fields(for: type) where spec.kind.isNumber && !names.contains(spec.name) { names.append(spec.name) }
        }
        return names
    }()

    /// Whether `name` is a field that holds a number in some type (`mood`, `suds-after`),
    /// or one named rating of a field of them (`emotions.anxious`, `urges.avoid`).
    public static func holdsNumber(_ name: String) -> Bool {
        if numberFieldNames.contains(name) { return true }
        guard let dot = name.firstIndex(of: "."), name.index(after: dot) != name.endIndex else { return false }
        return ratingMapNames.contains(String(name[..<dot]))
    }

    private static let ratingMapNames: Set<String> = Set(EntryType.allCases.flatMap { type in
        fields(for: type).filter { if case .ratingMap = $0.kind { true } else { false } }.map(\.name)
    })

    // Built once: validation looks fields up for every key of every file.
    private static let table: [EntryType: [FieldSpec]] = Dictionary(
        uniqueKeysWithValues: EntryType.allCases.map { ($0, build(for: $0)) })

    private static let lookup: [EntryType: [String: FieldSpec]] = table.mapValues { specs in
        Dictionary(specs.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    private static func build(for type: EntryType) -> [FieldSpec] {
        var result = universal
        if type.hasCommonFields { result += common }
        for spec in specific(to: type) where !result.contains(where: { $0.name == spec.name }) {
            result.append(spec)
        }
        return result
    }
}
