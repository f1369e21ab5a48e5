import BetweenCore

/// The excerpt shown for a search hit in a note too long for FTS5's own functions:
/// `snippet()` and `highlight()` take time in the square of a note's matches (35 s for
/// three notes holding a word 100,000 times), so a note over `Index.snippetLimit`
/// gets this linear scan of its plain text instead.
///
/// Words are found as FTS5's tokenizer sees them, closely enough for an excerpt:
/// a word is a run of letters and digits (any non-ASCII byte counts as one), matched
/// whole and ignoring ASCII case. The excerpt is five words before the first match and
/// eleven from it on, matches marked, with … where cut; without a match (the words
/// were in the title, or differ only by accents), the first sixteen words.
enum SearchExcerpt {
    static func of(_ text: String, words: [String]) -> String {
        let needles = words.map { Array($0.lowercased().utf8) }.filter { !$0.isEmpty }
        let bytes = Array(text.utf8)
        var recentStarts: [Int] = [] // starts of the last five words before the match
        var index = 0
        var match: Range<Int>?
        while let word = nextWord(in: bytes, from: index) {
            if isMatch(bytes[word], needles) {
                match = word
                break
            }
            recentStarts.append(word.lowerBound)
            if recentStarts.count > 5 { recentStarts.removeFirst() }
            index = word.upperBound
        }
        let start = match == nil ? nextWord(in: bytes, from: 0)?.lowerBound ?? 0 : recentStarts.first ?? match!.lowerBound
        var output = (start > 0 && bytes[..<start].contains(where: isWordByte)) ? "…" : ""
        var cursor = start
        var kept = 0
        index = start
        while kept < (match == nil ? 16 : recentStarts.count + 11), let word = nextWord(in: bytes, from: index) {
            output += String(decoding: bytes[cursor..<word.lowerBound], as: UTF8.self)
            let marked = isMatch(bytes[word], needles)
            output += (marked ? SearchHit.highlightStart : "") + String(decoding: bytes[word], as: UTF8.self)
                + (marked ? SearchHit.highlightEnd : "")
            cursor = word.upperBound
            index = word.upperBound
            kept += 1
        }
        if nextWord(in: bytes, from: cursor) != nil { output += "…" }
        return output
    }

    private static func nextWord(in bytes: [UInt8], from index: Int) -> Range<Int>? {
        guard let start = bytes[index...].firstIndex(where: isWordByte) else { return nil }
        let end = bytes[start...].firstIndex { !isWordByte($0) } ?? bytes.count
        return start..<end
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        if byte >= 0x80 { return true }
        let lower = byte | 0x20
        return (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(lower)
    }

    private static func isMatch(_ word: ArraySlice<UInt8>, _ needles: [[UInt8]]) -> Bool {
        needles.contains { needle in
            needle.count == word.count && zip(needle, word).allSatisfy { wanted, byte in
                wanted == ((UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte)
            }
        }
    }
}
