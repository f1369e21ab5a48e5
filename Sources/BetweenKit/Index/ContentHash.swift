/// A fast 64-bit content hash (FNV-1a) for telling whether a touched file really changed.
///
/// Not cryptographic: it only decides whether to re-parse a file whose size or
/// modification time moved, and a collision would at worst keep a stale record
/// until the file changes again.
enum ContentHash {
    static func of(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        bytes.withUnsafeBufferPointer { buffer in
            for byte in buffer {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            }
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
