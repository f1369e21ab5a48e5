import Glibc

extension UnsafeBufferPointer where Element == UInt8 {
    /// The index of the first `byte`, found with `memchr`: every file's bytes and every
    /// body's text are searched like this (for a NUL, a carriage return, a question
    /// mark), and the generic `firstIndex(of:)` looks at one byte at a time.
    package func firstIndex(ofByte byte: UInt8) -> Int? {
        guard let base = baseAddress, let found = memchr(base, Int32(byte), count) else { return nil }
        return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
    }
}

extension Array where Element == UInt8 {
    /// The index of the first `byte` (`UnsafeBufferPointer.firstIndex(ofByte:)`).
    package func firstIndex(ofByte byte: UInt8) -> Int? {
        withUnsafeBufferPointer { $0.firstIndex(ofByte: byte) }
    }
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// Whether `needle` occurs anywhere: each candidate start found with `memchr`,
    /// then compared with `memcmp` (the generic `contains(_:)` over collections
    /// took a fifth of a cold index's time when every heading was searched with it).
    package func contains(bytes needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        var start = 0
        while count - start >= needle.count,
              let found = UnsafeBufferPointer(rebasing: self[start...]).firstIndex(ofByte: first) {
            let at = start + found
            guard count - at >= needle.count else { return false }
            if needle.withUnsafeBufferPointer({ memcmp(baseAddress! + at, $0.baseAddress!, needle.count) == 0 }) { return true }
            start = at + 1
        }
        return false
    }
}
