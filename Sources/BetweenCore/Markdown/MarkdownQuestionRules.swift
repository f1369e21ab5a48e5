/// The judgement calls behind `Body.questions` and `Body.tasks`: what a sentence is,
/// which headings mean "things to raise", and what a `[ ]` box looks like.
package enum MarkdownQuestionRules {
    private static let questionMark = UInt8(ascii: "?")

    /// The sentences of `text` that end in `?`, trimmed, in order.
    ///
    /// A sentence ends at `.`, `!` or `?` (a run of them, then closing quotes or
    /// brackets) followed by whitespace or the end, and at a hard line break.
    /// Punctuation inside code spans and bare URLs doesn't count, nor the dot of
    /// "Dr." and the like, so "I asked Dr. Okafor about it?" stays one sentence.
    static func questionSentences(in text: MarkdownInlineText) -> [String] {
        guard MarkdownText.contains(questionMark, in: text.text) else { return [] }
        var source = text.text
        let opaque = text.opaque
        return source.withUTF8 { bytes in
            var found: [String] = []
            var sentenceStart = 0
            var opaqueIndex = 0
            func isOpaque(_ offset: Int) -> Bool {
                while opaqueIndex < opaque.count, opaque[opaqueIndex].upperBound <= offset { opaqueIndex += 1 }
                return opaqueIndex < opaque.count && opaque[opaqueIndex].contains(offset)
            }
            func emit(_ end: Int) {
                let sentence = MarkdownText.trimmed(String(decoding: UnsafeBufferPointer(rebasing: bytes[sentenceStart..<end]), as: UTF8.self))
                if !sentence.isEmpty { found.append(sentence) }
            }
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\n") {
                    sentenceStart = index + 1
                    index += 1
                    continue
                }
                guard isTerminal(byte), !isOpaque(index) else { index += 1; continue }
                var end = index
                var asks = false
                while end < bytes.count, isTerminal(bytes[end]), !isOpaque(end) {
                    asks = asks || bytes[end] == questionMark
                    end += 1
                }
                let runIsOneDot = end == index + 1 && byte == UInt8(ascii: ".")
                while let width = closerWidth(bytes, at: end) { end += width }
                let atBoundary = end == bytes.count || MarkdownText.isASCIISpace(bytes[end])
                if atBoundary && !(runIsOneDot && followsAbbreviation(bytes, dotAt: index)) {
                    if asks { emit(end) }
                    sentenceStart = end
                }
                index = end
            }
            return found
        }
    }

    /// Whether the text, read to its end, finishes with a real `?` (not one in code or a URL).
    static func endsWithQuestion(_ text: MarkdownInlineText) -> Bool {
        guard MarkdownText.contains(questionMark, in: text.text) else { return false }
        let bytes = Array(text.text.utf8)
        var end = bytes.count
        while end > 0, MarkdownText.isASCIISpace(bytes[end - 1]) { end -= 1 }
        // Step back over closing quotes/brackets: `Is that "normal?"` still asks.
        var stepped = true
        while stepped {
            stepped = false
            for closer in closers where end >= closer.count && Array(bytes[(end - closer.count)..<end]) == closer {
                end -= closer.count
                stepped = true
                break
            }
        }
        let isOpaque = { (offset: Int) in text.opaque.contains { $0.contains(offset) } }
        while end > 0, isTerminal(bytes[end - 1]), !isOpaque(end - 1) {
            if bytes[end - 1] == questionMark { return true }
            end -= 1
        }
        return false
    }

    /// Headings whose items are all things to raise: *Questions*, *For next session*,
    /// *To discuss*, *Bring up*, *Ask*… matched on whole words, case-insensitively,
    /// so "Questions for Dr. Lee:" counts but "PHQ-9 questionnaire" does not.
    package static func isQuestionsHeading(_ heading: String) -> Bool {
        var lowered = heading.lowercased()
        // Every rule below needs one of these words, which most headings lack: a
        // search for them spares splitting every heading of a vault into words.
        guard lowered.withUTF8({ bytes in headingClues.contains { bytes.contains(bytes: $0) } }) else { return false }
        let words = lowered.unicodeScalars
            .split { $0.value < 0x80 ? !(0x61...0x7A).contains($0.value) : !$0.properties.isAlphabetic }
            .map { Substring(String($0)) }
        if words == ["ask"] || words.contains("question") || words.contains("questions") { return true }
        return raisePhrases.contains { phrase in
            words.count >= phrase.count && (0...(words.count - phrase.count)).contains { start in
                phrase.indices.allSatisfy { words[start + $0] == phrase[$0] }
            }
        }
    }

    private static let headingClues = ["ask", "question", "session", "discuss", "bring", "therapist"].map { Array($0.utf8) }

    private static let raisePhrases: [[Substring]] = [
        ["next", "session"], ["to", "discuss"], ["bring", "up"], ["for", "my", "therapist"], ["to", "ask"],
        ["ask", "my", "therapist"],
    ]

    /// `(done, rest)` when an item's trimmed text starts with `[ ]`, `[x]` or `[X]`
    /// followed by a space or nothing; nil otherwise.
    static func taskBox(_ trimmedText: String) -> (done: Bool, rest: String)? {
        // Nearly every list item is not a task: settled by its first byte.
        guard trimmedText.utf8.first == UInt8(ascii: "[") else { return nil }
        let scalars = Array(trimmedText.unicodeScalars.prefix(4))
        guard scalars.count >= 3, scalars[0] == "[", scalars[2] == "]" else { return nil }
        let done: Bool
        switch scalars[1] {
        case " ": done = false
        case "x", "X": done = true
        default: return nil
        }
        if scalars.count == 4 && !MarkdownText.isSpace(scalars[3]) { return nil }
        return (done, MarkdownText.trimmed(String(trimmedText.unicodeScalars.dropFirst(3))))
    }

    private static func isTerminal(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == questionMark
    }

    /// `"` `'` `)` `]` and the UTF-8 of ” ’ »: what may close a sentence after its punctuation.
    private static let closers: [[UInt8]] = [[0x22], [0x27], [0x29], [0x5D], [0xE2, 0x80, 0x9D], [0xE2, 0x80, 0x99], [0xC2, 0xBB]]

    private static func closerWidth(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int? {
        for closer in closers where offset + closer.count <= bytes.count {
            if (0..<closer.count).allSatisfy({ bytes[offset + $0] == closer[$0] }) { return closer.count }
        }
        return nil
    }

    /// Titles and abbreviations whose dot doesn't end a sentence, as lowercase UTF-8.
    private static let abbreviations: [[UInt8]] = ["dr", "mr", "mrs", "ms", "mx", "prof", "st", "vs", "e.g", "i.e", "cf"]
        .map { Array($0.utf8) }

    /// Whether the word before the dot at `dotAt` is a title or abbreviation ("Dr.", "e.g.").
    /// Compares bytes: this runs at every full stop in the vault.
    private static func followsAbbreviation(_ bytes: UnsafeBufferPointer<UInt8>, dotAt dot: Int) -> Bool {
        var start = dot
        while start > 0, !MarkdownText.isASCIISpace(bytes[start - 1]), dot - start < 5 { start -= 1 }
        guard start < dot, start == 0 || MarkdownText.isASCIISpace(bytes[start - 1]) else { return false }
        let length = dot - start
        return abbreviations.contains { word in
            word.count == length && (0..<length).allSatisfy { word[$0] == bytes[start + $0] | (bytes[start + $0] >= 0x41 && bytes[start + $0] <= 0x5A ? 0x20 : 0) }
        }
    }
}
