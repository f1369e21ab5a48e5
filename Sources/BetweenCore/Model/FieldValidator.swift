/// Checks known front-matter fields against their `FieldKind`.
///
/// Blank values (`mood:` with nothing after it, as templates leave them) are
/// "not filled in", never an error. Unknown keys are not checked at all.
struct FieldValidator {
    let path: String
    /// Where the front matter starts, for problems without a better position.
    let fallback: SourcePosition

    /// Years a note's dates can plausibly have; outside them is almost surely a typo
    /// (`0226-11-20`), which would otherwise file the entry centuries away from its period.
    static let plausibleYears = 1900...2100

    private func checkYear(_ date: EntryDate, name: String, at position: SourcePosition) -> [Diagnostic] {
        guard !Self.plausibleYears.contains(date.year) else { return [] }
        return [.warning("\(name) is in the year \(date.year); is that a typo? Between keeps it as written, "
                         + "so this entry is filed in that year", in: path, at: position)]
    }

    /// Diagnostics for one field of a record of `type`.
    func check(_ pair: FieldPair, as spec: FieldSpec) -> [Diagnostic] {
        let at = pair.valuePosition ?? pair.keyPosition ?? fallback
        let name = MessageText.excerpt(pair.key)
        switch (spec.kind, pair.value) {
        case (_, .null):
            return []
        case (.rating(let range), let value), (.wholeNumber(let range), let value):
            let whole = if case .wholeNumber = spec.kind { true } else { false }
            return checkNumber(value, name: name, range: range, whole: whole, at: at).map { [$0] } ?? []
        case (.date, .date(let date)):
            return checkYear(date, name: name, at: at)
        case (.date, let value):
            guard let text = value.text else {
                return [error("\(name) should be a date like 2026-11-20 or 2026-11-20 19:30, but it is \(value.kindDescription)", at)]
            }
            do {
                return checkYear(try DateParser.parse(text), name: name, at: at)
            } catch {
                return [self.error("\(name): \(error)", at)]
            }
        case (.text, .list), (.text, .map):
            return [error("\(name) should be text, but it is \(pair.value.kindDescription)", at)]
        case (.text, _), (.homeworkID, .string), (.homeworkID, .int):
            return []
        case (.homeworkID, let value):
            return [error("homework should be the id of an assignment (its file name), but it is \(value.kindDescription)", at)]
        case (.bool, .bool):
            return []
        case (.bool, let value):
            return [error("\(name) should be true or false, but it is \(describe(value))", at)]
        case (.textList, .list(let items)):
            return items.contains { if case .list = $0 { true } else if case .map = $0 { true } else { false } }
                ? [error("\(name) should be a list of words, e.g. [triggered, win], but it holds nested lists or maps", at)]
                : []
        case (.textList, .map):
            return [error("\(name) should be a list of words, e.g. [triggered, win], but it is a set of named values", at)]
        case (.textList, _):
            return []
        case (.ratingMap(let range), .map(let pairs)):
            return pairs.compactMap { inner in
                checkNumber(inner.value, name: "\(name).\(MessageText.excerpt(inner.key))", range: range, whole: false,
                            at: inner.valuePosition ?? at)
            }
        case (.ratingMap(let range), let value):
            return [error("\(name) should list each one with a number from \(range.lowerBound) to \(range.upperBound), e.g. `\(name): {anxious: 70}`, but it is \(value.kindDescription)", at)]
        case (.choice(let choices), let value):
            guard let text = value.text, choices.contains(text.lowercased()) else {
                return [error("\(name) should be one of \(choices.joined(separator: ", ")), but it is \(describe(value))", at)]
            }
            return []
        case (.frequency, let value):
            guard let text = value.text, Frequency(text) != nil else {
                return [error("frequency should be daily, weekdays, N/week, N/day, once or as-needed (e.g. 3/week), but it is \(describe(value))", at)]
            }
            return []
        case (.measureItems, .list(let items)):
            // A blank answer is not yet given, not wrong: MeasureCheck says which are missing.
            // Answers in quotes are read as numbers; one warning says so for all of them.
            let problems = items.enumerated().compactMap { index, item in
                item == .null ? nil : checkNumber(item, name: "answer \(index + 1) in items", range: 0...3, whole: true, at: at,
                                                  quotesWarned: true)
            }
            let quoted = items.compactMap { item in
                if case .string(let text) = item, FieldNormalizer.number(writtenAsText: text) != nil { text } else { nil }
            }
            guard !quoted.isEmpty else { return problems }
            let shown = quoted.prefix(3).map { "\"\(MessageText.excerpt($0))\"" }.joined(separator: ", ") + (quoted.count > 3 ? ", …" : "")
            return [.warning("\(quoted.count == 1 ? "an answer" : "\(quoted.count) answers") in items \(quoted.count == 1 ? "is" : "are") written as text (\(shown)); remove the quotes (Between reads \(quoted.count == 1 ? "it as a number" : "them as numbers") all the same)",
                             in: path, at: at)] + problems
        case (.measureItems, let value):
            return [error("items should be the list of answers, each 0–3, e.g. [1, 2, 0, 1, 1, 0, 2, 1, 0], but it is \(value.kindDescription)", at)]
        }
    }

    /// A problem with a number field's value, if it has one. A number written as text
    /// (`"60"`) is read as that number (`FieldNormalizer`): the quotes get a warning unless
    /// `quotesWarned` (the caller says so once for many), a wrong number an error that
    /// mentions them.
    private func checkNumber(_ value: FieldValue, name: String, range: ClosedRange<Int>, whole: Bool,
                             at position: SourcePosition, quotesWarned: Bool = false) -> Diagnostic? {
        let expected = "a \(whole ? "whole " : "")number from \(range.lowerBound) to \(range.upperBound)"
        if case .string(let text) = value, let number = FieldNormalizer.number(writtenAsText: text) {
            if var problem = checkNumber(number, name: name, range: range, whole: whole, at: position) {
                problem.message += " (written as text, \"\(MessageText.excerpt(text))\": remove the quotes too)"
                return problem
            }
            return quotesWarned ? nil : .warning(
                "\(name) is written as text (\"\(MessageText.excerpt(text))\"); remove the quotes so it is a number "
                + "(Between reads it as \(describe(number)) all the same)", in: path, at: position)
        }
        guard let number = value.number else {
            if case .string(let text) = value, Double(text) != nil {
                return error("\(name) should be \(expected), but \(MessageText.excerpt(text)) is far too large", position)
            }
            return error("\(name) should be \(expected), but it is \(describe(value))", position)
        }
        guard number.isFinite else {
            return error("\(name) should be \(expected), but it is \(describe(value))", position)
        }
        if whole, number.rounded() != number {
            return error("\(name) should be \(expected), but it is \(describe(value))", position)
        }
        guard number >= Double(range.lowerBound), number <= Double(range.upperBound) else {
            return error("\(name) should be \(expected), but it is \(describe(value))", position)
        }
        return nil
    }

    /// A value quoted the way the person wrote it, for messages.
    private func describe(_ value: FieldValue) -> String {
        switch value {
        case .string(let text): MessageText.quoted(text)
        case .double(let number) where number.isNaN: ".nan (not a number)"
        case .double(let number) where number.isInfinite: "infinite"
        case .list, .map, .null: value.kindDescription
        default: value.text.map(MessageText.excerpt) ?? value.kindDescription
        }
    }

    private func error(_ message: String, _ position: SourcePosition) -> Diagnostic {
        .error(message, in: path, at: position)
    }
}
