import BetweenCore
import Foundation

/// Turns the digest's JSON into the values swift-mustache renders: objects become
/// `[String: Any]`, arrays `[Any]`, numbers `Int` or ready-formatted text.
///
/// What counts as false in a section (`{{#key}}…{{/key}}` is skipped, `{{^key}}…{{/key}}`
/// shown): `false`, `null`, an empty list and empty text. `null` and empty text become
/// `NSNull` rather than a missing key, so a lookup stops there instead of climbing to an
/// outer object that happens to have a key of the same name.
enum MustacheData {
    static func value(_ json: JSONValue) -> Any {
        switch json {
        case .null: return NSNull()
        case .bool(let flag): return flag
        case .integer(let number): return number
        // Whole numbers without ".0", others to one place, as the digest shows numbers everywhere.
        case .number(let number): return number.isFinite ? NumberText.short(number) : NSNull() as Any
        case .string(let text): return text.isEmpty ? NSNull() : text
        case .array(let items): return items.map(value)
        case .object(let pairs):
            var object: [String: Any] = [:]
            for (key, item) in pairs { object[key] = value(item) }
            return object
        }
    }
}
