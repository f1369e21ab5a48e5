/// A strict TOML 1.0 syntax check that runs before toml++ sees the text.
///
/// Why: toml++ 3.4 (under TOMLKit) guards its parser with `assert`s, and some
/// malformed input (`[}params]`, `a = {x =2026-13-45 1}`) reaches one and aborts the
/// whole process; with `NDEBUG` the same spots become undefined behaviour. So
/// toml++ only ever gets text whose shape is valid TOML. This check only
/// recognises; toml++ still builds the values and reports semantic problems (a key
/// defined twice, month 13). On the way it records where each top-level key is
/// written (toml++ keeps no positions and sorts keys) and bounds nesting.
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
                try keyValue(depth: 0, recording: inRootTable)
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
        let key = try dottedKey()
        if let name = key.first, places[name] == nil { places[name] = KeyPlace(key: cursor.position(at: key.start), value: nil) }
        cursor.skipBlanks()
        guard cursor.take(UInt8(ascii: "]")), !isArray || cursor.take(UInt8(ascii: "]")) else {
            throw cursor.problem(isArray ? "expected ']]' to close the table name" : "expected ']' to close the table name")
        }
    }

    private mutating func keyValue(depth: Int, recording: Bool) throws(Problem) {
        let key = try dottedKey()
        cursor.skipBlanks()
        guard cursor.take(UInt8(ascii: "=")) else { throw cursor.problem("expected '=' after the key") }
        cursor.skipBlanks()
        let valueStart = cursor.mark
        // Positions cost a walk along the line: only work them out for keys that are kept.
        if recording, let name = key.first, places[name] == nil {
            places[name] = KeyPlace(key: cursor.position(at: key.start), value: key.isDotted ? nil : cursor.position(at: valueStart))
        }
        try value(depth: depth)
    }

    /// `name`, `"quoted name"` or `a.b.c`; `first` is nil when it cannot be named simply.
    private mutating func dottedKey() throws(Problem) -> (first: String?, isDotted: Bool, start: TOMLCursor.Mark) {
        let start = cursor.mark
        let first = try cursor.simpleKey()
        var isDotted = false
        while true {
            let mark = cursor.mark
            cursor.skipBlanks()
            guard cursor.take(UInt8(ascii: ".")) else {
                cursor.mark = mark
                break
            }
            cursor.skipBlanks()
            _ = try cursor.simpleKey()
            isDotted = true
        }
        return (first, isDotted, start)
    }

    private mutating func value(depth: Int) throws(Problem) {
        guard let byte = cursor.peek, byte != FrontMatterText.lineFeed else {
            throw cursor.problem("expected a value after '='")
        }
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
        try checkDepth(depth)
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
        try checkDepth(depth)
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

    private func checkDepth(_ depth: Int) throws(Problem) {
        guard depth > FrontMatterParser.maximumDepth else { return }
        throw cursor.problem("front matter is nested more than \(FrontMatterParser.maximumDepth) levels deep; Between stops here",
                             plain: true)
    }
}
