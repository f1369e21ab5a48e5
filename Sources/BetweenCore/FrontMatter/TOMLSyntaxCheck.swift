/// A strict TOML 1.0 syntax check that runs before toml++ sees the text.
///
/// Why: toml++ 3.4 (under TOMLKit) guards its parser with `assert`s, and some
/// malformed input (`[}params]`, `a = {x =2026-13-45 1}`) reaches one and aborts the
/// whole process; with `NDEBUG` the same spots become undefined behaviour. So
/// toml++ only ever gets text whose shape is valid TOML. This check only
/// recognises; toml++ still builds the values and reports semantic problems (a key
/// defined twice, month 13). On the way it records where each top-level key is
/// written (toml++ keeps no positions and sorts keys).
///
/// It also bounds what toml++ would build, in the order the text is written, so the
/// message points at the spot: nesting (toml++ builds and frees its tree
/// recursively, and every part of a dotted key `a.b.c` or a `[a.b.c]` header is a
/// table one level deeper, so a key of 80,000 parts overflowed the stack) and the
/// number of values (an upper bound on toml++'s count: a table made by a dotted
/// key is counted each time the key is written).
struct TOMLSyntaxCheck {
    /// Where a top-level key (or the first part of a table header) is first written.
    struct KeyPlace {
        var key: SourcePosition
        /// Where its value starts, for a plain `key = value` line.
        var value: SourcePosition?
    }

    struct Problem: Error {
        var message: String
        var position: SourcePosition
    }

    private(set) var places: [String: KeyPlace] = [:]
    /// The first problem found; nil when the text is valid TOML syntax.
    private(set) var problem: Problem?

    private var cursor: TOMLCursor
    private var inRootTable = true
    /// The level of the table keys are written into: 1 is the root table, and each
    /// `[header]` sets it to the level of the table it opens.
    private var tableLevel = 1
    /// The names of the `[[array]]` tables so far: a header whose name starts with one
    /// nests under that array's last table, one level deeper than its parts alone say.
    private var arrayTables: Set<[String]> = []
    /// An `[[array]]` name with an escaped part, which can't be compared by name: from
    /// then on every header counts each part as such an array (safe, never too shallow).
    private var hasUnnamedArrayTable = false
    private var valueCount = 0

    init(_ content: ArraySlice<UInt8>, firstLine: Int) {
        cursor = TOMLCursor(content, firstLine: firstLine)
        do { try document() } catch { problem = error }
    }

    private mutating func document() throws(Problem) {
        while true {
            cursor.skipBlanks()
            guard let byte = cursor.peek else { return }
            switch byte {
            case FrontMatterText.lineFeed:
                cursor.consumeLineFeed()
                continue
            case UInt8(ascii: "#"):
                try cursor.comment()
            case UInt8(ascii: "["):
                try tableHeader()
            default:
                try keyValue(depth: tableLevel, recording: inRootTable)
            }
            cursor.skipBlanks()
            if cursor.peek == UInt8(ascii: "#") { try cursor.comment() }
            guard cursor.peek == nil || cursor.peek == FrontMatterText.lineFeed else {
                throw cursor.problem("expected the end of the line here; each `key = value` goes on its own line")
            }
        }
    }

    private mutating func tableHeader() throws(Problem) {
        cursor.advance()
        let isArray = cursor.take(UInt8(ascii: "["))
        cursor.skipBlanks()
        inRootTable = false
        let key = try dottedKey(firstLevel: 2)
        if let name = key.first, places[name] == nil { places[name] = KeyPlace(key: cursor.position(at: key.start), value: nil) }
        cursor.skipBlanks()
        guard cursor.take(UInt8(ascii: "]")), !isArray || cursor.take(UInt8(ascii: "]")) else {
            throw cursor.problem(isArray ? "expected ']]' to close the table name" : "expected ']' to close the table name")
        }
        // `[[a]]` is a list (one level) of tables (another); `[a.b]` after `[[a]]` goes in a's last table.
        var level = 1 + key.parts.count + (isArray ? 1 : 0)
        for length in 1..<key.parts.count where isArrayTable(key.parts[..<length]) { level += 1 }
        try checkDepth(level, at: key.start)
        try countValues(key.parts.count + (isArray ? 1 : 0), at: key.start)
        tableLevel = level
        if isArray {
            let names = key.parts.compactMap { $0 }
            if names.count == key.parts.count { arrayTables.insert(names) } else { hasUnnamedArrayTable = true }
        }
    }

    private func isArrayTable(_ name: ArraySlice<String?>) -> Bool {
        guard !arrayTables.isEmpty || hasUnnamedArrayTable else { return false }
        let names = name.compactMap { $0 }
        return hasUnnamedArrayTable || names.count < name.count || arrayTables.contains(names)
    }

    /// `key = value` in the table at level `depth`.
    private mutating func keyValue(depth: Int, recording: Bool) throws(Problem) {
        let key = try dottedKey(firstLevel: depth + 1)
        cursor.skipBlanks()
        guard cursor.take(UInt8(ascii: "=")) else { throw cursor.problem("expected '=' after the key") }
        cursor.skipBlanks()
        let valueStart = cursor.mark
        // Positions cost a walk along the line: only work them out for keys that are kept.
        if recording, let name = key.first, places[name] == nil {
            places[name] = KeyPlace(key: cursor.position(at: key.start), value: key.isDotted ? nil : cursor.position(at: valueStart))
        }
        try value(depth: depth + key.parts.count - 1)
    }

    /// A name and where it starts; `parts` are nil where a part cannot be named simply.
    private struct DottedKey {
        var parts: [String?]
        var start: TOMLCursor.Mark
        var first: String? { parts[0] }
        var isDotted: Bool { parts.count > 1 }
    }

    /// `name`, `"quoted name"` or `a.b.c`, whose part before each dot is a table at
    /// `firstLevel`, `firstLevel + 1`, …: refused at the first part too deep.
    private mutating func dottedKey(firstLevel: Int) throws(Problem) -> DottedKey {
        let start = cursor.mark
        var parts = [try cursor.simpleKey()]
        while true {
            let mark = cursor.mark
            cursor.skipBlanks()
            guard cursor.take(UInt8(ascii: ".")) else {
                cursor.mark = mark
                break
            }
            cursor.skipBlanks()
            try checkDepth(firstLevel + parts.count - 1, at: cursor.mark)
            try countValues(1, at: cursor.mark)
            parts.append(try cursor.simpleKey())
        }
        return DottedKey(parts: parts, start: start)
    }

    /// A value in a table or list at level `depth`; a list or inline table is one deeper.
    private mutating func value(depth: Int) throws(Problem) {
        guard let byte = cursor.peek, byte != FrontMatterText.lineFeed else {
            throw cursor.problem("expected a value after '='")
        }
        try countValues(1, at: cursor.mark)
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            try cursor.string(allowMultiline: true)
        case UInt8(ascii: "["):
            try array(depth: depth + 1)
        case UInt8(ascii: "{"):
            try inlineTable(depth: depth + 1)
        default:
            try cursor.bareValue()
        }
    }

    private mutating func array(depth: Int) throws(Problem) {
        try checkDepth(depth, at: cursor.mark)
        cursor.advance()
        while true {
            try cursor.skipArraySpace()
            if cursor.take(UInt8(ascii: "]")) { return }
            guard cursor.peek != nil else { throw cursor.problem("a [list] is never closed with ']'") }
            try value(depth: depth)
            try cursor.skipArraySpace()
            if cursor.take(UInt8(ascii: "]")) { return }
            guard cursor.take(UInt8(ascii: ",")) else { throw cursor.problem("expected ',' or ']' in the [list]") }
        }
    }

    private mutating func inlineTable(depth: Int) throws(Problem) {
        try checkDepth(depth, at: cursor.mark)
        cursor.advance()
        cursor.skipBlanks()
        if cursor.take(UInt8(ascii: "}")) { return }
        while true {
            try keyValue(depth: depth, recording: false)
            cursor.skipBlanks()
            if cursor.take(UInt8(ascii: "}")) { return }
            guard cursor.take(UInt8(ascii: ",")) else {
                throw cursor.problem("expected ',' or '}' in the { inline table } (it must stay on one line)")
            }
            cursor.skipBlanks()
        }
    }

    private func checkDepth(_ depth: Int, at mark: TOMLCursor.Mark) throws(Problem) {
        guard depth > FrontMatterParser.maximumDepth else { return }
        throw Problem(message: "front matter is nested more than \(FrontMatterParser.maximumDepth) levels deep (each part of "
                      + "a dotted name like a.b.c, and each [list] or { table } inside another, is a level); Between stops here",
                      position: cursor.position(at: mark))
    }

    private mutating func countValues(_ count: Int, at mark: TOMLCursor.Mark) throws(Problem) {
        valueCount += count
        guard valueCount > FrontMatterParser.maximumValues else { return }
        throw Problem(message: "front matter has more than \(FrontMatterParser.maximumValues) values; Between stops here",
                      position: cursor.position(at: mark))
    }
}
