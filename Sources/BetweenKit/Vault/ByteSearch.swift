#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Array where Element == UInt8 {
    /// The index of the first `byte`, found with `memchr`: every file's bytes are
    /// searched like this (for a NUL, for a carriage return), and the generic
    /// `firstIndex(of:)` looks at one byte at a time.
    func firstIndex(ofByte byte: UInt8) -> Int? {
        withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, let found = memchr(base, Int32(byte), buffer.count) else { return nil }
            return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
        }
    }
}
