import Foundation
import GRDB
@testable import BetweenCore
@testable import BetweenIndex
@testable import BetweenKit

/// A reference evaluator for the query language, written directly over `Entry`
/// values from the documented semantics (QueryCompiler's doc comment), without the
/// index or any of the compiler's code: SQL results must equal its answers.
struct QueryOracle {
    let context: QueryContext

    /// One value of a field: what it can be compared as.
    struct Value {
        var num: Double?
        /// Lowercased (Swift's full Unicode folding, as the index does).
        var text: String?
        var date: EntryDate?
    }

    func matches(_ expression: QueryExpression, _ entry: Entry) -> Bool {
        switch expression {
        case .condition(let condition): matches(condition, entry)
        case .not(let inner): !matches(inner, entry)
        case .and(let left, let right): matches(left, entry) && matches(right, entry)
        case .or(let left, let right): matches(left, entry) || matches(right, entry)
        }
    }

    private func matches(_ condition: QueryCondition, _ entry: Entry) -> Bool {
        let field = condition.field
        let computed = field.quoted ? nil : ComputedField(rawValue: field.name)
        let values = computed.map { Self.computedValues($0, entry) } ?? Self.frontMatterValues(field.name, entry)
        func equal(_ value: QueryValue) -> Bool { compare(.equal, value, values, computed) }
        // Field against field: pairs of numbers from the same record.
        if case .compare(let op, let value) = condition.test, value.kind == .field, computed == nil, op != .contains {
            let left = values.compactMap(\.num), right = Self.frontMatterValues(value.written, entry).compactMap(\.num)
            let pairs = left.flatMap { l in right.map { (l, $0) } }
            if op == .notEqual { return !pairs.isEmpty && !pairs.contains { $0 == $1 } }
            return pairs.contains { Self.apply(op, $0, $1) }
        }
        switch condition.test {
        case .exists: return !values.isEmpty
        case .compare(.notEqual, let value): return !values.isEmpty && !equal(value)
        case .compare(let op, let value): return compare(op, value, values, computed)
        case .has(let value): return equal(value)
        case .isIn(let list): return list.contains { equal($0) }
        }
    }

    private func compare(_ op: QueryOperator, _ value: QueryValue, _ values: [Value], _ computed: ComputedField?) -> Bool {
        let needle = value.written.lowercased()
        if op == .contains {
            return values.contains { $0.text.map { Self.like($0, needle) } ?? false }
        }
        var literal: EntryDate?
        var number: Double?
        switch value.kind {
        case .text: break
        case .number(let n): number = n
        case .date(let d): literal = d
        case .relative(.days(let offset)): literal = EntryDate.fromDayNumber(context.today.dayNumber + offset)
        case .relative(.lastSession): literal = context.lastSession
        case .field: break // the name as text, where it isn't compared field to field
        }
        if let computed {
            // Computed fields use their kind for the value when they have it, else the written text.
            let hasNumber = computed == .words || computed == .isPrivate
            let hasDate = computed == .date || computed == .day || computed == .week
            if number != nil, !hasNumber { number = nil }
            if literal != nil, !hasDate { literal = nil }
        }
        return values.contains { candidate in
            if let number {
                guard let num = candidate.num else { return false }
                return Self.apply(op, num, number)
            }
            if let literal {
                guard let date = candidate.date else { return false }
                switch computed {
                case .week?: return Self.apply(op, Array(date.isoWeek.utf8), Array(literal.isoWeek.utf8))
                case .day?: return Self.apply(op, Array(date.dayString.utf8), Array(literal.dayString.utf8))
                default:
                    if literal.hasTime { return Self.apply(op, Array(date.sortKey.utf8), Array(literal.sortKey.utf8)) }
                    return Self.apply(op, Array(date.dayString.utf8), Array(literal.dayString.utf8))
                }
            }
            guard let text = candidate.text else { return false }
            return Self.apply(op, Array(text.utf8), Array(needle.utf8))
        }
    }

    private static func apply<T: Comparable>(_ op: QueryOperator, _ left: T, _ right: T) -> Bool {
        switch op {
        case .equal: left == right
        case .less: left < right
        case .lessOrEqual: left <= right
        case .greater: left > right
        case .greaterOrEqual: left >= right
        case .notEqual, .contains: fatalError("handled by the caller")
        }
    }

    private static func apply(_ op: QueryOperator, _ left: [UInt8], _ right: [UInt8]) -> Bool {
        switch op {
        case .equal: left == right
        case .less: left.lexicographicallyPrecedes(right)
        case .lessOrEqual: !right.lexicographicallyPrecedes(left)
        case .greater: right.lexicographicallyPrecedes(left)
        case .greaterOrEqual: !left.lexicographicallyPrecedes(right)
        case .notEqual, .contains: fatalError("handled by the caller")
        }
    }

    // MARK: - Values

    static func computedValues(_ field: ComputedField, _ entry: Entry) -> [Value] {
        switch field {
        case .path: [Value(text: entry.path.lowercased())]
        case .title: [Value(text: entry.title.lowercased())]
        case .type: [Value(text: entry.type.rawValue)]
        case .date: entry.date.map { [Value(text: $0.isoText.lowercased(), date: $0)] } ?? []
        case .day: entry.date.map { [Value(text: $0.dayString, date: $0)] } ?? []
        case .week: entry.date.map { [Value(text: $0.isoWeek.lowercased(), date: $0)] } ?? []
        case .words: [Value(num: Double(entry.body.wordCount), text: String(entry.body.wordCount))]
        case .isPrivate: [Value(num: entry.isPrivate ? 1 : 0, text: entry.isPrivate ? "true" : "false")]
        case .text: [Value(text: (entry.title + " " + entry.body.plainText).lowercased())]
        }
    }

    /// Every value at a dotted key: a map is a value of its own (empty) plus its
    /// children; a list contributes each item (an empty list, one empty value).
    static func frontMatterValues(_ key: String, _ entry: Entry) -> [Value] {
        var result: [Value] = []
        func visit(_ path: String, _ value: FieldValue) {
            switch value {
            case .map(let pairs):
                if path == key { result.append(Value()) }
                for pair in pairs { visit(path + "." + pair.key, pair.value) }
            case .list(let items):
                if items.isEmpty, path == key { result.append(Value()) }
                for item in items { visit(path, item) }
            default:
                if path == key { result.append(scalar(value)) }
            }
        }
        for pair in entry.fields { visit(pair.key, pair.value) }
        return result
    }

    private static func scalar(_ value: FieldValue) -> Value {
        switch value {
        case .bool(let flag): return Value(num: flag ? 1 : 0, text: flag ? "true" : "false")
        case .int(let n): return Value(num: Double(n), text: String(n))
        case .double(let d): return Value(num: d.isFinite ? d : nil, text: String(d).lowercased())
        case .date(let date): return Value(text: date.text.lowercased(), date: date)
        case .string(let text):
            if let date = try? DateParser.parse(text) { return Value(text: text.lowercased(), date: date) }
            let number = Double(text).flatMap { $0.isFinite ? $0 : nil }
            return Value(num: number, text: text.lowercased())
        default: return Value()
        }
    }

    // MARK: - ~

    /// Contains, or with `*`/`?` a whole-value glob, over Unicode scalars (as SQLite's LIKE
    /// does), ASCII letters ignoring case (both sides are already lowercased here).
    static func like(_ text: String, _ needle: String) -> Bool {
        let haystack = Array(text.unicodeScalars)
        let pattern = Array(needle.unicodeScalars)
        guard needle.contains("*") || needle.contains("?") else {
            if pattern.isEmpty { return true }
            guard haystack.count >= pattern.count else { return false }
            return (0...(haystack.count - pattern.count)).contains { Array(haystack[$0..<$0 + pattern.count]) == pattern }
        }
        // Classic dynamic programming glob match.
        var reachable = Array(repeating: false, count: haystack.count + 1)
        reachable[0] = true
        for symbol in pattern {
            var next = Array(repeating: false, count: haystack.count + 1)
            for index in 0...haystack.count where reachable[index] {
                if symbol == "*" {
                    for later in index...haystack.count { next[later] = true }
                    break
                } else if index < haystack.count, symbol == "?" || haystack[index] == symbol {
                    next[index + 1] = true
                }
            }
            reachable = next
        }
        return reachable[haystack.count]
    }
}

/// A deterministic vault of invented notes covering what queries must tell apart:
/// every kind of value, lists, nested maps, missing and bad dates, odd keys, mixed case.
enum GeneratedVault {
    /// SplitMix64: small, fast and the same on every platform.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ range: ClosedRange<Int>) -> Int {
            range.lowerBound + Int(next() % UInt64(range.count))
        }
        mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }
        mutating func pick<T>(_ items: [T]) -> T { items[int(0...items.count - 1)] }
    }

    static let types = ["thought-record", "mood", "mood", "exposure", "reflection", "session", "activity",
                        "diary-card", "Mood", "weird-type", "note"]
    static let titles = ["Bus ride", "bad DAY", "Good day", "Bus 50% done", "under_score test", "O'Brien call",
                         "Über anxious", "über calm", "back\\\\slash", "Supermarket panic", "x' OR 1=1 --", "Day off"]
    static let words = ["bus", "Panic", "breathing", "sleep", "work", "Dev", "supermarket", "calm", "anxious",
                        "walked", "50%", "snake_case", "Über", "tired", "okay"]

    static func entries(count: Int, seed: UInt64) -> [Entry] {
        files(count: count, seed: seed).map { EntryParser.parse(path: $0.path, text: $0.text) }
    }

    /// The generated notes as files: path and text.
    static func files(count: Int, seed: UInt64) -> [(path: String, text: String)] {
        var random = Random(state: seed)
        return (0..<count).map { note($0, &random) }
    }

    private static func note(_ index: Int, _ random: inout Random) -> (String, String) {
        let day = EntryDate.fromDayNumber(EntryDate(year: 2026, month: 10, day: 1).dayNumber + random.int(0...75))
        let hour = random.int(0...23), minute = random.pick([0, 15, 30, 59])
        let time = "\(hour < 10 ? "0" : "")\(hour):\(minute < 10 ? "0" : "")\(minute)"
        var lines: [String] = []
        let type = random.pick(types)
        if random.chance(90) { lines.append("type: \(type)") }
        switch random.int(0...9) {
        case 0: break
        case 1: lines.append("date: 2026-13-45")
        case 2, 3: lines.append("date: \(day.dayString)")
        case 4: lines.append("date: \(day.dayString) \(time)")
        case 5: lines.append("date: \(day.dayString)T\(time):30+02:00")
        default: lines.append("date: \(day.dayString)T\(time)")
        }
        if random.chance(50) { lines.append("title: '\(random.pick(titles).replacingOccurrences(of: "'", with: "''"))'") }
        if random.chance(70) {
            lines.append("mood: " + random.pick(["\(random.int(0...10))", "7.0", "6.5", "'7'", "high", "", "\(random.int(0...10))"]))
        }
        if random.chance(70) { lines.append("distress: \(random.pick([random.int(0...100), 70, 50]))") }
        if random.chance(60) {
            let flags = ["triggered", "overwhelmed", "skipped", "unsafe", "Triggered"]
            switch random.int(0...4) {
            case 0: lines.append("flags: []")
            case 1: lines.append("flags: \(random.pick(flags))")
            default: lines.append("flags: [\((0..<random.int(1...3)).map { _ in random.pick(flags) }.joined(separator: ", "))]")
            }
        }
        if random.chance(40) { lines.append("tags: [\(random.pick(["work", "win", "WIN", "family"])), \(random.pick(["sleep", "bus"]))]") }
        if random.chance(40) {
            var emotions = ["  anxious: \(random.int(0...100))"]
            if random.chance(60) { emotions.append("  sad: \(random.pick([10, 20, 30, 45]))") }
            if random.chance(15) { emotions.append("  angry: quite") }
            if random.chance(10) { emotions.append("  mixed:\n    calm: \(random.int(0...100))") }
            lines.append("emotions:\n" + emotions.joined(separator: "\n"))
        }
        if random.chance(40) { lines.append("homework: \(random.pick(["breathing-478", "bus-exposure", "Thought-Records"]))") }
        if random.chance(30) { lines.append("private: \(random.pick(["true", "false", "yes", "no"]))") }
        if random.chance(15) { lines.append("\"a'b\": \(random.pick(["0", "'1'", "2"]))") } // '1': a number in text, in a key of one's own
        if random.chance(10) { lines.append("\"x;DROP TABLE record\": boom") }
        if random.chance(20) { lines.append("due: \(random.pick(["2026-11-20", "2026-11-19", "2026-11-21T09:00", "soon"]))") }
        if random.chance(15) { lines.append("done: \(random.pick(["true", "false"]))") }
        let body = (0..<random.pick([3, 20, 120, 150])).map { _ in random.pick(words) }.joined(separator: " ")
        let heading = random.chance(30) ? "# \(random.pick(titles))\n\n" : ""
        let folder = random.pick(["journal/2026/11", "journal/2026/10", "notes", "Sessions"])
        let text = random.chance(5) ? heading + body + "\n" : "---\n" + lines.joined(separator: "\n") + "\n---\n" + heading + body + "\n"
        return ("\(folder)/\(String(format: "%04d", index))-\(type).md", text)
    }
}

/// An in-memory index holding `entries`.
enum QueryIndex {
    static func make(_ entries: [Entry]) throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        try queue.write(IndexSchema.create)
        try queue.write { db in
            let writer = try IndexWriter(db)
            for entry in entries {
                try writer.upsert(entry, file: SourceFile(path: entry.path, absolutePath: "/vault/" + entry.path, size: 0, modified: 0),
                                  hash: "")
            }
        }
        return queue
    }

    /// Paths matching a condition, sorted.
    static func paths(_ queue: DatabaseQueue, _ condition: SQLFragment) throws -> [String] {
        try queue.read { db in
            try String.fetchAll(db, sql: "SELECT r.path FROM record r WHERE \(condition.sql) ORDER BY r.path", arguments: condition.arguments)
        }
    }

    /// Paths matching a compiled query, sorted.
    static func paths(_ queue: DatabaseQueue, _ query: CompiledQuery) throws -> [String] {
        try paths(queue, query.sql)
    }
}
