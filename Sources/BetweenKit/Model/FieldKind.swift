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
