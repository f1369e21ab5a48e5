import Glibc

/// Removes a half-written temporary file (`AtomicFile`'s `.between-XXXXXX`) when the
/// process is interrupted (Ctrl-C, `kill`, a closed terminal) while writing it: the
/// file may hold private entries, and it is hidden, so nobody would find it. The
/// process then ends by the same signal, with the status a shell expects (130 for Ctrl-C).
///
/// One file at a time: the command line writes one report per run.
enum InterruptCleanup {
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// The temporary file's path as a C string, in memory the handler reads without
    /// allocating (a signal handler may only call async-signal-safe functions).
    nonisolated(unsafe) static let path = UnsafeMutablePointer<CChar>.allocate(capacity: Int(PATH_MAX) + 1)

    /// Each signal's action before `arm`, restored by `disarm`.
    nonisolated(unsafe) private static var previous: [(Int32, sigaction)] = []

    /// From now until `disarm`, those signals remove `temporary` first. Signals the
    /// process ignores (`nohup` ignores SIGHUP) stay ignored.
    static func arm(_ temporary: String) {
        let bytes = temporary.utf8CString
        guard bytes.count <= Int(PATH_MAX) + 1, previous.isEmpty else { return }
        // Written whole before any handler is installed (by a system call, which orders
        // memory): a handler never sees half a path.
        bytes.withUnsafeBufferPointer { path.update(from: $0.baseAddress!, count: $0.count) }
        for signal in signals {
            var old = sigaction()
            guard sigaction(signal, nil, &old) == 0, !isIgnored(old) else { continue }
            var action = sigaction()
            action.__sigaction_handler.sa_handler = removeAndDie
            sigemptyset(&action.sa_mask)
            for other in signals { sigaddset(&action.sa_mask, other) }
            if sigaction(signal, &action, nil) == 0 { previous.append((signal, old)) }
        }
    }

    /// Puts back the actions `arm` replaced.
    static func disarm() {
        for (signal, old) in previous {
            var action = old
            sigaction(signal, &action, nil)
        }
        previous = []
    }

    private static func isIgnored(_ action: sigaction) -> Bool {
        guard let handler = action.__sigaction_handler.sa_handler else { return false }
        return unsafeBitCast(handler, to: Int.self) == 1 // SIG_IGN
    }
}

/// The handler: remove the file, then die of the signal as if it had not been caught
/// (it is blocked while this runs, so `raise` takes effect on return).
private let removeAndDie: @convention(c) (Int32) -> Void = { signal in
    unlink(InterruptCleanup.path)
    Glibc.signal(signal, SIG_DFL)
    raise(signal)
}
