/// The plain text of a paragraph, heading or list item as it is being collected,
/// plus the stretches of it that are code or a bare URL.
///
/// Those stretches are "opaque": a `?` inside `` `ls -la?` `` or `<https://x.org/?q>`
/// is not punctuation, so it must not end a sentence or make a question.
struct MarkdownInlineText {
    private(set) var text = ""
    /// UTF-8 offset ranges into `text`, in ascending order, never overlapping.
    private(set) var opaque: [Range<Int>] = []

    /// The length of `text` in UTF-8 bytes (O(1) for native strings).
    var utf8Count: Int { text.utf8.count }

    mutating func append(_ piece: String) {
        text += piece
    }

    /// Appends text whose punctuation is not sentence punctuation (inline code).
    mutating func appendOpaque(_ piece: String) {
        let start = utf8Count
        text += piece
        markOpaque(from: start)
    }

    /// Marks everything from `start` to the end as opaque (an autolink, once its text is known).
    mutating func markOpaque(from start: Int) {
        let end = utf8Count
        guard start < end else { return }
        // Ranges arrive in order; merge with one that ends where this starts or later.
        if let last = opaque.last, last.upperBound >= start {
            opaque[opaque.count - 1] = min(last.lowerBound, start)..<end
        } else {
            opaque.append(start..<end)
        }
    }

    /// The text from UTF-8 offset `start` to the end (a link's text).
    func suffix(fromUTF8Offset start: Int) -> String {
        let utf8 = text.utf8
        let index = utf8.index(utf8.startIndex, offsetBy: min(start, utf8.count))
        return String(text[index...])
    }

    /// Appends another block's text after `separator`, keeping its opaque ranges.
    mutating func append(_ other: MarkdownInlineText, separator: String) {
        if !text.isEmpty && !other.text.isEmpty { text += separator }
        let shift = utf8Count
        text += other.text
        for range in other.opaque {
            opaque.append((range.lowerBound + shift)..<(range.upperBound + shift))
        }
    }
}

/// Small text helpers for the Markdown code, namespaced so they can't clash with
/// helpers elsewhere in BetweenKit.
enum MarkdownText {
    /// The text without leading and trailing Unicode whitespace.
    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
              let last = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(scalars[first...last])
    }

    /// The number of runs of non-whitespace characters.
    ///
    /// Works on UTF-8 bytes (this runs over every body in the vault): ASCII bytes are
    /// classified directly, and the few multi-byte whitespace characters (NBSP,
    /// U+2000–U+200A, U+3000…) are recognised by their encodings. A word starts at
    /// each non-space byte after a space, counted without a branch: which way a
    /// branch on "space or not" goes changes every few bytes of prose, and guessing
    /// it wrong was most of the time this took.
    static func wordCount(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            var count = 0
            var afterSpace = 1
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte >= 0x80 {
                    let width = spaceWidth(bytes, at: index)
                    if width > 0 {
                        afterSpace = 1
                        index += width
                        continue
                    }
                }
                let space = isASCIISpace(byte) ? 1 : 0
                count &+= afterSpace & (space ^ 1)
                afterSpace = space
                index += 1
            }
            return count
        }
    }

    /// Tab, line feed, vertical tab, form feed, carriage return and space, as a bit set.
    @inline(__always)
    static func isASCIISpace(_ byte: UInt8) -> Bool {
        // One mask test, no branch: bits 9–13 and 32 of a 64-bit set, and nothing at or
        // over 64 (shifted into range, then cleared by the comparison's own mask).
        (UInt64(0x1_0000_3E00) >> (byte & 63)) & (byte < 64 ? 1 : 0) != 0
    }

    /// The byte length of the whitespace character starting at `index`, or 0.
    private static func spaceWidth(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        if byte < 0x80 { return byte == 0x20 || (0x09...0x0D).contains(byte) ? 1 : 0 }
        func next(_ offset: Int) -> UInt8 { index + offset < bytes.count ? bytes[index + offset] : 0 }
        switch byte {
        case 0xC2: return next(1) == 0x85 || next(1) == 0xA0 ? 2 : 0
        case 0xE1: return next(1) == 0x9A && next(2) == 0x80 ? 3 : 0
        case 0xE2:
            if next(1) == 0x80, (0x80...0x8A).contains(next(2)) || [0xA8, 0xA9, 0xAF].contains(next(2)) { return 3 }
            return next(1) == 0x81 && next(2) == 0x9F ? 3 : 0
        case 0xE3: return next(1) == 0x80 && next(2) == 0x80 ? 3 : 0
        default: return 0
        }
    }

    /// Whether the string's UTF-8 contains `byte`, searched with `memchr` over contiguous
    /// storage (the generic `utf8.contains` is many times slower, and this runs on every body).
    static func contains(_ byte: UInt8, in text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { $0.firstIndex(ofByte: byte) != nil } ?? text.utf8.contains(byte)
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        // The ASCII test first: it settles nearly every scalar without a property lookup.
        if scalar.value < 0x80 {
            return scalar == " " || (0x09...0x0D).contains(scalar.value)
        }
        return scalar.properties.isWhitespace
    }
}
