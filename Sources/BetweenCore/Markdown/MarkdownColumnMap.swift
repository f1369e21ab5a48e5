import Glibc

/// Turns cmark's byte columns into the Unicode-scalar columns `SourcePosition` promises.
///
/// cmark counts columns in UTF-8 bytes, so "é" moves every later column on its
/// line by one. Editors count characters; we count scalars (docs/conventions.md#messages).
/// The line table is built only when a column past the first is asked for and the
/// text isn't pure ASCII, so most bodies never pay for it.
struct MarkdownColumnMap {
    private let source: String
    private var built = false
    private var bytes: [UInt8] = []
    /// Byte offset where each line starts (index 0 is line 1), split the way cmark
    /// splits lines: at `\n`, `\r\n` and a lone `\r`. Empty for ASCII text.
    private var lineStarts: [Int] = []
    /// The last answer, so that a walk along one long line counts each byte once
    /// instead of restarting at the line start (a 1 MB line would go quadratic).
    private var cache = (line: 0, byte: 0, scalar: 0)

    init(_ source: String) {
        self.source = source
    }

    /// The 1-based scalar column of cmark's 1-based `byteColumn` on body line `line`.
    mutating func scalarColumn(line: Int, byteColumn: Int) -> Int {
        guard byteColumn > 1 else { return byteColumn }
        if !built { build() }
        guard !lineStarts.isEmpty, line >= 1, line <= lineStarts.count else { return byteColumn }
        let lineStart = lineStarts[line - 1]
        let lineEnd = line < lineStarts.count ? lineStarts[line] : bytes.count
        let target = min(lineStart + byteColumn - 1, lineEnd)
        var offset = lineStart
        var scalars = 0
        if cache.line == line, cache.byte <= target {
            offset = cache.byte
            scalars = cache.scalar
        }
        while offset < target {
            // Every byte except UTF-8 continuation bytes (10xxxxxx) starts a scalar.
            if bytes[offset] & 0xC0 != 0x80 { scalars += 1 }
            offset += 1
        }
        cache = (line, target, scalars)
        return scalars + 1
    }

    private mutating func build() {
        built = true
        bytes = Array(source.utf8)
        guard !Self.isASCII(bytes) else {
            bytes = []
            return
        }
        lineStarts = bytes.withUnsafeBufferPointer(Self.lineStarts)
    }

    /// Eight bytes at a time: one test of the high bits per word instead of per byte.
    private static func isASCII(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset + 8 <= raw.count {
                if raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
                offset += 8
            }
            return raw[offset...].allSatisfy { $0 < 0x80 }
        }
    }

    private static func lineStarts(_ bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var starts = [0]
        guard let base = bytes.baseAddress else { return starts }
        if memchr(base, 0x0D, bytes.count) == nil {
            // No carriage returns (the usual case): let memchr find the line feeds.
            var offset = 0
            while offset < bytes.count, let hit = memchr(base + offset, 0x0A, bytes.count - offset) {
                offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
                starts.append(offset)
            }
            return starts
        }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == 0x0A {
                starts.append(index)
            } else if byte == 0x0D {
                if index < bytes.count, bytes[index] == 0x0A { index += 1 }
                starts.append(index)
            }
        }
        return starts
    }
}
