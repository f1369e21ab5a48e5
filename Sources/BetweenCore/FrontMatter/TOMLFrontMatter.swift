internal import TOMLKit

/// Reads `+++` TOML front matter (Hugo's form) with TOMLKit.
///
/// TOML has real date types, so dates come out typed: an offset date-time keeps its
/// offset, a local date-time its wall-clock time, a local date is a date. A bare
/// local time (`07:30:00`) has no date and becomes text. Top-level keys keep their
/// written order (toml++ sorts them; `TOMLSyntaxCheck` knows the order); keys in
/// nested tables are sorted, without positions.
///
/// toml++ only sees text that passed `TOMLSyntaxCheck`: on malformed input it can
/// abort the process (see there). TOMLKit never frees a parsed document: the tree is
/// emptied (`clear()`) once converted, which frees its values (~2 KiB a front matter,
/// 100 MB over 50,000 notes); the root table and TOMLKit's copies of keys and values
/// (~600 bytes a front matter) still leak, which needs a change in TOMLKit itself.
enum TOMLFrontMatter {
    static func read(_ content: ArraySlice<UInt8>, firstLine: Int) -> FrontMatterReading {
        // TOMLKit hands toml++ a C string: a NUL would silently cut the text short.
        if let nul = content.firstIndex(of: 0) {
            return .failed("front matter contains a NUL character; remove it",
                           at: FrontMatterText.position(of: nul - content.startIndex, in: content, firstLine: firstLine))
        }
        let syntax = TOMLSyntaxCheck(content, firstLine: firstLine)
        if let problem = syntax.problem { return .failed(problem.message, at: problem.position) }
        // Nesting is at most `maximumDepth` now, well within any thread's stack.
        return parse(FrontMatterText.string(content), syntax.places, firstLine)
    }

    private static func parse(_ text: String, _ places: [String: TOMLSyntaxCheck.KeyPlace], _ firstLine: Int) -> FrontMatterReading {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            let position = SourcePosition(line: firstLine + max(error.source.begin.line, 1) - 1,
                                          column: max(error.source.begin.column, 1))
            let description = MessageText.clippingQuotes(error.description)
            return .failed("front matter is not valid TOML: \(description)\(hint(error.description))", at: position)
        } catch {
            return .failed("front matter could not be read as TOML: \(error)", at: .fileStart)
        }
        defer { table.clear() } // frees the values converted below; see the type's comment
        var converter = TOMLValueConverter()
        var fields: [FieldPair] = []
        // Keys and values by index, not by key lookup: TOMLKit's lookup goes through a
        // C string, so a key with an escaped NUL would not be found (and it force-unwraps).
        for (key, value) in zip(table.keys, table.values) {
            let place = places[key]
            do {
                fields.append(FieldPair(key: key, value: try converter.convert(value, depth: 2),
                                        keyPosition: place?.key, valuePosition: place?.value))
            } catch {
                return .failed(error.message, at: place?.key ?? .fileStart)
            }
        }
        let unplaced = SourcePosition(line: Int.max, column: Int.max)
        fields.sort { ($0.keyPosition ?? unplaced, $0.key) < ($1.keyPosition ?? unplaced, $1.key) }
        return FrontMatterReading(fields: fields, diagnostics: [])
    }

    /// Syntax problems never get here (`TOMLSyntaxCheck` reports them); what is left is meaning.
    private static func hint(_ description: String) -> String {
        description.contains("cannot redefine") ? "; each key (and each [table]) may be written only once" : ""
    }
}

/// Turns TOMLKit values into `FieldValue`s, counting values and nesting.
private struct TOMLValueConverter {
    struct Failure: Error {
        var message: String
    }

    private var count = 0

    mutating func convert(_ value: TOMLValueConvertible, depth: Int) throws(Failure) -> FieldValue {
        count += 1
        guard count <= FrontMatterParser.maximumValues else {
            throw Failure(message: "front matter has more than \(FrontMatterParser.maximumValues) values; Between stops here")
        }
        switch value.type {
        case .bool: return value.bool.map(FieldValue.bool) ?? .null
        case .int: return value.int.map(FieldValue.int) ?? .null
        case .double: return value.double.map(FieldValue.double) ?? .null
        case .string: return value.string.map(FieldValue.string) ?? .null
        case .date:
            guard let date = value.date else { return .null }
            return .date(EntryDate(year: date.year, month: date.month, day: date.day))
        case .time:
            guard let time = value.time else { return .null }
            return .string("\(time.hour.zeroPadded(to: 2)):\(time.minute.zeroPadded(to: 2)):\(time.second.zeroPadded(to: 2))")
        case .dateTime:
            guard let stamp = value.dateTime else { return .null }
            return .date(EntryDate(year: stamp.date.year, month: stamp.date.month, day: stamp.date.day,
                                   hour: stamp.time.hour, minute: stamp.time.minute, second: stamp.time.second,
                                   utcOffsetMinutes: stamp.offset?.offset))
        case .array:
            guard let array = value.array else { return .null }
            try checkDepth(depth)
            var items: [FieldValue] = []
            for index in 0..<array.count { items.append(try convert(array[index], depth: depth + 1)) }
            return .list(items)
        case .table:
            guard let table = value.table else { return .null }
            try checkDepth(depth)
            var pairs: [FieldPair] = []
            for (key, member) in zip(table.keys, table.values) {
                pairs.append(FieldPair(key: key, value: try convert(member, depth: depth + 1)))
            }
            return .map(pairs)
        }
    }

    private func checkDepth(_ depth: Int) throws(Failure) {
        guard depth > FrontMatterParser.maximumDepth else { return }
        throw Failure(message: "front matter is nested more than \(FrontMatterParser.maximumDepth) levels deep; Between stops here")
    }
}
