/// Parses the date forms Between accepts in front matter and on the command line.
///
/// Accepted: `2026-11-20`, `2026-11-20T19:30`, `2026-11-20 19:30`, either with
/// `:SS` seconds (and an ignored `.fraction`), and optionally `Z` or `±HH:MM`
/// (`±HHMM`, `±HH`). Anything else, or an impossible date such as `2026-13-45`,
/// gives a `DateParseError` that says what is wrong.
public enum DateParser {
    /// Whether the text has the shape of a date (`NNNN-NN-NN…`), valid or not.
    /// Used to tell "a bad date" from "not a date at all".
    public static func looksLikeDate(_ text: String) -> Bool {
        let bytes = Array(text.utf8.prefix(10))
        guard bytes.count == 10 else { return false }
        for (index, byte) in bytes.enumerated() {
            if index == 4 || index == 7 {
                if byte != UInt8(ascii: "-") { return false }
            } else if !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                return false
            }
        }
        return true
    }

    /// Parses `text` or throws a plain-English reason.
    public static func parse(_ text: String) throws(DateParseError) -> EntryDate {
        let trimmed = text.trimmingASCIIWhitespace()
        var scanner = ByteScanner(Array(trimmed.utf8))
        guard let year = scanner.digits(4), scanner.take("-"),
              let month = scanner.digits(2), scanner.take("-"),
              let day = scanner.digits(2) else {
            throw .notADate(trimmed)
        }
        guard (1...12).contains(month) else { throw .impossible(trimmed, "there is no month \(month)") }
        let monthLength = EntryDate.daysIn(month: month, year: year)
        guard (1...monthLength).contains(day) else {
            throw .impossible(trimmed, "month \(month) of \(year) has \(monthLength) days")
        }
        if scanner.atEnd {
            return EntryDate(year: year, month: month, day: day, text: trimmed)
        }
        guard scanner.take("T") || scanner.take("t") || scanner.take(" ") else { throw .notADate(trimmed) }
        guard let hour = scanner.digits(2), scanner.take(":"), let minute = scanner.digits(2) else {
            throw .notADate(trimmed)
        }
        var second: Int?
        if scanner.take(":") {
            guard let value = scanner.digits(2) else { throw .notADate(trimmed) }
            second = value
            if scanner.take(".") || scanner.take(",") {
                guard scanner.skipDigits() > 0 else { throw .notADate(trimmed) }
            }
        }
        guard hour <= 23, minute <= 59, (second ?? 0) <= 60 else {
            throw .impossible(trimmed, "the time must be between 00:00 and 23:59")
        }
        _ = scanner.take(" ")
        var offset: Int?
        if scanner.take("Z") || scanner.take("z") {
            offset = 0
        } else if let sign = scanner.takeSign() {
            guard let offsetHours = scanner.digits(2) else { throw .notADate(trimmed) }
            var offsetMinutes = 0
            if scanner.take(":") {
                guard let value = scanner.digits(2) else { throw .notADate(trimmed) }
                offsetMinutes = value
            } else if let value = scanner.digits(2) {
                offsetMinutes = value
            }
            guard offsetHours <= 14, offsetMinutes <= 59 else {
                throw .impossible(trimmed, "a time zone offset is at most ±14:00")
            }
            offset = sign * (offsetHours * 60 + offsetMinutes)
        }
        guard scanner.atEnd else { throw .notADate(trimmed) }
        return EntryDate(year: year, month: month, day: day, hour: hour, minute: minute,
                         second: second, utcOffsetMinutes: offset, text: trimmed)
    }
}

/// Why a text is not a date Between can use.
public enum DateParseError: UserFacingError, Sendable, Equatable, CustomStringConvertible {
    /// The text does not have a date's form at all.
    case notADate(String)
    /// It has the form, but the date or time does not exist.
    case impossible(String, String)

    public var description: String {
        switch self {
        case .notADate(let text):
            "\(MessageText.quoted(text)) is not a date; write it as YYYY-MM-DD, optionally with a time: YYYY-MM-DD HH:MM"
        case .impossible(let text, let reason):
            "\(MessageText.quoted(text)) is not a real date: \(reason)"
        }
    }
}

/// A tiny forward scanner over ASCII bytes, for the date grammar.
private struct ByteScanner {
    private let bytes: [UInt8]
    private var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { index == bytes.count }

    mutating func take(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue, index < bytes.count, bytes[index] == ascii else { return false }
        index += 1
        return true
    }

    mutating func takeSign() -> Int? {
        if take("+") { return 1 }
        if take("-") { return -1 }
        return nil
    }

    /// Exactly `count` ASCII digits as a number.
    mutating func digits(_ count: Int) -> Int? {
        guard index + count <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[index..<index + count] {
            guard (48...57).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        index += count
        return value
    }

    mutating func skipDigits() -> Int {
        let start = index
        while index < bytes.count, (48...57).contains(bytes[index]) { index += 1 }
        return index - start
    }
}
