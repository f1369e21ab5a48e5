import Foundation

/// Reads a leading JSON object (Hugo's JSON front matter) with Foundation's `JSONSerialization`.
///
/// Top-level keys keep their written order and positions (from `JSONObjectScanner`);
/// nested objects come back as dictionaries, so their keys are sorted. (`JSONDecoder`
/// into a `Decodable` enum read the same values five times slower: it throws an error
/// for every wrong guess of a value's type.) JSON has no date type, so a string that is a valid date (`"2026-11-20"`)
/// becomes a date, as Hugo reads it; `"2026-13-45"` stays text for validation to report.
enum JSONFrontMatter {
    static func read(_ object: ArraySlice<UInt8>, firstLine: Int, firstColumn: Int) -> FrontMatterReading {
        let scan = JSONObjectScanner(object)
        func position(_ offset: Int) -> SourcePosition {
            FrontMatterText.position(of: offset, in: object, firstLine: firstLine, firstColumn: firstColumn)
        }
        if let deep = scan.tooDeepOffset {
            return .failed("front matter is nested more than \(FrontMatterParser.maximumDepth) levels deep; Between stops here",
                           at: position(deep))
        }
        // Any object, at any depth: a parser would keep one of the two values silently.
        if let repeated = scan.repeatedKey {
            return .failed("the key \(MessageText.quoted(repeated.name)) is written twice in \(repeated.isTopLevel ? "the front matter" : "one object")"
                           + " (first on line \(position(repeated.firstOffset).line)); keep one of them", at: position(repeated.offset))
        }
        let seen = Set(scan.keys.map(\.name))
        // Refused before the decoder builds them all, where the count passes the limit.
        if let offset = scan.tooManyValuesOffset {
            return .failed("front matter has more than \(FrontMatterParser.maximumValues) values; Between stops here", at: position(offset))
        }
        let members: [String: Any]
        do {
            // The splitter only calls this for text starting with `{`, so a value is an object.
            members = try JSONSerialization.jsonObject(with: quotingHugeNumbers(object, scan.hugeNumbers)) as? [String: Any] ?? [:]
        } catch {
            let problem = syntaxProblem(error)
            return .failed("front matter is not valid JSON\(problem.detail.map { " (\($0))" } ?? ""); "
                           + "check for a missing or extra comma, an unclosed quote, or text without quotes",
                           at: position(problem.offset ?? 0))
        }
        var converter = JSONValueConverter()
        var fields: [FieldPair] = []
        // Key and value offsets alternate in ascending order: one pass finds all positions.
        let places = FrontMatterText.positions(of: scan.keys.flatMap { [$0.keyOffset, $0.valueOffset] }, in: object,
                                               firstLine: firstLine, firstColumn: firstColumn)
        for (number, key) in scan.keys.enumerated() {
            guard let value = members[key.name], let converted = converter.convert(value) else { continue }
            fields.append(FieldPair(key: key.name, value: converted, keyPosition: places[2 * number],
                                    valuePosition: places[2 * number + 1]))
        }
        // Keys the scan could not name (it decodes escapes the same way, so this is a safety net).
        for name in members.keys.sorted() where !seen.contains(name) {
            if let converted = converter.convert(members[name]!) { fields.append(FieldPair(key: name, value: converted)) }
        }
        if converter.overflowed {
            return .failed("front matter has more than \(FrontMatterParser.maximumValues) values; Between stops here", at: position(0))
        }
        return FrontMatterReading(fields: fields, diagnostics: [])
    }

    /// `1e400` overflows every number type; quoting it keeps it as text so validation
    /// can say "too large" instead of the whole object failing to decode.
    private static func quotingHugeNumbers(_ object: ArraySlice<UInt8>, _ ranges: [Range<Int>]) -> Data {
        guard !ranges.isEmpty else { return Data(object) }
        var result = Data()
        var cursor = 0
        let bytes = Array(object)
        for range in ranges {
            result.append(contentsOf: bytes[cursor..<range.lowerBound])
            result.append(UInt8(ascii: "\""))
            result.append(contentsOf: bytes[range])
            result.append(UInt8(ascii: "\""))
            cursor = range.upperBound
        }
        result.append(contentsOf: bytes[cursor...])
        return result
    }

    /// What JSONSerialization says is wrong and where ("Invalid value around character 19.").
    private static func syntaxProblem(_ error: any Error) -> (detail: String?, offset: Int?) {
        guard var detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String else { return (nil, nil) }
        var offset: Int?
        if let range = detail.range(of: " around character ") {
            offset = Int(detail[range.upperBound...].prefix { $0.isNumber })
            detail = String(detail[..<range.lowerBound])
        }
        // Inside the message's parentheses: no full stop of its own.
        while detail.hasSuffix(".") || detail.hasSuffix(" ") { detail.removeLast() }
        return (detail.prefix(1).lowercased() + detail.dropFirst(), offset)
    }
}

/// Turns what JSONSerialization returns into `FieldValue`, counting values against the limit.
private struct JSONValueConverter {
    private var count = 0
    private(set) var overflowed = false

    /// Nil once the value limit is passed. Depth is already bounded by the scan.
    mutating func convert(_ value: Any) -> FieldValue? {
        count += 1
        guard count <= FrontMatterParser.maximumValues else {
            overflowed = true
            return nil
        }
        switch value {
        case let text as String:
            if DateParser.looksLikeDate(text), let date = try? DateParser.parse(text) { return .date(date) }
            return .string(text)
        case let number as NSNumber:
            return Self.number(number)
        case let items as [Any]:
            var list: [FieldValue] = []
            for item in items {
                guard let converted = convert(item) else { return nil }
                list.append(converted)
            }
            return .list(list)
        case let members as [String: Any]:
            var pairs: [FieldPair] = []
            for key in members.keys.sorted() {
                guard let converted = convert(members[key]!) else { return nil }
                pairs.append(FieldPair(key: key, value: converted))
            }
            return .map(pairs)
        default: // NSNull
            return .null
        }
    }

    /// `true`/`false` come back as Foundation's boolean number class, never as 1 or 0.
    private static let booleanClass = ObjectIdentifier(type(of: NSNumber(value: true)))

    /// A Bool for `true`/`false`; an Int for a whole number that fits, however written
    /// (`1`, `1.0`, `1e2`); a Double for anything else.
    private static func number(_ number: NSNumber) -> FieldValue {
        if ObjectIdentifier(type(of: number)) == booleanClass { return .bool(number.boolValue) }
        switch UInt8(bitPattern: number.objCType.pointee) {
        case UInt8(ascii: "d"), UInt8(ascii: "f"):
            let value = number.doubleValue
            // ±2^63 and beyond don't fit, though -2^63 itself converts.
            if abs(value) < 0x1p63, let whole = Int(exactly: value) { return .int(whole) }
            return .double(value)
        case UInt8(ascii: "Q"): // above Int.max
            return .double(number.doubleValue)
        default:
            return .int(number.intValue)
        }
    }
}
