import BetweenCore

/// A fast 64-bit content hash (XXH64, seed 0) for telling whether a touched file really changed.
///
/// Not cryptographic: it only decides whether to re-parse a file whose size or
/// modification time moved, and a collision would at worst keep a stale record
/// until the file changes again. XXH64 (the published xxHash algorithm, so its
/// reference values test it) reads eight bytes at a time in four independent
/// lanes; the byte-at-a-time FNV-1a it replaced was 2% of a cold index's samples.
enum ContentHash {
    /// The hash as 16 lowercase hex digits, as stored in `record.hash`.
    static func of(_ bytes: [UInt8]) -> String {
        xxh64(bytes).zeroPadded(to: 16, radix: 16)
    }

    private static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let prime3: UInt64 = 0x1656_67B1_9E37_79F9
    private static let prime4: UInt64 = 0x85EB_CA77_C2B2_AE63
    private static let prime5: UInt64 = 0x27D4_EB2F_1656_67C5

    static func xxh64(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { buffer in
            let count = buffer.count
            var offset = 0
            func word64() -> UInt64 {
                defer { offset += 8 }
                return UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            }
            var hash: UInt64
            if count >= 32 {
                var lanes: (UInt64, UInt64, UInt64, UInt64) = (prime1 &+ prime2, prime2, 0, 0 &- prime1)
                while count - offset >= 32 {
                    lanes.0 = round(lanes.0, word64())
                    lanes.1 = round(lanes.1, word64())
                    lanes.2 = round(lanes.2, word64())
                    lanes.3 = round(lanes.3, word64())
                }
                hash = lanes.0.rotated(1) &+ lanes.1.rotated(7) &+ lanes.2.rotated(12) &+ lanes.3.rotated(18)
                hash = merge(merge(merge(merge(hash, lanes.0), lanes.1), lanes.2), lanes.3)
            } else {
                hash = prime5
            }
            hash &+= UInt64(count)
            while count - offset >= 8 {
                hash = (hash ^ round(0, word64())).rotated(27) &* prime1 &+ prime4
            }
            if count - offset >= 4 {
                let word = UInt64(UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
                offset += 4
                hash = (hash ^ (word &* prime1)).rotated(23) &* prime2 &+ prime3
            }
            while offset < count {
                hash = (hash ^ (UInt64(buffer[offset]) &* prime5)).rotated(11) &* prime1
                offset += 1
            }
            hash ^= hash >> 33
            hash &*= prime2
            hash ^= hash >> 29
            hash &*= prime3
            hash ^= hash >> 32
            return hash
        }
    }

    private static func merge(_ hash: UInt64, _ lane: UInt64) -> UInt64 {
        (hash ^ round(0, lane)) &* prime1 &+ prime4
    }

    private static func round(_ accumulator: UInt64, _ input: UInt64) -> UInt64 {
        (accumulator &+ input &* prime2).rotated(31) &* prime1
    }
}

private extension UInt64 {
    func rotated(_ bits: UInt64) -> UInt64 {
        (self << bits) | (self >> (64 - bits))
    }
}
