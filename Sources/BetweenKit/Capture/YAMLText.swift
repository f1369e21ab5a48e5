import BetweenCore

/// Writes text into a template's YAML front matter so that it reads back as exactly that text.
///
/// Plain when that is safe (`Bus exposure ladder`), else double-quoted with escapes
/// (`"Dev: \"go through\" the report"`), so a title can never add a field, start a
/// comment, or turn into a number, a date or `true`.
enum YAMLText {
    static func scalar(_ text: String) -> String {
        isSafePlain(text) ? text : quoted(text)
    }

    private static let reservedWords: Set<String> = ["true", "false", "yes", "no", "on", "off", "y", "n", "null", "~"]

    private static func isSafePlain(_ text: String) -> Bool {
        guard let first = text.first, first.isLetter || first.isNumber, text.last != " " else { return false }
        guard !reservedWords.contains(text.lowercased()) else { return false }
        if first.isNumber, Double(text) != nil || DateParser.looksLikeDate(text) || text.hasPrefix("0x") || text.hasPrefix("0o") { return false }
        // Inside a plain scalar only `: ` and ` #` mean something (and control characters
        // can't be written); keeping out every `:` and `#` is simpler and as safe.
        return text.unicodeScalars.allSatisfy { scalar in
            scalar != ":" && scalar != "#" && scalar.value >= 0x20 && !(0x7F...0x9F).contains(scalar.value)
                && scalar.value != 0x2028 && scalar.value != 0x2029 && scalar.value != 0xFEFF
        }
    }

    private static func quoted(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\t": output += "\\t"
            case "\r": output += "\\r"
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
                || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0xFEFF:
                output += "\\u" + scalar.value.zeroPadded(to: 4, radix: 16, uppercase: true)
            default:
                output.unicodeScalars.append(scalar)
            }
        }
        return output + "\""
    }
}
