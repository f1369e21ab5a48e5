import Glibc

/// Writing bytes to a file descriptor completely: the one loop every writer uses
/// (stdout/stderr, reports, new entries, exported templates).
public enum FileWriting {
    /// Writes all of `bytes`, retrying short writes and interruptions; false when
    /// the descriptor refuses (a full disk, a closed pipe), with `errno` set.
    @discardableResult
    public static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return false }
            offset += count
        }
        return true
    }
}
