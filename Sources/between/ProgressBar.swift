import Foundation

import Glibc

/// A one-line progress bar on stderr, shown only on a terminal and only once the
/// work has taken about a second (quick runs stay silent; pipes never see it).
final class ProgressBar: @unchecked Sendable {
    private let start = Date()
    private let lock = NSLock()
    private var shown = false
    private var lastDrawn = -1

    private init() {}

    /// A bar when stderr is a terminal, else nil.
    static func forStandardError() -> ProgressBar? {
        isatty(STDERR_FILENO) == 1 ? ProgressBar() : nil
    }

    func update(_ done: Int, of total: Int) {
        lock.lock()
        defer { lock.unlock() }
        guard total > 0, Date().timeIntervalSince(start) > 1 else { return }
        let percent = done * 100 / total
        guard percent != lastDrawn else { return }
        lastDrawn = percent
        shown = true
        let width = 30
        let filled = width * done / total
        Terminal.writeError("\rIndexing [\(String(repeating: "#", count: filled))\(String(repeating: " ", count: width - filled))] \(done)/\(total) files")
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if shown { Terminal.writeError("\r\u{1B}[K") }
    }
}
