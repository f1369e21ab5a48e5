#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few POSIX file-system calls the vault scanner and reader need.
///
/// Kept in one place so the rest of the code deals in Swift values: a file's
/// kind, identity and stamp, a directory's names, a file's bytes.
enum FileSystem {
    /// What `lstat`/`stat` says about a path.
    struct Status: Sendable, Hashable {
        enum Kind: Sendable { case file, directory, symlink, other }
        var kind: Kind
        var size: Int64
        /// Modification time in nanoseconds since 1970.
        var modified: Int64
        var device: UInt64
        var inode: UInt64
    }

    /// `lstat` (follow = false) or `stat` (follow = true); nil when the path can't be examined.
    static func status(_ path: String, follow: Bool = false) -> Status? {
        var info = stat()
        let result = follow ? stat(path, &info) : lstat(path, &info)
        guard result == 0 else { return nil }
        let kind: Status.Kind = switch info.st_mode & S_IFMT {
        case S_IFREG: .file
        case S_IFDIR: .directory
        case S_IFLNK: .symlink
        default: .other
        }
        let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        return Status(kind: kind, size: Int64(info.st_size), modified: modified,
                      device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    /// The names in a directory (not `.` and `..`), or nil when it can't be read.
    static func names(in directory: String) -> [String]? {
        guard let handle = opendir(directory) else { return nil }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            // Read the name through a pointer: glibc's records are only d_reclen
            // long, so copying the whole 256-byte d_name field would read past them.
            let offset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
            let name = String(cString: UnsafeRawPointer(entry).advanced(by: offset).assumingMemoryBound(to: CChar.self))
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// The canonical absolute path (symlinks resolved), or nil.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Why reading a file failed, in words for a diagnostic.
    enum ReadFailure: Error, Sendable {
        case cannotOpen(String)
        case notRegular
        case tooLarge(Int64)
    }

    /// Reads a regular file whole, refusing anything larger than `limit` bytes.
    ///
    /// Opened non-blocking so a FIFO that slipped in after scanning can't hang us,
    /// and checked with `fstat` on the open descriptor, so a file swapped after
    /// scanning is judged by what is actually read.
    static func read(_ path: String, limit: Int) -> Result<[UInt8], ReadFailure> {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(.cannotOpen(String(cString: strerror(errno)))) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(.cannotOpen(String(cString: strerror(errno)))) }
        guard info.st_mode & S_IFMT == S_IFREG else { return .failure(.notRegular) }
        guard info.st_size <= limit else { return .failure(.tooLarge(Int64(info.st_size))) }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size) + 1)
        var total = 0
        while true {
            if total == bytes.count {
                // The file grew while we read it: read on, but never past the limit.
                guard bytes.count <= limit else { return .failure(.tooLarge(Int64(bytes.count))) }
                bytes.append(contentsOf: repeatElement(0, count: min(bytes.count, limit + 1 - bytes.count)))
            }
            let count = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress! + total, buffer.count - total)
            }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(.cannotOpen(String(cString: strerror(errno))))
            }
            if count == 0 { break }
            total += count
        }
        bytes.removeSubrange(total...)
        return .success(bytes)
    }
}
