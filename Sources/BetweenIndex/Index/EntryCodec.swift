import BetweenCore
import Foundation

/// The compact binary form in which the index stores whole entries.
///
/// Foundation's JSONEncoder/Decoder took a quarter of a cold index and most of a
/// broad query; this length-prefixed format is written and read in one pass with
/// no intermediate objects. It is private to the index (a cache): a change here
/// bumps `IndexSchema.version`, which rebuilds old indexes.
///
/// The body's plain text is most of an entry's bytes, and the index keeps it in a
/// column of its own (`record.body`, for search and `between sql`); so the blob
/// leaves it out, and `decode` takes it back from that column. The sections' texts
/// are pieces of that plain text (`Section.joined`), so the blob keeps only each
/// one's length and `decode` cuts them out again. Writing each text once keeps the
/// index small and the cold index fast.
enum EntryCodec {
    struct Corrupt: Error {}

    static func encode(_ entry: Entry) -> Data {
        var writer = ByteWriter()
        writer.string(entry.path)
        writer.string(entry.type.rawValue)
        writer.string(entry.title)
        writer.optional(entry.date) { $0.date($1) }
        writer.bool(entry.hasFrontMatter)
        writer.bool(entry.isPrivate)
        writer.array(entry.fields) { $0.pair($1) }
        let body = entry.body
        writer.optional(body.firstHeading) { $0.string($1) }
        writer.array(body.sections) { w, s in w.string(s.heading); w.int(s.level); w.position(s.position); w.int(s.text.utf8.count) }
        writer.array(body.questions) { w, q in w.string(q.text); w.string(q.section); w.position(q.position) }
        writer.array(body.tasks) { w, t in w.string(t.text); w.bool(t.done); w.position(t.position) }
        writer.array(body.links) { w, l in w.string(l.destination); w.string(l.text); w.position(l.position) }
        writer.int(body.wordCount)
        writer.array(entry.diagnostics) { w, d in
            w.string(d.path); w.optional(d.position) { $0.position($1) }; w.string(d.severity.rawValue); w.string(d.message)
        }
        return Data(writer.bytes)
    }

    /// The entry `encode` wrote, with the plain text it left out; a plain text that
    /// does not hold the sections the blob describes means the index is damaged.
    static func decode(_ data: Data, plainText: String) throws -> Entry {
        var reader = ByteReader(Array(data))
        let path = try reader.string()
        guard let type = EntryType(rawValue: try reader.string()) else { throw Corrupt() }
        let title = try reader.string()
        let date = try reader.optional { try $0.date() }
        let hasFrontMatter = try reader.bool()
        let isPrivate = try reader.bool()
        let fields = try reader.array { try $0.pair() }
        let firstHeading = try reader.optional { try $0.string() }
        var pieces = JoinedTextReader(plainText)
        let sections = try reader.array { r in
            let heading = try r.string(), level = try r.int(), position = try r.position()
            guard try pieces.next(length: heading.utf8.count) == heading else { throw Corrupt() }
            return Section(heading: heading, level: level, text: try pieces.next(length: try r.int()), position: position)
        }
        guard pieces.isAtEnd else { throw Corrupt() }
        let questions = try reader.array { r in Question(text: try r.string(), section: try r.string(), position: try r.position()) }
        let tasks = try reader.array { r in TaskItem(text: try r.string(), done: try r.bool(), position: try r.position()) }
        let links = try reader.array { r in Link(destination: try r.string(), text: try r.string(), position: try r.position()) }
        let body = Body(firstHeading: firstHeading, sections: sections, questions: questions, tasks: tasks, links: links,
                        wordCount: try reader.int(), plainText: plainText)
        let diagnostics = try reader.array { r in
            Diagnostic(path: try r.string(), position: try r.optional { try $0.position() },
                       severity: Severity(rawValue: try r.string()) ?? .error, message: try r.string())
        }
        return Entry(path: path, type: type, title: title, date: date, hasFrontMatter: hasFrontMatter, fields: fields,
                     body: body, diagnostics: diagnostics, isPrivate: isPrivate)
    }
}

/// Cuts the pieces `Section.joined` put together back out of its result, given each
/// piece's length in UTF-8 bytes: empty pieces were left out, the others are a blank
/// line apart.
private struct JoinedTextReader {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ text: String) { bytes = Array(text.utf8) }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func next(length: Int) throws -> String {
        guard length >= 0 else { throw EntryCodec.Corrupt() }
        guard length > 0 else { return "" }
        if offset > 0 {
            guard offset + 2 <= bytes.count, bytes[offset] == 0x0A, bytes[offset + 1] == 0x0A else { throw EntryCodec.Corrupt() }
            offset += 2
        }
        guard length <= bytes.count - offset else { throw EntryCodec.Corrupt() }
        defer { offset += length }
        return String(decoding: bytes[offset..<offset + length], as: UTF8.self)
    }
}

// MARK: - Values

private enum ValueTag: UInt8 { case null, bool, int, double, string, date, list, map }

extension ByteWriter {
    mutating func value(_ value: FieldValue) {
        switch value {
        case .null: byte(ValueTag.null.rawValue)
        case .bool(let flag): byte(ValueTag.bool.rawValue); bool(flag)
        case .int(let number): byte(ValueTag.int.rawValue); int(number)
        case .double(let number): byte(ValueTag.double.rawValue); int(Int(bitPattern: UInt(number.bitPattern)))
        case .string(let text): byte(ValueTag.string.rawValue); string(text)
        case .date(let date): byte(ValueTag.date.rawValue); self.date(date)
        case .list(let items): byte(ValueTag.list.rawValue); array(items) { $0.value($1) }
        case .map(let pairs): byte(ValueTag.map.rawValue); array(pairs) { $0.pair($1) }
        }
    }

    mutating func pair(_ pair: FieldPair) {
        string(pair.key)
        value(pair.value)
        optional(pair.keyPosition) { $0.position($1) }
        optional(pair.valuePosition) { $0.position($1) }
    }

    mutating func date(_ date: EntryDate) {
        int(date.year); int(date.month); int(date.day)
        optional(date.hour) { $0.int($1) }; optional(date.minute) { $0.int($1) }
        optional(date.second) { $0.int($1) }; optional(date.utcOffsetMinutes) { $0.int($1) }
        string(date.text)
    }

    mutating func position(_ position: SourcePosition) {
        int(position.line)
        int(position.column)
    }
}

extension ByteReader {
    mutating func value() throws -> FieldValue {
        guard let tag = ValueTag(rawValue: try byte()) else { throw EntryCodec.Corrupt() }
        switch tag {
        case .null: return .null
        case .bool: return .bool(try bool())
        case .int: return .int(try int())
        case .double: return .double(Double(bitPattern: UInt64(UInt(bitPattern: try int()))))
        case .string: return .string(try string())
        case .date: return .date(try date())
        case .list: return .list(try array { try $0.value() })
        case .map: return .map(try array { try $0.pair() })
        }
    }

    mutating func pair() throws -> FieldPair {
        FieldPair(key: try string(), value: try value(), keyPosition: try optional { try $0.position() },
                  valuePosition: try optional { try $0.position() })
    }

    mutating func date() throws -> EntryDate {
        EntryDate(year: try int(), month: try int(), day: try int(), hour: try optional { try $0.int() },
                  minute: try optional { try $0.int() }, second: try optional { try $0.int() },
                  utcOffsetMinutes: try optional { try $0.int() }, text: try string())
    }

    mutating func position() throws -> SourcePosition {
        SourcePosition(line: try int(), column: try int())
    }
}
