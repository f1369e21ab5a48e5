import Glibc

/// The few POSIX file-system calls the vault scanner and reader need.
///
/// Kept in one place so the rest of the code deals in Swift values: a file's
/// kind, identity and stamp, a directory's names, a file's bytes.
package enum FileSystem {
    /// The system's reason the last call failed (`errno`), in its words, for messages:
    /// "No such file or directory". Read it right after the call.
    package static var lastError: String {
        String(cString: strerror(errno))
    }

    /// `lastError` lowercased, for the middle of a sentence: "can't write x: no such file or directory".
    package static var lastReason: String {
        lastError.lowercased()
    }

    /// A file or folder the system wouldn't open or list: its reason, in its words
    /// and lowercased for the middle of a sentence, and what the person can do about it.
    package struct Refusal: Error, Sendable {
        package var reason: String
        package var advice: String?

        /// The refusal the last call met (`errno`); read it right after the call.
        package static var last: Refusal {
            let code = errno
            return Refusal(reason: String(cString: strerror(code)).lowercased(), advice: advice(for: code))
        }

        /// What to do, for the reasons a person can act on; nil when there is nothing useful to say.
        package static func advice(for code: Int32) -> String? {
            switch code {
            case EACCES, EPERM: "check its permissions"
            case ENAMETOOLONG: "its path is longer than the system allows; shorten the names of its folders, or move the vault higher up"
            case ELOOP: "it is reached through links that go round in a loop"
            case ENOENT, ENOTDIR: "it was moved or removed while Between was reading"
            case EIO: "the disk reported an error; it may be failing, so back up your notes"
            default: nil
            }
        }
    }

    /// What `lstat`/`stat` says about a path.
    package struct Status: Sendable, Hashable {
        package enum Kind: Sendable { case file, directory, symlink, other }
        package var kind: Kind
        package var size: Int64
        /// Modification time in nanoseconds since 1970.
        package var modified: Int64
        package var device: UInt64
        package var inode: UInt64
    }

    /// `lstat` (follow = false) or `stat` (follow = true); nil when the path can't be examined.
    package static func status(_ path: String, follow: Bool = false) -> Status? {
        var info = stat()
        let result = follow ? stat(path, &info) : lstat(path, &info)
        guard result == 0 else { return nil }
        return Status(info)
    }

    /// One name in a directory and what `lstat` says of it.
    package struct DirectoryEntry: Sendable {
        /// The name; when it is not valid UTF-8, a readable stand-in (U+FFFD for bad bytes).
        package var name: String
        /// False when the name is not valid UTF-8: such a file can't be named in
        /// Swift strings (nor in diagnostics or the index) exactly, so it is not read.
        package var nameIsText: Bool
        /// Nil when the entry vanished or can't be examined.
        package var status: Status?
    }

    /// The entries of a directory (not `.` and `..`) in order of name, or why it
    /// can't be read.
    ///
    /// Each entry is examined relative to the open directory (`fstatat`), so the kernel
    /// does not walk the whole path again for every file of a large vault.
    package static func entries(in directory: String) -> Result<[DirectoryEntry], Refusal> {
        guard let handle = opendir(directory) else { return .failure(.last) }
        defer { closedir(handle) }
        let descriptor = dirfd(handle)
        var entries: [DirectoryEntry] = []
        while let entry = readdir(handle) {
            // Read the name through a pointer: glibc's records are only d_reclen
            // long, so copying the whole 256-byte d_name field would read past them.
            let offset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
            let pointer = UnsafeRawPointer(entry).advanced(by: offset).assumingMemoryBound(to: CChar.self)
            let exact = String(validatingCString: pointer)
            let name = exact ?? String(decoding: UnsafeRawBufferPointer(start: pointer, count: strlen(pointer)), as: UTF8.self)
            guard name != "." && name != ".." else { continue }
            var info = stat()
            let examined = fstatat(descriptor, pointer, &info, AT_SYMLINK_NOFOLLOW) == 0
            entries.append(DirectoryEntry(name: name, nameIsText: exact != nil, status: examined ? Status(info) : nil))
        }
        return .success(entries.sorted { $0.name < $1.name })
    }
}

extension FileSystem.Status {
    package init(_ info: stat) {
        let kind: Kind = switch info.st_mode & S_IFMT {
        case S_IFREG: .file
        case S_IFDIR: .directory
        case S_IFLNK: .symlink
        default: .other
        }
        let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        self.init(kind: kind, size: Int64(info.st_size), modified: modified,
                  device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }
}

extension FileSystem {
    /// The canonical absolute path (symlinks resolved), or nil.
    package static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Why reading a file failed, in words for a diagnostic.
    package enum ReadFailure: Error, Sendable {
        case cannotOpen(Refusal)
        case notRegular
        case tooLarge(Int64)
    }

    /// Reads a regular file whole, refusing anything larger than `limit` bytes.
    ///
    /// Opened non-blocking so a FIFO that slipped in after scanning can't hang us,
    /// and checked with `fstat` on the open descriptor, so a file swapped after
    /// scanning is judged by what is actually read.
    package static func read(_ path: String, limit: Int) -> Result<[UInt8], ReadFailure> {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(.cannotOpen(.last)) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(.cannotOpen(.last)) }
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
                return .failure(.cannotOpen(.last))
            }
            if count == 0 { break }
            total += count
        }
        bytes.removeSubrange(total...)
        return .success(bytes)
    }
}

extension FileSystem {
    /// Creates the folder at the absolute `path` and every missing one above it, each new
    /// one with `mode` (less the umask), as `mkdir -p` does; a folder already there is
    /// fine. False, with `errno` set, when one can't be made (`ENOTDIR`: part of the path
    /// is a file). Something other than a folder at `path` itself is the caller's to check.
    package static func createFolders(_ path: String, mode: mode_t) -> Bool {
        var prefix = ""
        for part in path.split(separator: "/") {
            prefix += "/" + part
            if mkdir(prefix, mode) != 0, errno != EEXIST { return false }
        }
        return true
    }

    /// Creates a file at `path` that was not there, with `bytes` as its whole content and
    /// `mode` (less the umask), synced to the disk. Never replaces anything: a file, a
    /// folder or a link at `path` (even a dangling one) fails with `EEXIST`.
    ///
    /// False, with `errno` set to the first refusal, when it could not; a file it created
    /// is then removed again, so nothing half written is left. The callers word the failure
    /// themselves (`lastReason`, `lastError`).
    package static func createNew(_ path: String, bytes: [UInt8], mode: mode_t) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        guard descriptor >= 0 else { return false }
        var failure: Int32?
        if !FileWriting.writeAll(bytes, to: descriptor) { failure = errno }
        // EINVAL: a file system that can't sync (some FUSE mounts); the bytes are written.
        if failure == nil, fsync(descriptor) != 0, errno != EINVAL { failure = errno }
        if close(descriptor) != 0, failure == nil { failure = errno }
        guard let failure else { return true }
        unlink(path) // only ever our own new, incomplete file
        errno = failure
        return false
    }
}
