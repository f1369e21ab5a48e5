import Foundation

/// One pass over a leading JSON object: where it ends, how deep it nests, where its
/// top-level keys are, whether any object (at any depth) names a key twice, and which
/// numbers no Double can hold.
///
/// JSON's grammar makes this exact: outside strings every bracket is structure.
/// Foundation's decoder does the real parsing; this scan only supplies what the
/// decoder does not (the end of the object, key order and positions, a depth
/// check before any recursion).
struct JSONObjectScanner {
    /// A top-level key with the byte offsets (within the object) of the key and its value.
    struct Key {
        var name: String
        var keyOffset: Int
        var valueOffset: Int
    }

    /// Index (in the scanned bytes) of the `}` closing the object; nil if it never closes.
    var closingBrace: Int?
    var keys: [Key] = []
    /// Offset of the first bracket nested deeper than the limit.
    var tooDeepOffset: Int?
    /// Number tokens that overflow a Double (`1e400`), to be read as text.
    var hugeNumbers: [Range<Int>] = []
    /// Offset of the comma or bracket past which the object may hold more values than
    /// `FrontMatterParser.maximumValues`. Each value ends at a comma or a closing bracket,
    /// and a list or object is a value itself, so commas + 2 × brackets bound the count.
    var tooManyValuesOffset: Int?
    private var valueBound = -1
    /// The first key written a second time in the same object, at any depth, with the
    /// offsets of both (a parser would silently keep one of the two values).
    var repeatedKey: (name: String, offset: Int, firstOffset: Int, isTopLevel: Bool)?

    /// The index of a `{` on line 1 that starts a JSON object: only spaces may come
    /// before it, and only a `"` or `}` (after whitespace) after it, so a note that
    /// happens to open with `{{< shortcode >}}` or `{ a thought }` stays a note.
    static func objectStart(_ bytes: [UInt8]) -> Int? {
        guard let brace = bytes.firstIndex(where: { !FrontMatterText.isSpaceOrTab($0) }),
              bytes[brace] == UInt8(ascii: "{") else { return nil }
        let next = bytes[(brace + 1)...].first { !isWhitespace($0) }
        return next == UInt8(ascii: "\"") || next == UInt8(ascii: "}") ? brace : nil
    }

    /// Splits a file that starts with a JSON object at `braceIndex`.
    ///
    /// The body starts on the line after the closing brace when the rest of that
    /// line is blank; otherwise right after the brace, on the brace's line.
    static func split(_ bytes: [UInt8], braceIndex: Int) -> FrontMatterSplit {
        let scan = JSONObjectScanner(bytes[braceIndex...], recordingKeys: false)
        guard let close = scan.closingBrace else {
            return .unclosed(.json, bodyStart: 0, bodyLineOffset: 0)
        }
        let closeLine = 1 + bytes[..<close].reduce(0) { $0 + ($1 == FrontMatterText.lineFeed ? 1 : 0) }
        let lineEnd = FrontMatterSplitter.lineEnd(bytes, from: close + 1)
        let restIsBlank = bytes[(close + 1)..<lineEnd].allSatisfy(FrontMatterText.isSpaceOrTab)
        return .block(FrontMatterBlock(
            format: .json, content: bytes[braceIndex...close], firstLine: 1, firstColumn: braceIndex + 1,
            bodyStart: restIsBlank ? min(lineEnd + 1, bytes.count) : close + 1,
            bodyLineOffset: restIsBlank ? closeLine : closeLine - 1))
    }

    /// Scans the object starting at `bytes.startIndex` (which must be a `{`).
    /// Finding the end alone (`recordingKeys: false`) skips decoding key names.
    init(_ bytes: ArraySlice<UInt8>, recordingKeys: Bool = true) {
        var depth = 0
        var index = bytes.startIndex
        var expectingKey = false
        var pendingKey: (name: String, offset: Int)?
        var awaitingValue: (name: String, offset: Int)?
        // Per open bracket: the keys seen so far in an object (name → offset), nil for a list.
        var openObjects: [[String: Int]?] = []
        while index < bytes.endIndex {
            let byte = bytes[index]
            let offset = index - bytes.startIndex
            if Self.isWhitespace(byte) { index += 1; continue }
            if let key = awaitingValue {
                keys.append(Key(name: key.name, keyOffset: key.offset, valueOffset: offset))
                awaitingValue = nil
            }
            if let key = pendingKey, byte == UInt8(ascii: ":") { awaitingValue = key }
            pendingKey = nil
            switch byte {
            case UInt8(ascii: "\""):
                let end = Self.stringEnd(bytes, from: index)
                if recordingKeys, expectingKey {
                    let token = bytes[index..<min(end + 1, bytes.endIndex)]
                    // Nil when an escape is malformed: the parser then refuses the whole object.
                    let decoded = token.contains(UInt8(ascii: "\\")) ? Self.decodedName(token) : FrontMatterText.string(token.dropFirst().dropLast())
                    if depth == 1 { pendingKey = (decoded ?? FrontMatterText.string(token.dropFirst().dropLast()), offset) }
                    if repeatedKey == nil, let name = decoded {
                        if let first = openObjects[openObjects.count - 1]?[name] {
                            repeatedKey = (name, offset, first, depth == 1)
                        } else {
                            openObjects[openObjects.count - 1]?[name] = offset
                        }
                    }
                }
                expectingKey = false
                index = end
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                expectingKey = byte == UInt8(ascii: "{")
                if recordingKeys { openObjects.append(expectingKey ? [:] : nil) }
                if depth > FrontMatterParser.maximumDepth, tooDeepOffset == nil { tooDeepOffset = offset }
                countValues(2, at: offset)
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if recordingKeys { openObjects.removeLast() }
                if depth == 0 {
                    closingBrace = index
                    return
                }
            case UInt8(ascii: ","):
                expectingKey = recordingKeys && openObjects.last.map { $0 != nil } ?? false
                countValues(1, at: offset)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                var end = index
                while end < bytes.endIndex, Self.isNumberByte(bytes[end]) { end += 1 }
                if let value = Double(FrontMatterText.string(bytes[index..<end])), !value.isFinite {
                    hugeNumbers.append(offset..<(end - bytes.startIndex))
                }
                index = end - 1
            default:
                break
            }
            index += 1
        }
    }

    private mutating func countValues(_ count: Int, at offset: Int) {
        valueBound += count
        if valueBound > FrontMatterParser.maximumValues, tooManyValuesOffset == nil { tooManyValuesOffset = offset }
    }

    /// The index of the quote closing the string opened at `start` (or the end).
    private static func stringEnd(_ bytes: ArraySlice<UInt8>, from start: Int) -> Int {
        var index = start + 1
        while index < bytes.endIndex {
            switch bytes[index] {
            case UInt8(ascii: "\\"): index += 2
            case UInt8(ascii: "\""): return index
            default: index += 1
            }
        }
        return bytes.endIndex
    }

    /// A key with escapes (`"caf\u00e9"`), decoded; nil if an escape is malformed.
    /// (Rare enough that one small parse per key costs nothing; `JSONDecoder` would
    /// cost a millisecond each.)
    private static func decodedName(_ token: ArraySlice<UInt8>) -> String? {
        let list = try? JSONSerialization.jsonObject(with: Data([UInt8(ascii: "[")] + token + [UInt8(ascii: "]")]))
        return (list as? [String])?.first
    }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        FrontMatterText.isSpaceOrTab(byte) || byte == FrontMatterText.lineFeed
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"),
             UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): true
        default: false
        }
    }
}
