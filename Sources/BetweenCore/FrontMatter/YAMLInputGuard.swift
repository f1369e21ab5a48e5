/// Cheap checks on YAML text before Yams sees it, for the two things Yams itself
/// cannot survive: deep nesting (its composer recurses once per level, and libyaml
/// allows about a thousand) and aliases used as keys (its duplicate-key check hashes
/// each key's whole tree, so `*bomb: x` walks billions of nodes).
///
/// Both checks read bytes without understanding quotes, so they can only err on
/// the side of caution: real YAML never escapes them.
enum YAMLInputGuard {
    enum Verdict: Equatable {
        /// Nesting is certainly shallow: parse on the current thread.
        case safe
        /// Nesting might be deep: parse on a thread with a large stack, and let the
        /// converter refuse what is too deep.
        case needsLargeStack
        /// Refused before parsing; `offset` is the byte the message is about.
        case refused(String, offset: Int)
    }

    /// `firstLine` is the file line `bytes` start on (for messages).
    static func check(_ bytes: ArraySlice<UInt8>, firstLine: Int) -> Verdict {
        if let refusal = aliasInKey(bytes, firstLine: firstLine) { return refusal }
        return nestingBound(bytes) <= FrontMatterParser.maximumDepth ? .safe : .needsLargeStack
    }

    /// An upper bound on how deep libyaml can nest this text.
    ///
    /// Flow nesting is at most the number of `[` and `{`. Block nesting needs a new,
    /// larger indentation per level (a `- ` list under a key may share the key's
    /// column, hence the factor 2), and a block collection can only start at a line's
    /// first token or after a chain of `- `, `? `, `: ` indicators; so it is at most
    /// twice the number of columns such a start can reach.
    static func nestingBound(_ bytes: ArraySlice<UInt8>) -> Int {
        var brackets = 0
        var widestStart = 0
        var index = bytes.startIndex
        while index < bytes.endIndex {
            var column = 0
            while index < bytes.endIndex, bytes[index] == UInt8(ascii: " ") { index += 1; column += 1 }
            while index < bytes.endIndex, isIndicator(bytes[index]), isBlankOrEnd(bytes, index + 1) {
                index += 1
                column += 1
                while index < bytes.endIndex, FrontMatterText.isSpaceOrTab(bytes[index]) { index += 1; column += 1 }
            }
            widestStart = max(widestStart, column)
            while index < bytes.endIndex, bytes[index] != FrontMatterText.lineFeed {
                if bytes[index] == UInt8(ascii: "[") || bytes[index] == UInt8(ascii: "{") { brackets += 1 }
                index += 1
            }
            index += 1
        }
        return brackets + 2 * (widestStart + 1) + 1
    }

    /// Refuses an alias that is, or might be, part of a mapping key.
    ///
    /// Only aliases naming an anchor that exists count (anything else is an error in
    /// libyaml before it hashes). A key without `?` is on one line (libyaml's simple
    /// keys never span lines), so the alias is in a key if a `:` follows it directly,
    /// or follows a `]` or `}` later on its line.
    /// A `?` key can span lines; with any `?` indicator about, every alias is refused.
    static func aliasInKey(_ bytes: ArraySlice<UInt8>, firstLine: Int) -> Verdict? {
        let anchors = Set(names(after: UInt8(ascii: "&"), in: bytes).map(\.name))
        guard !anchors.isEmpty else { return nil }
        let aliases = names(after: UInt8(ascii: "*"), in: bytes).filter { anchors.contains($0.name) }
        guard let firstAlias = aliases.first else { return nil }
        let closers = lastCloserBeforeColon(bytes)
        var line = 0
        var counted = bytes.startIndex
        for alias in aliases {
            let start = bytes.startIndex + alias.offset
            line += bytes[counted..<start].reduce(0) { $0 + ($1 == FrontMatterText.lineFeed ? 1 : 0) }
            counted = start
            var next = alias.end
            while next < bytes.endIndex, FrontMatterText.isSpaceOrTab(bytes[next]) { next += 1 }
            let colonFollows = next < bytes.endIndex && bytes[next] == UInt8(ascii: ":")
            if colonFollows || closers[line] > alias.end {
                return .refused("the alias '*\(alias.name)' is used in a key; Between does not accept YAML aliases in keys "
                                + "(they can make reading explode), so write the key out in full", offset: alias.offset)
            }
        }
        if let question = explicitKeyIndicator(bytes) {
            let line = firstLine + bytes[..<question].reduce(0) { $0 + ($1 == FrontMatterText.lineFeed ? 1 : 0) }
            return .refused("the alias '*\(firstAlias.name)' might be part of a '?' key (there is a '?' on line \(line)); "
                            + "Between does not accept YAML aliases in keys, so write the value out in full",
                            offset: firstAlias.offset)
        }
        return nil
    }

    /// Whether an alias (`*name`) refers to an anchor (`&name`) somewhere in the text:
    /// only then can a few lines expand to a great many values.
    static func usesAliases(_ bytes: ArraySlice<UInt8>) -> Bool {
        let anchors = Set(names(after: UInt8(ascii: "&"), in: bytes).map(\.name))
        return !anchors.isEmpty && names(after: UInt8(ascii: "*"), in: bytes).contains { anchors.contains($0.name) }
    }

    private struct Name {
        var name: String
        /// Offset of the `&` or `*` from the start of the YAML.
        var offset: Int
        /// Index just past the name.
        var end: Int
    }

    /// Every `&name` or `*name`, quotes or not (libyaml's names are `[0-9A-Za-z_-]+`).
    private static func names(after sigil: UInt8, in bytes: ArraySlice<UInt8>) -> [Name] {
        var result: [Name] = []
        var index = bytes.startIndex
        while let found = bytes[index...].firstIndex(of: sigil) {
            var end = found + 1
            while end < bytes.endIndex, ASCII.isNameByte(bytes[end]) { end += 1 }
            if end > found + 1 {
                result.append(Name(name: FrontMatterText.string(bytes[(found + 1)..<end]), offset: found - bytes.startIndex, end: end))
            }
            index = end
        }
        return result
    }

    /// Per line, the index of the last `]` or `}` followed by a `:` (a collection used
    /// as a key ends there), or -1. One pass, so many aliases on a long line stay cheap.
    private static func lastCloserBeforeColon(_ bytes: ArraySlice<UInt8>) -> [Int] {
        var result: [Int] = []
        var last = -1
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == FrontMatterText.lineFeed {
                result.append(last)
                last = -1
            } else if byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") {
                var next = index + 1
                while next < bytes.endIndex, FrontMatterText.isSpaceOrTab(bytes[next]) { next += 1 }
                if next < bytes.endIndex, bytes[next] == UInt8(ascii: ":") { last = index }
            }
            index += 1
        }
        result.append(last)
        return result
    }

    /// The first `?` that libyaml could read as an explicit-key indicator: followed by
    /// a blank (block context), or at the start of a token (flow context).
    private static func explicitKeyIndicator(_ bytes: ArraySlice<UInt8>) -> Int? {
        bytes.indices.first { index in
            guard bytes[index] == UInt8(ascii: "?") else { return false }
            if isBlankOrEnd(bytes, index + 1) { return true }
            guard index > bytes.startIndex else { return true }
            return [UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ","), UInt8(ascii: " "),
                    UInt8(ascii: "\t"), FrontMatterText.lineFeed].contains(bytes[index - 1])
        }
    }

    private static func isIndicator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "-") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: ":")
    }

    private static func isBlankOrEnd(_ bytes: ArraySlice<UInt8>, _ index: Int) -> Bool {
        index >= bytes.endIndex || FrontMatterText.isSpaceOrTab(bytes[index]) || bytes[index] == FrontMatterText.lineFeed
    }
}
