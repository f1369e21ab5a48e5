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
        guard case .list(let items) = itemsPair.value, items.count != instrument.itemCount else { return [] }
        return [.error("\(instrument.displayName) has \(instrument.itemCount) questions, but items lists \(items.count) answer\(items.count == 1 ? "" : "s"); it can't be scored until there is one answer (0–3) for each question",
                       in: path, at: itemsPair.valuePosition ?? itemsPair.keyPosition ?? fallback)]
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
        guard entry.type == .measure, let name = entry.text("instrument"),
              let instrument = Instrument(rawValue: name.lowercased()),
              case .list(let values)? = entry["items"], values.count == instrument.itemCount else { return nil }
        var answers: [Int] = []
        for value in values {
            guard let number = value.number, number.rounded() == number, (0...3).contains(number) else { return nil }
            answers.append(Int(number))
        }
        self.instrument = instrument
        self.items = answers
        self.total = answers.reduce(0, +)
        self.band = instrument.band(for: total)
    }
}
