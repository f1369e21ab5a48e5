import Glibc

/// Runs work that may recurse deeply on a fresh thread with a large stack.
///
/// libyaml lets nesting reach about a thousand levels, and Yams' composer (and the
/// release of its tree) recurses once or twice per level, which can overflow the
/// 512 KiB stack of a secondary thread (measured: ~1 KiB per level in a debug
/// build). Only input that *might* be that deep comes here, so the cost of a
/// thread is paid by the odd hostile file, not by every note.
enum LargeStack {
    /// Ten times what the deepest tree libyaml allows needs (~1,400 levels, ~1.5 MiB
    /// measured in a debug build); reserved address space, touched only as used.
    static let stackBytes = 16 << 20

    /// `work()` run on a new thread; nil if no thread could be started.
    static func run<Result: Sendable>(_ work: @escaping @Sendable () -> Result) -> Result? {
        let slot = ResultSlot<Result>()
        let job = Job { slot.value = work() }
        var attributes = pthread_attr_t()
        guard pthread_attr_init(&attributes) == 0 else { return nil }
        defer { pthread_attr_destroy(&attributes) }
        guard pthread_attr_setstacksize(&attributes, stackBytes) == 0 else { return nil }
        let context = Unmanaged.passRetained(job).toOpaque()
        var thread = pthread_t()
        guard pthread_create(&thread, &attributes, { LargeStack.start($0) }, context) == 0 else {
            Unmanaged<Job>.fromOpaque(context).release()
            return nil
        }
        // Joining orders the thread's write of `slot.value` before this read.
        pthread_join(thread, nil)
        return slot.value
    }

    private static func start(_ context: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
        guard let context else { return nil }
        Unmanaged<Job>.fromOpaque(context).takeRetainedValue().body()
        return nil
    }

    private final class Job: @unchecked Sendable {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }

    /// Written once by the worker thread, read after `pthread_join`.
    private final class ResultSlot<Value>: @unchecked Sendable {
        var value: Value?
    }
}
