import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program that reads files by name (`git merge-file`) on contents that must never
/// reach a disk: decrypted private notes.
///
/// Each content goes into a POSIX shared-memory object (memory, like a pipe) that is
/// unlinked as soon as it is opened, so it has no name anyone could find and vanishes
/// with the last descriptor, whatever happens to Between. The child inherits the
/// descriptors as 3, 4, 5… and reads them as `/dev/fd/3`…, which, unlike a pipe, have a
/// size. (Foundation's `Process` closes inherited descriptors, hence `posix_spawn` here.)
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
        return spawn(executable, arguments(paths), inheriting: descriptors)
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

    private static func spawn(_ executable: String, _ arguments: [String], inheriting files: [Int32]) -> Subprocess.Output? {
        var output: [Int32] = [0, 0], errors: [Int32] = [0, 0]
        guard pipe(&output) == 0 else { return nil }
        guard pipe(&errors) == 0 else {
            output.forEach { close($0) }
            return nil
        }
        for descriptor in output + errors { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, output[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errors[1], 2)
        for (offset, descriptor) in files.enumerated() {
            posix_spawn_file_actions_adddup2(&actions, descriptor, Int32(3 + offset))
        }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        close(output[1])
        close(errors[1])
        defer {
            close(output[0])
            close(errors[0])
        }
        guard spawned == 0 else { return nil }
        let group = DispatchGroup()
        nonisolated(unsafe) var outBytes: [UInt8] = [], errBytes: [UInt8] = []
        let (outRead, errRead) = (output[0], errors[0])
        DispatchQueue.global().async(group: group) { outBytes = readAll(outRead) }
        DispatchQueue.global().async(group: group) { errBytes = readAll(errRead) }
        group.wait()
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let signaled = status & 0x7f != 0
        return Subprocess.Output(status: signaled ? status & 0x7f : (status >> 8) & 0xff, stdout: Data(outBytes),
                                 stderr: String(decoding: errBytes, as: UTF8.self), signaled: signaled)
    }

    private static func readAll(_ descriptor: Int32) -> [UInt8] {
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return result }
            result += chunk[..<count]
        }
    }
}
