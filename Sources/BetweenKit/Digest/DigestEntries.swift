import BetweenCore
import BetweenIndex

/// What a digest keeps of each entry's body, read one entry at a time.
///
/// A digest holds every entry of its period at once, and an entry may be a 10 MB note
/// (twice that once read: its text and its sections). Of a body, a digest uses only
/// its questions and, to quote the person's words (`Quote`), the first lines of a
/// section; so each entry is kept with its plain text dropped and each section cut at
/// the first line end past `sectionBytes`. Ordinary notes keep every section whole: a
/// week of long notes no longer needs their whole text.
enum DigestEntries {
    /// The most of a section's text kept (UTF-8 bytes, up to the next line end).
    static let sectionBytes = 16 * 1024

    /// `entry` as a digest keeps it.
    static func trimmed(_ entry: Entry) -> Entry {
        guard entry.body.plainText.utf8.count > sectionBytes else { return entry }
        var kept = entry
        kept.body.plainText = ""
        for index in kept.body.sections.indices {
            kept.body.sections[index].text = cut(kept.body.sections[index].text)
        }
        return kept
    }

    /// The text up to the first line end past `sectionBytes` (or up to about that, on one long line).
    static func cut(_ text: String) -> String {
        let bytes = text.utf8
        guard bytes.count > sectionBytes else { return text }
        let limit = bytes.index(bytes.startIndex, offsetBy: sectionBytes)
        if let end = bytes[limit...].firstIndex(of: UInt8(ascii: "\n")), bytes.distance(from: limit, to: end) <= sectionBytes {
            return String(text[..<end])
        }
        // One long line: its first characters are all a quote can use.
        return String(text.unicodeScalars.prefix(sectionBytes))
    }
}

extension DigestEntries {
    /// The entries of `index` matching `query`, each as a digest keeps it (`trimmed`).
    static func read(from index: Index, matching query: RecordQuery, order: RecordOrder = .path, limit: Int? = nil) throws -> [Entry] {
        var entries: [Entry] = []
        try index.forEachEntry(matching: query, order: order, limit: limit) { entries.append(trimmed($0)) }
        return entries
    }
}
