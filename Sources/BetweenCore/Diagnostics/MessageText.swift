/// Text from a note quoted inside a message, cut short.
///
/// A message is one line a person reads; the value it quotes can be a megabyte long
/// (a number of a million digits, a key pasted by mistake). Forty characters are
/// enough to recognise it.
package enum MessageText {
    package static let limit = 40

    /// `text`, cut to `limit` characters and "…" when it is longer.
    package static func excerpt(_ text: some StringProtocol) -> String {
        excerpt(text, limit: limit)
    }

    /// `text`, cut to `limit` characters and "…" when it is longer.
    package static func excerpt(_ text: some StringProtocol, limit: Int) -> String {
        let head = text.prefix(limit + 1)
        return head.count <= limit ? String(head) : String(head.prefix(limit)) + "…"
    }

    /// `'text'`, cut the same way.
    package static func quoted(_ text: some StringProtocol) -> String {
        "'\(excerpt(text))'"
    }

    /// A library's message with each `'…'` part cut the same way (toml++ quotes the
    /// value it complains about in full).
    package static func clippingQuotes(_ message: String) -> String {
        let parts = message.split(separator: "'", omittingEmptySubsequences: false)
        guard parts.count > 2 else { return message }
        return parts.enumerated().map { index, part in
            index % 2 == 1 && index < parts.count - 1 ? excerpt(part) : String(part)
        }.joined(separator: "'")
    }
}
