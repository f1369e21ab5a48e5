/// Text as a word for /bin/sh: in the hook and filter lines Between writes, and in
/// commands it tells the person to copy.
package enum ShellWord {
    /// `text` in single quotes.
    package static func quoted(_ text: String) -> String {
        "'" + text.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }
}
