import Dispatch

extension Array where Element: Sendable {
    /// `map` using every core, keeping the order. For work on independent items
    /// (reading and parsing files); each item is processed exactly once.
    package func parallelMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        guard count > 1 else { return map(transform) }
        let slots = ResultSlots<Result>(count: count)
        self.withUnsafeBufferPointer { buffer in
            let input = UnsafeSendable(buffer)
            DispatchQueue.concurrentPerform(iterations: count) { index in
                slots.store(transform(input.value[index]), at: index)
            }
        }
        return slots.collect()
    }
}

/// One slot per result, each written by exactly one iteration, so no lock is needed.
private final class ResultSlots<Result>: @unchecked Sendable {
    private var storage: UnsafeMutableBufferPointer<Result?>

    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }

    deinit {
        storage.deinitialize()
        storage.deallocate()
    }

    func store(_ result: Result, at index: Int) {
        storage[index] = result
    }

    func collect() -> [Result] {
        storage.map { $0! }
    }
}

/// A buffer read by many iterations at once; it is never written during them.
private struct UnsafeSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
