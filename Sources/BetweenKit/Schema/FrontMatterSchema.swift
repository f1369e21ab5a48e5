import BetweenCore

/// `between schema`: a JSON Schema (draft 2020-12) of the front matter of every
/// record type, generated from `FieldCatalog` so it can never disagree with `check`.
///
/// The record type is chosen by `type` (`if`/`then` per type); unknown keys are
/// allowed (`additionalProperties` is left open), blank values (`null`) are allowed
/// for every field, as templates leave them.
public enum FrontMatterSchema {
    public static let identifier = "https://between.invalid/schema/front-matter.json"

    /// The schema for every type, or for one.
    public static func document(for type: EntryType? = nil) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            ("$id", .string(identifier)),
            ("title", .string(type.map { "Between \($0.rawValue) front matter" } ?? "Between front matter")),
            ("description", .string("Front matter of a Between note (YAML between --- lines). Unknown keys are allowed.")),
            ("type", .string("object")),
        ]
        if let type {
            pairs.append(("properties", properties(for: type, fixedType: true)))
            if type.isLogEntry { pairs.append(("required", .array([.string("type"), .string("date")]))) }
        } else {
            pairs.append(("properties", properties(for: .note, fixedType: false)))
            pairs.append(("allOf", .array(EntryType.allCases.filter { $0 != .note }.map { kind in
                var then: [(String, JSONValue)] = [("properties", properties(for: kind, fixedType: true))]
                if kind.isLogEntry { then.append(("required", .array([.string("date")]))) }
                return .object([
                    ("if", .object([("properties", .object([("type", .object([("const", .string(kind.rawValue))]))])),
                                    ("required", .array([.string("type")]))])),
                    ("then", .object(then)),
                ])
            })))
        }
        return .object(pairs)
    }

    private static func properties(for type: EntryType, fixedType: Bool) -> JSONValue {
        .object(FieldCatalog.fields(for: type).map { spec in
            if spec.name == "type", fixedType {
                return ("type", .object([("const", .string(type.rawValue)), ("description", .string(spec.summary))]))
            }
            return (spec.name, schema(for: spec))
        })
    }

    static func schema(for spec: FieldSpec) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("description", .string(spec.summary))]
        switch spec.kind {
        case .rating(let range):
            pairs += [("type", types("number")), ("minimum", .integer(range.lowerBound)), ("maximum", .integer(range.upperBound))]
        case .wholeNumber(let range):
            pairs += [("type", types("integer")), ("minimum", .integer(range.lowerBound)), ("maximum", .integer(range.upperBound))]
        case .date:
            // YAML language servers see unquoted dates as strings; the pattern mirrors DateParser.
            pairs += [("type", types("string")),
                      ("pattern", .string(#"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?\s?(Z|z|[+-]\d{2}(:?\d{2})?)?)?$"#))]
        case .text, .homeworkID:
            pairs += [("type", types("string", "number", "boolean"))]
        case .bool:
            pairs += [("type", types("boolean"))]
        case .textList:
            pairs += [("anyOf", .array([
                .object([("type", .string("array")), ("items", .object([("type", .array([.string("string"), .string("number"), .string("boolean")]))]))]),
                .object([("type", .string("string"))]),
                .object([("type", .string("null"))]),
            ]))]
        case .ratingMap(let range):
            pairs += [("type", types("object")), ("additionalProperties", .object([
                ("type", .array([.string("number"), .string("null")])),
                ("minimum", .integer(range.lowerBound)), ("maximum", .integer(range.upperBound)),
            ]))]
        case .choice(let choices):
            pairs += [("enum", .array(choices.map(JSONValue.string) + [.null]))]
        case .frequency:
            pairs += [("type", types("string")),
                      ("pattern", .string(#"^(daily|every day|weekdays|every weekday|once|as-needed|as needed|when needed|weekly|\d+\s*(x|times?)?\s*(/|per |a |an |each )\s*(week|wk|day|d))$"#))]
        case .measureItems:
            pairs += [("type", types("array")), ("items", .object([("type", types("integer")), ("minimum", .integer(0)), ("maximum", .integer(3))])),
                      ("minItems", .integer(7)), ("maxItems", .integer(9))]
        }
        return .object(pairs)
    }

    /// A `type` keyword that also allows `null` (a field left blank).
    private static func types(_ names: String...) -> JSONValue {
        .array((names + ["null"]).map(JSONValue.string))
    }
}
