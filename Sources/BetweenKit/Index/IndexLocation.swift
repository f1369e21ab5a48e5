import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where a vault's index lives, and making that place private.
enum IndexLocation {
    static func folder(of root: String) -> String { root + "/.between" }
    static func database(of root: String) -> String { folder(of: root) + "/index.sqlite" }

    /// Creates `.between/` with mode 0700 (and fixes the mode of an existing one).
    /// Returns false when it can't be created (a read-only vault).
    static func prepareFolder(of root: String) -> Bool {
        let folder = folder(of: root)
        if mkdir(folder, 0o700) != 0, errno != EEXIST { return false }
        guard FileSystem.status(folder)?.kind == .directory else { return false }
        _ = chmod(folder, 0o700)
        return access(folder, W_OK) == 0
    }

    /// A SQLite database file and the side files SQLite may keep beside it.
    private static func withSideFiles(_ database: String) -> [String] {
        [database, database + "-wal", database + "-shm", database + "-journal"]
    }

    /// Sets 0600 on the database and its WAL and shared-memory files, when they exist.
    static func restrictFiles(of root: String) {
        for path in withSideFiles(database(of: root)) {
            _ = chmod(path, 0o600)
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
