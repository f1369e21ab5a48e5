import Foundation

/// Reads a leading JSON object (Hugo's JSON front matter) with Foundation's decoder.
///
/// Top-level keys keep their written order and positions (from `JSONObjectScanner`);
/// nested objects come back from the decoder as dictionaries, so their keys are
/// sorted. JSON has no date type, so a string that is a valid date (`"2026-11-20"`)
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
        var seen: [String: Int] = [:]
        for key in scan.keys {
            if let first = seen[key.name] {
                return .failed("the key '\(key.name)' is written twice in the front matter (first on line "
                               + "\(position(first).line)); keep one of them", at: position(key.keyOffset))
            }
            seen[key.name] = key.keyOffset
        }
        // Each comma separates two values: refuse before the decoder builds them all.
        if scan.commaCount >= FrontMatterParser.maximumValues {
            return .failed("front matter has more than \(FrontMatterParser.maximumValues) values; Between stops here", at: position(0))
        }
        let data = quotingHugeNumbers(object, scan.hugeNumbers)
        guard let decoded = try? JSONDecoder().decode(JSONFrontMatterValue.self, from: data),
              case .object(let members) = decoded else {
            let problem = syntaxProblem(data)
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
        for name in members.keys.sorted() where seen[name] == nil {
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

    /// The decoder only says "not valid JSON"; JSONSerialization says what and where
    /// ("Invalid value around character 19.").
    private static func syntaxProblem(_ data: Data) -> (detail: String?, offset: Int?) {
        do {
            _ = try JSONSerialization.jsonObject(with: data)
            return (nil, nil)
        } catch {
            guard var detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String else { return (nil, nil) }
            var offset: Int?
            if let range = detail.range(of: " around character ") {
                offset = Int(detail[range.upperBound...].prefix { $0.isNumber })
                detail = String(detail[..<range.lowerBound])
            }
            return (detail.prefix(1).lowercased() + detail.dropFirst(), offset)
        }
    }
}

/// A JSON value as the decoder gives it.
private indirect enum JSONFrontMatterValue: Decodable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONFrontMatterValue])
    case object([String: JSONFrontMatterValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        // Each wrong guess costs the decoder a thrown error: text first, since most
        // front-matter values (and list items) are text, then numbers. The decoder never
        // turns one JSON type into another (`true` is no Int, `1` no Bool or text).
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode(Int.self) { self = .int(value) }
        else if let value = try? container.decode(Double.self) { self = .double(value) }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode([JSONFrontMatterValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONFrontMatterValue].self)) }
    }
}

/// Turns decoded JSON into `FieldValue`, counting values against the limit.
private struct JSONValueConverter {
    private var count = 0
    private(set) var overflowed = false

    /// Nil once the value limit is passed. Depth is already bounded by the scan.
    mutating func convert(_ value: JSONFrontMatterValue) -> FieldValue? {
        count += 1
        guard count <= FrontMatterParser.maximumValues else {
            overflowed = true
            return nil
        }
        switch value {
        case .null: return .null
        case .bool(let flag): return .bool(flag)
        case .int(let number): return .int(number)
        case .double(let number): return .double(number)
        case .string(let text):
            if DateParser.looksLikeDate(text), let date = try? DateParser.parse(text) { return .date(date) }
            return .string(text)
        case .array(let items):
            var list: [FieldValue] = []
            for item in items {
                guard let converted = convert(item) else { return nil }
                list.append(converted)
            }
            return .list(list)
        case .object(let members):
            var pairs: [FieldPair] = []
            for key in members.keys.sorted() {
                guard let converted = convert(members[key]!) else { return nil }
                pairs.append(FieldPair(key: key, value: converted))
            }
            return .map(pairs)
        }
    }
}
