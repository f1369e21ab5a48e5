/// What a known front-matter field may hold; drives validation and the JSON Schema.
public enum FieldKind: Sendable, Hashable {
    /// A number in a range (decimals allowed, e.g. `mood: 6.5`).
    case rating(ClosedRange<Int>)
    /// A whole number in a range (e.g. minutes).
    case wholeNumber(ClosedRange<Int>)
    /// A date or date-time (see `DateParser`).
    case date
    /// Free text.
    case text
    /// `true` or `false`.
    case bool
    /// A list of words or phrases; a single value is taken as a one-item list.
    case textList
    /// Named ratings, e.g. `emotions: {anxious: 80}` or `urges: {avoid: 3}`.
    case ratingMap(ClosedRange<Int>)
    /// One of a fixed set of words.
    case choice([String])
    /// How often an assignment is practised: `daily`, `weekdays`, `N/week`, `N/day`, `once`, `as-needed`.
    case frequency
    /// Questionnaire answers: a list of 0–3 numbers, as many as the instrument has items.
    case measureItems
    /// The id of a `homework` assignment.
    case homeworkID
}

/// One known field: its name, what it holds, and what it means (for messages and the schema).
public struct FieldSpec: Sendable, Hashable {
    public var name: String
    public var kind: FieldKind
    /// A short plain-English description, e.g. "0–100, how distressing it felt".
    public var summary: String

    public init(_ name: String, _ kind: FieldKind, _ summary: String) {
        self.name = name
        self.kind = kind
        self.summary = summary
    }
}

extension FieldKind {
    /// Ratings and whole numbers.
    var isNumber: Bool {
        switch self {
        case .rating, .wholeNumber: true
        default: false
        }
    }

    /// Whether `value` is what a field of this kind holds, or near enough to be meant as
    /// one (a blank, a number in quotes for a number), without judging its range: what
    /// tells a misspelt field (`distres: 60`) from a key of one's own that happens to be
    /// close to a field's name (`food: pasta` is not `mood`).
    func accepts(_ value: FieldValue) -> Bool {
        switch (self, value) {
        case (_, .null): true
        case (.rating, _), (.wholeNumber, _): value.number != nil || value.text.flatMap(FieldNormalizer.number(writtenAsText:)) != nil
        case (.date, .date): true
        case (.date, .string(let text)): (try? DateParser.parse(text)) != nil
        case (.text, .list), (.text, .map), (.textList, .map): false
        case (.text, _), (.textList, _): true
        case (.homeworkID, .string), (.homeworkID, .int): true
        case (.bool, .bool), (.ratingMap, .map), (.measureItems, .list): true
        case (.choice(let choices), _): value.text.map { choices.contains($0.lowercased()) } ?? false
        case (.frequency, _): value.text.flatMap(Frequency.init) != nil
        default: false
        }
    }
}
