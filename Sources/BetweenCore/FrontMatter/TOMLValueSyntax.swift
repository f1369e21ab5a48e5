/// The exact forms of TOML 1.0's unquoted values: booleans, integers, floats,
/// dates and times. Only the form is checked; toml++ checks ranges (month 13)
/// and reports them itself.
enum TOMLValueSyntax {
    static func isValid(_ token: ArraySlice<UInt8>) -> Bool {
        let text = Array(token)
        if text.elementsEqual("true".utf8) || text.elementsEqual("false".utf8) { return true }
        let forms: [(inout Matcher) -> Bool] = [
            { $0.special() }, { $0.prefixedInteger() }, { $0.dateOrTime() }, { $0.decimal() },
        ]
        return forms.contains { form in
            var matcher = Matcher(text)
            return form(&matcher) && matcher.atEnd
        }
    }

    static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
    }

    static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}

/// A forward matcher over one token.
private struct Matcher {
    private let bytes: [UInt8]
    private var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { index == bytes.count }

    /// `inf`, `nan`, with an optional sign.
    mutating func special() -> Bool {
        _ = sign()
        return word("inf") || word("nan")
    }

    /// `0x1F`, `0o17`, `0b101`, underscores only between digits.
    mutating func prefixedInteger() -> Bool {
        if word("0x") { return run(TOMLValueSyntax.isHexDigit) }
        if word("0o") { return run { (UInt8(ascii: "0")...UInt8(ascii: "7")).contains($0) } }
        if word("0b") { return run { $0 == UInt8(ascii: "0") || $0 == UInt8(ascii: "1") } }
        return false
    }

    /// `2026-11-20`, `19:30:00.5`, `2026-11-20T19:30:00`, with `Z` or `+13:00` after a date-time.
    mutating func dateOrTime() -> Bool {
        if digits(2), take(":") {
            index = 0
            return time()
        }
        index = 0
        guard digits(4), take("-"), digits(2), take("-"), digits(2) else { return false }
        if atEnd { return true }
        guard take("T") || take("t") || take(" "), time() else { return false }
        if atEnd || take("Z") || take("z") { return true }
        return (take("+") || take("-")) && digits(2) && take(":") && digits(2)
    }

    /// `-12`, `+7`, `3.25`, `1e3`, `6.02_2e2_3`; no leading zeros.
    mutating func decimal() -> Bool {
        _ = sign()
        if take("0") {
            // A lone zero; another digit would be a leading zero.
        } else {
            guard let first = peek, first >= UInt8(ascii: "1"), first <= UInt8(ascii: "9"), run(TOMLValueSyntax.isDigit) else { return false }
        }
        if take("."), !run(TOMLValueSyntax.isDigit) { return false }
        if take("e") || take("E") {
            _ = sign()
            return run(TOMLValueSyntax.isDigit)
        }
        return true
    }

    private var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func time() -> Bool {
        guard digits(2), take(":"), digits(2), take(":"), digits(2) else { return false }
        if take(".") { return run(TOMLValueSyntax.isDigit, underscores: false) }
        return true
    }

    /// One or more digits, each underscore between two digits.
    private mutating func run(_ isDigit: (UInt8) -> Bool, underscores: Bool = true) -> Bool {
        guard let first = peek, isDigit(first) else { return false }
        index += 1
        while let byte = peek {
            if isDigit(byte) {
                index += 1
            } else if underscores, byte == UInt8(ascii: "_"), index + 1 < bytes.count, isDigit(bytes[index + 1]) {
                index += 2
            } else {
                break
            }
        }
        return true
    }

    private mutating func digits(_ count: Int) -> Bool {
        guard index + count <= bytes.count, bytes[index..<(index + count)].allSatisfy(TOMLValueSyntax.isDigit) else { return false }
        index += count
        return true
    }

    private mutating func sign() -> Bool {
        take("+") || take("-")
    }

    private mutating func take(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue, peek == ascii else { return false }
        index += 1
        return true
    }

    private mutating func word(_ text: String) -> Bool {
        guard bytes[index...].starts(with: text.utf8) else { return false }
        index += text.utf8.count
        return true
    }
}
