/// Turns a file's bytes into text, or says why it isn't a text file Between can read.
///
/// Files over the size limit, binary files (a NUL byte), UTF-16/32 files and
/// invalid UTF-8 are refused with a diagnostic naming the file, and skipped. So is a
/// private note still encrypted (`EncryptedNote`): it is left out like a private one.
package enum SourceDecoder {
    package static func decode(_ bytes: [UInt8], path: String) -> Result<String, Diagnostic> {
        if EncryptedNote.isArmored(bytes) {
            return .failure(EncryptedNote.diagnostic(path))
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return .failure(.error("this file is saved as UTF-16; Between reads UTF-8 only. Re-save it as UTF-8 in your editor", in: path))
        }
        if let nul = bytes.firstIndex(ofByte: 0) {
            return .failure(.error("this looks like a binary file, not text (it has a NUL byte here); skipped. If it isn't notes, rename it so it doesn't end in .md",
                                   in: path, at: position(of: nul, in: bytes)))
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            return .success(text)
        }
        let bad = firstInvalidUTF8(bytes)
        return .failure(.error("this file is not valid UTF-8 text (bad byte 0x\(String(bytes[bad], radix: 16, uppercase: true)) here); re-save it as UTF-8 in your editor",
                               in: path, at: position(of: bad, in: bytes)))
    }

    /// 1-based line and column (in scalars, roughly: bytes of the line before) of a byte offset.
    private static func position(of offset: Int, in bytes: [UInt8]) -> SourcePosition {
        var line = 1
        var lineStart = 0
        for index in 0..<offset where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        let prefix = bytes[lineStart..<offset]
        // Count scalars: every byte that is not a UTF-8 continuation byte starts one.
        let column = prefix.reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
        return SourcePosition(line: line, column: column)
    }

    private static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length = lead < 0x80 ? 1 : lead >> 5 == 0b110 ? 2 : lead >> 4 == 0b1110 ? 3 : lead >> 3 == 0b11110 ? 4 : 0
            guard length > 0, index + length <= bytes.count else { return index }
            let slice = Array(bytes[index..<index + length])
            guard String(validating: slice, as: UTF8.self) != nil else { return index }
            index += length
        }
        return max(0, bytes.count - 1)
    }
}
