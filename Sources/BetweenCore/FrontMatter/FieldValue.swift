/// A front-matter value as plain data: what YAML, TOML and JSON have in common.
///
/// Nothing here builds objects from tags; a date is kept as the text the person
/// wrote together with its parsed form, so it can be shown exactly as written.
public indirect enum FieldValue: Sendable, Hashable, Codable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case date(EntryDate)
    case list([FieldValue])
    /// Keys in the order they were written.
    case map([FieldPair])

    /// The value as a number, when it is one (an integer or a decimal).
    public var number: Double? {
        switch self {
        case .int(let value): Double(value)
        case .double(let value): value
        default: nil
        }
    }

    /// The value as text: strings as they are, scalars in their written form.
    public var text: String? {
        switch self {
        case .string(let value): value
        case .date(let value): value.text
        case .int(let value): String(value)
        case .double(let value): String(value)
        case .bool(let value): value ? "true" : "false"
        default: nil
        }
    }

    /// A short name of the value's kind, for messages ("a list", "text").
    public var kindDescription: String {
        switch self {
        case .null: "empty"
        case .bool: "true/false"
        case .int, .double: "a number"
        case .string: "text"
        case .date: "a date"
        case .list: "a list"
        case .map: "a set of named values"
        }
    }

    /// Looks up a key in a map value; nil for other kinds.
    public subscript(key: String) -> FieldValue? {
        guard case .map(let pairs) = self else { return nil }
        return pairs.first { $0.key == key }?.value
    }
}

/// A key and its value in a front-matter map, with where the key was written.
public struct FieldPair: Sendable, Hashable, Codable {
    public var key: String
    public var value: FieldValue
    /// Position of the key in the file, when the format reports one.
    public var keyPosition: SourcePosition?
    /// Position of the value in the file, when the format reports one.
    public var valuePosition: SourcePosition?

    public init(key: String, value: FieldValue, keyPosition: SourcePosition? = nil, valuePosition: SourcePosition? = nil) {
        self.key = key
        self.value = value
        self.keyPosition = keyPosition
        self.valuePosition = valuePosition
    }

    /// Positions are where a value came from, not what it is: two pairs with
    /// the same key and value are equal wherever they were written.
    public static func == (lhs: FieldPair, rhs: FieldPair) -> Bool {
        lhs.key == rhs.key && lhs.value == rhs.value
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(key)
        hasher.combine(value)
    }
}
