import BetweenCore
import Foundation
import Glibc

/// Where a vault's index lives, and making that place private.
enum IndexLocation {
    static func folder(of root: String) -> String { root + "/.between" }
    static func database(of root: String) -> String { folder(of: root) + "/index.sqlite" }

    /// Creates `.between/` with mode 0700 (and fixes the mode of an existing one).
    /// Returns nil when it is ready, else why the index can't be written there, in
    /// words for the person ("the vault is on a read-only disk").
    static func prepareFolder(of root: String) -> String? {
        let folder = folder(of: root)
        if mkdir(folder, 0o700) != 0, errno != EEXIST { return unwritable(errno) }
        switch FileSystem.status(folder)?.kind {
        case .directory: break
        case .symlink: return ".between is a link; Between keeps its index only in a real folder, so replace the link with a folder"
        case nil: return unwritable(errno)
        default: return ".between is a file, not a folder; move or rename it and Between will make the folder"
        }
        _ = chmod(folder, 0o700)
        return access(folder, W_OK) == 0 ? nil : unwritable(errno)
    }

    /// Why a folder can't be made or written, from the system's reason (`errno`).
    static func unwritable(_ code: Int32) -> String {
        switch code {
        case EROFS: "the vault is on a read-only disk"
        case EACCES, EPERM: "you may not write in that folder; check its permissions"
        case ENAMETOOLONG: "the vault's path is longer than the system allows; move the vault somewhere with a shorter path"
        case ENOSPC, EDQUOT: "the disk is full"
        case ENOTDIR: "part of the vault's path is a file, not a folder"
        default: String(cString: strerror(code)).lowercased()
        }
    }

    /// A SQLite database file and the side files SQLite may keep beside it.
    private static func withSideFiles(_ database: String) -> [String] {
        [database, database + "-wal", database + "-shm", database + "-journal"]
    }

    /// Sets 0600 on the database and its WAL and shared-memory files, when they exist
    /// and have another mode. (Only then: any `chmod` changes the file's stamp.)
    static func restrictFiles(of root: String) {
        for path in withSideFiles(database(of: root)) {
            var info = stat()
            if stat(path, &info) == 0, info.st_mode & 0o7777 != 0o600 {
                _ = chmod(path, 0o600)
            }
        }
    }

    /// Removes the database and its side files, for a rebuild.
    static func removeDatabase(of root: String) {
        for path in withSideFiles(database(of: root)) {
            _ = unlink(path)
        }
    }

    /// Where a new index is built before it is renamed into place (`Index.build`).
    static func buildFile(of root: String) -> String { database(of: root) + ".building" }

    /// Creates an empty, private build file (replacing one a crashed build left), and
    /// returns its path. Made 0600 before SQLite writes a byte into it.
    static func createBuildFile(of root: String) throws -> String {
        removeBuildFile(of: root)
        let path = buildFile(of: root)
        let descriptor = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw Failure(errorDescription: "can't create \(path): \(FileSystem.lastError)") }
        close(descriptor)
        return path
    }

    /// Removes the build file and its side files, if any.
    static func removeBuildFile(of root: String) {
        for path in withSideFiles(buildFile(of: root)) {
            _ = unlink(path)
        }
    }

    /// Renames the finished build file to the index's name.
    static func moveBuildFile(of root: String) throws {
        guard rename(buildFile(of: root), database(of: root)) == 0 else {
            throw Failure(errorDescription: "can't rename \(buildFile(of: root)): \(FileSystem.lastError)")
        }
    }

    struct Failure: LocalizedError {
        var errorDescription: String?
    }

    /// Takes an exclusive lock on `.between/index.lock`, waiting for other processes; -1 when it can't.
    static func lock(of root: String) -> Int32 {
        let descriptor = open(folder(of: root) + "/index.lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return -1 }
        while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
        return descriptor
    }

    static func unlock(_ descriptor: Int32) {
        guard descriptor >= 0 else { return }
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
