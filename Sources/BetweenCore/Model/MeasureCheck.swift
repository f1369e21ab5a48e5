/// Checks a `measure` entry: a known instrument and the right number of answers.
enum MeasureCheck {
    static func check(_ fields: [FieldPair], path: String, fallback: SourcePosition) -> [Diagnostic] {
        let instrumentPair = fields.first { $0.key == "instrument" }
        guard let instrumentPair, instrumentPair.value != .null else {
            return [.error("a measure needs an instrument: add `instrument: phq9` or `instrument: gad7`", in: path, at: fallback)]
        }
        guard let name = instrumentPair.value.text, let instrument = Instrument(rawValue: name.lowercased()) else {
            return [] // FieldValidator already says the instrument is unknown.
        }
        guard let itemsPair = fields.first(where: { $0.key == "items" }), itemsPair.value != .null else {
            return [.warning("this \(instrument.displayName) has no answers yet; add `items:` with \(instrument.itemCount) numbers, each 0–3", in: path, at: instrumentPair.keyPosition ?? fallback)]
        }
        guard case .list(let items) = itemsPair.value else { return [] }
        guard items.count == instrument.itemCount else { return [countError(instrument, items, itemsPair, path: path, fallback: fallback)] }
        let blank = items.indices.filter { items[$0] == .null }.map { $0 + 1 }
        guard !blank.isEmpty else { return [] }
        let which = blank.count == items.count ? "none of its \(items.count) questions has an answer yet"
            : blank.count == 1 ? "question \(blank[0]) has no answer yet"
            : "questions \(blank.map(String.init).joined(separator: ", ")) have no answer yet"
        return [.warning("this \(instrument.displayName) is not scored yet: \(which); give each question an answer from 0 to 3",
                         in: path, at: itemsPair.keyPosition ?? fallback)]
    }

    private static func countError(_ instrument: Instrument, _ items: [FieldValue], _ itemsPair: FieldPair,
                                   path: String, fallback: SourcePosition) -> Diagnostic {
        .error("\(instrument.displayName) has \(instrument.itemCount) questions, but items lists \(items.count) answer\(items.count == 1 ? "" : "s"); it can't be scored until there is one answer (0–3) for each question",
               in: path, at: itemsPair.valuePosition ?? itemsPair.keyPosition ?? fallback)
    }
}

/// A scored questionnaire.
public struct MeasureScore: Sendable, Hashable {
    public var instrument: Instrument
    public var total: Int
    public var band: SeverityBand
    /// The answers as given, in order.
    public var items: [Int]

    /// Scores an entry's `instrument` and `items`, when they are complete and valid.
    public init?(_ entry: Entry) {
        guard let (instrument, values) = Self.answers(of: entry) else { return nil }
        var answers: [Int] = []
        for value in values {
            guard let answer = Self.answer(value) else { return nil }
            answers.append(answer)
        }
        self.instrument = instrument
        self.items = answers
        self.total = answers.reduce(0, +)
        self.band = instrument.band(for: total)
    }

    /// One answer as a score: a whole number from 0 to 3, else nil (blank, or not an answer).
    package static func answer(_ value: FieldValue) -> Int? {
        guard let number = value.number, number.rounded() == number, (0...3).contains(number) else { return nil }
        return Int(number)
    }

    /// A measure's instrument and its answers as written, when there is one per question
    /// (each may still be blank or invalid): what scoring, and the risk question alone, read.
    package static func answers(of entry: Entry) -> (Instrument, [FieldValue])? {
        guard entry.type == .measure, let name = entry.text("instrument"),
              let instrument = Instrument(rawValue: name.lowercased()),
              case .list(let values)? = entry["items"], values.count == instrument.itemCount else { return nil }
        return (instrument, values)
    }
}
