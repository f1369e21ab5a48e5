#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension UnsafeBufferPointer where Element == UInt8 {
    /// The index of the first `byte`, found with `memchr`: every file's bytes and every
    /// body's text are searched like this (for a NUL, a carriage return, a question
    /// mark), and the generic `firstIndex(of:)` looks at one byte at a time.
    func firstIndex(ofByte byte: UInt8) -> Int? {
        guard let base = baseAddress, let found = memchr(base, Int32(byte), count) else { return nil }
        return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
    }
}

extension Array where Element == UInt8 {
    /// The index of the first `byte` (`UnsafeBufferPointer.firstIndex(ofByte:)`).
    func firstIndex(ofByte byte: UInt8) -> Int? {
        withUnsafeBufferPointer { $0.firstIndex(ofByte: byte) }
    }
}
