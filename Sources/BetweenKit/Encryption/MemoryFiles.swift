import BetweenCore
import Foundation
import Glibc

/// Runs a program that reads files by name (`git merge-file`) on contents that must never
/// reach a disk: decrypted private notes.
///
/// Each content goes into a POSIX shared-memory object (memory, like a pipe) that is
/// unlinked as soon as it is opened, so it has no name anyone could find and vanishes
/// with the last descriptor, whatever happens to Between. The child inherits the
/// descriptors as 3, 4, 5… and reads them as `/dev/fd/3`…, which, unlike a pipe, have a
/// size.
enum MemoryFiles {
    /// Runs `executable` with `arguments(paths)`, `paths` naming `contents` in order;
    /// nil when the files or the process can't be made.
    static func run(_ executable: String, contents: [[UInt8]], arguments: ([String]) -> [String]) -> Subprocess.Output? {
        var descriptors: [Int32] = []
        defer { descriptors.forEach { close($0) } }
        for content in contents {
            guard let descriptor = memoryFile(content) else { return nil }
            descriptors.append(descriptor)
        }
        let paths = descriptors.indices.map { "/dev/fd/\(3 + $0)" }
        return try? Subprocess.run(executable, arguments(paths), inheriting: descriptors)
    }

    /// An unnamed shared-memory file holding `content`, its descriptor kept clear of 0–9
    /// (so moving the files to 3, 4, 5… in the child can't overwrite one another).
    private static func memoryFile(_ content: [UInt8]) -> Int32? {
        let name = "/between-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
        let opened = shm_open(name, O_RDWR | O_CREAT | O_EXCL, 0o600)
        guard opened >= 0 else { return nil }
        shm_unlink(name)
        let descriptor = fcntl(opened, F_DUPFD_CLOEXEC, 10)
        close(opened)
        guard descriptor >= 0 else { return nil }
        guard FileWriting.writeAll(content, to: descriptor), lseek(descriptor, 0, SEEK_SET) == 0 else {
            close(descriptor)
            return nil
        }
        return descriptor
    }
}
