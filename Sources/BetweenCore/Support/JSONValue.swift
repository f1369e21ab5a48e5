/// A JSON value with object keys in a chosen order, so output is stable and readable.
public indirect enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case integer(Int)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.serialized() == rhs.serialized()
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(serialized())
    }

    /// Compact JSON text (one line), or indented with two spaces when `pretty`.
    public func serialized(pretty: Bool = false) -> String {
        var output = ""
        write(to: &output, pretty: pretty, indent: 0)
        return output
    }

    /// Writes an array one element at a time, each piece the text `serialized(pretty:)`
    /// of the whole array would have there: a long result is printed as it is read.
    public struct ArrayWriter: Sendable {
        let pretty: Bool
        private var count = 0

        public init(pretty: Bool) {
            self.pretty = pretty
        }

        /// The text for the next element (with the opening bracket or the comma before it).
        public mutating func element(_ value: JSONValue) -> String {
            var output = count == 0 ? "[" : ","
            if pretty { output += "\n  " }
            value.write(to: &output, pretty: pretty, indent: 1)
            count += 1
            return output
        }

        /// The text that closes the array (all of it when there was no element).
        public func end() -> String {
            count == 0 ? "[]" : pretty ? "\n]" : "]"
        }
    }

    private func write(to output: inout String, pretty: Bool, indent: Int) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .integer(let value): output += String(value)
        case .number(let value): output += JSONValue.format(value)
        case .string(let value): JSONValue.quote(value, into: &output)
        case .array(let items):
            guard !items.isEmpty else { output += "[]"; return }
            output += "["
            for (index, item) in items.enumerated() {
                if index > 0 { output += "," }
                if pretty { output += "\n" + String(repeating: "  ", count: indent + 1) }
                item.write(to: &output, pretty: pretty, indent: indent + 1)
            }
            if pretty { output += "\n" + String(repeating: "  ", count: indent) }
            output += "]"
        case .object(let pairs):
            guard !pairs.isEmpty else { output += "{}"; return }
            output += "{"
            for (index, (key, value)) in pairs.enumerated() {
                if index > 0 { output += "," }
                if pretty { output += "\n" + String(repeating: "  ", count: indent + 1) }
                JSONValue.quote(key, into: &output)
                output += pretty ? ": " : ":"
                value.write(to: &output, pretty: pretty, indent: indent + 1)
            }
            if pretty { output += "\n" + String(repeating: "  ", count: indent) }
            output += "}"
        }
    }

    /// Numbers: integral values without a fraction; JSON has no NaN or infinity, so those are null.
    private static func format(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value.rounded() == value, abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }

    private static func quote(_ text: String, into output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            // Every control character (`TerminalText.isControl`: C0, DEL, C1, line and paragraph
            // separators, bidi controls) as `\uXXXX`: the text is exact once decoded, and JSON
            // printed to a terminal can't carry an escape sequence or reorder what it shows.
            case let control where TerminalText.isControl(control):
                output += "\\u" + control.value.zeroPadded(to: 4, radix: 16)
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
