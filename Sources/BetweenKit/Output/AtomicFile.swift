import BetweenCore
import Glibc

/// Writes report files atomically: a temporary file beside the target (created
/// exclusively, mode 0600), written and synced, then renamed over the target, so a
/// reader never sees half a report and a crash never leaves one.
public enum AtomicFile {
    public struct Failure: UserFacingError, CustomStringConvertible {
        public var description: String
    }

    /// Writes what `produce` hands to its `output`, piece by piece: a long export is
    /// never held whole. Errors from `produce` leave the target untouched and are
    /// rethrown as they are.
    public static func write(to path: String, _ produce: (_ output: (String) throws -> Void) throws -> Void) throws {
        // A device or pipe (`-o /dev/null`, `-o /dev/stdout`) is written to as it is:
        // renaming over it would replace the device node itself.
        if let status = FileSystem.status(path, follow: true), status.kind != .file, status.kind != .directory {
            let descriptor = open(path, O_WRONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw Failure(description: "can't write \(path): \(FileSystem.lastError)") }
            defer { close(descriptor) }
            try produce { try writeAll($0, to: descriptor, path: path) }
            return
        }
        let directory = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        var template = ((directory.isEmpty ? "" : directory) + "/.between-XXXXXX").utf8CString.map { $0 }
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw Failure(description: "can't write in \(directory) (\(FileSystem.lastError)); check the folder exists and you can write to it")
        }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var succeeded = false
        InterruptCleanup.arm(temporary)
        defer {
            InterruptCleanup.disarm()
            close(descriptor)
            if !succeeded { unlink(temporary) }
        }
        fchmod(descriptor, 0o600)
        var pieces = 0
        try produce { piece in
            try writeAll(piece, to: descriptor, path: path)
            pieces += 1
            if pieces == 1 { pauseForInterruptTest() }
        }
        guard fsync(descriptor) == 0 || errno == EINVAL else {
            throw Failure(description: "can't save \(path): \(FileSystem.lastError)")
        }
        guard rename(temporary, path) == 0 else {
            throw Failure(description: "can't save \(path): \(FileSystem.lastError)")
        }
        succeeded = true
    }

    /// With `BETWEEN_TEST_PAUSE_WRITING=1`, waits (up to a minute) after the first piece
    /// is in the temporary file: only for the test that interrupts a write and checks the
    /// file is removed, which needs the write to be under way when its signal arrives.
    private static func pauseForInterruptTest() {
        guard let flag = getenv("BETWEEN_TEST_PAUSE_WRITING"), String(cString: flag) == "1" else { return }
        for _ in 0..<600 { usleep(100_000) }
    }

    private static func writeAll(_ text: String, to descriptor: Int32, path: String) throws(Failure) {
        guard FileWriting.writeAll(Array(text.utf8), to: descriptor) else {
            throw Failure(description: "can't write \(path): \(FileSystem.lastError)")
        }
    }
}
