internal import Yams

/// Decides what a YAML scalar means, by the YAML 1.2 core schema plus Between's dates.
///
/// Why not Yams' resolver: it follows YAML 1.1, where `yes`, `no`, `on` and `off`
/// are booleans (so `mood: on` or a country code `NO` would change meaning) and
/// zone-less timestamps become UTC instants. Obsidian and most current tools read
/// YAML 1.2. So: only `true`/`false` (any of the three spellings) are booleans.
enum YAMLScalarResolver {
    /// Quoted, literal and folded scalars are always text, as is anything tagged
    /// `!!str` or `!`; other tags are ignored (nothing is ever constructed from a tag).
    static func value(of scalar: Node.Scalar) -> FieldValue {
        guard scalar.style == .plain || scalar.style == .any else { return .string(scalar.string) }
        let tag = scalar.tag.rawValue
        if tag == Tag.Name.str.rawValue || tag == Tag.Name.nonSpecific.rawValue { return .string(scalar.string) }
        return resolvePlain(scalar.string)
    }

    /// The meaning of an unquoted scalar.
    ///
    /// Numbers too large for their type become the next wider type when that holds
    /// them exactly enough (a huge integer becomes a Double), else stay text: `1e400`
    /// is kept as the string "1e400" so validation can say it is too large, rather
    /// than silently becoming infinity.
    static func resolvePlain(_ text: String) -> FieldValue {
        // Most values are words ("work", "thought-record"): a letter that cannot
        // start null, true, false or a date settles it without further tests.
        if let first = text.utf8.first, isPlainWordStart(first) { return .string(text) }
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .double(.infinity)
        case "-.inf", "-.Inf", "-.INF": return .double(-.infinity)
        case ".nan", ".NaN", ".NAN": return .double(.nan)
        default: break
        }
        let bytes = Array(text.utf8)
        if let number = integer(text, bytes) ?? decimal(text, bytes) { return number }
        if DateParser.looksLikeDate(text), let date = try? DateParser.parse(text) { return .date(date) }
        return .string(text)
    }

    /// `[-+]?[0-9]+`, `0x[0-9a-fA-F]+`, `0o[0-7]+`.
    private static func integer(_ text: String, _ bytes: [UInt8]) -> FieldValue? {
        if bytes.count > 2, bytes[0] == UInt8(ascii: "0"), bytes[1] == UInt8(ascii: "x") || bytes[1] == UInt8(ascii: "o") {
            let radix = bytes[1] == UInt8(ascii: "x") ? 16 : 8
            let digits = text.dropFirst(2)
            guard digits.utf8.allSatisfy({ isDigit($0, radix: radix) }) else { return nil }
            return Int(digits, radix: radix).map(FieldValue.int) ?? .string(text)
        }
        let unsigned = bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+") ? bytes.dropFirst() : bytes[...]
        guard !unsigned.isEmpty, unsigned.allSatisfy({ isDigit($0, radix: 10) }) else { return nil }
        if let value = Int(text) { return .int(value) }
        return finiteDouble(text)
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?` (integers are caught first).
    private static func decimal(_ text: String, _ bytes: [UInt8]) -> FieldValue? {
        var index = 0
        func digits() -> Int {
            let start = index
            while index < bytes.count, isDigit(bytes[index], radix: 10) { index += 1 }
            return index - start
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
        var mantissa = digits()
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            mantissa += digits()
        }
        guard mantissa > 0 else { return nil }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
            guard digits() > 0 else { return nil }
        }
        guard index == bytes.count else { return nil }
        return finiteDouble(text)
    }

    private static func isPlainWordStart(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"): false
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): true
        default: false
        }
    }

    private static func finiteDouble(_ text: String) -> FieldValue {
        guard let value = Double(text), value.isFinite else { return .string(text) }
        return .double(value)
    }

    private static func isDigit(_ byte: UInt8, radix: Int) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "7"): true
        case UInt8(ascii: "8"), UInt8(ascii: "9"): radix >= 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"), UInt8(ascii: "A")...UInt8(ascii: "F"): radix == 16
        default: false
        }
    }
}
