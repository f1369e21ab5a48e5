import BetweenCore
import Glibc

/// Creates new files in a vault without ever replacing one: `open(O_CREAT | O_EXCL)`.
///
/// Folders on the way are created as needed, and each is checked to still be inside the
/// vault once created, so a `journal` that is a link to elsewhere is refused rather than
/// written through.
enum ExclusiveFile {
    enum Outcome {
        case created
        /// Something is already there (a file, or anything else): try another name.
        case taken
    }

    /// Creates the folders of `relativeFolder` (a `/`-separated path without `.` or `..`) under `root`.
    static func makeFolders(_ relativeFolder: String, in root: String) throws(CaptureError) {
        var path = root
        var shown = ""
        for part in relativeFolder.split(separator: "/") {
            precondition(part != "." && part != "..", "vault paths are built from safe parts")
            path += "/" + part
            shown += (shown.isEmpty ? "" : "/") + part
            if mkdir(path, 0o755) != 0, errno != EEXIST {
                throw .cannotCreate(path: shown + "/", reason: FileSystem.lastReason)
            }
            guard FileSystem.status(path, follow: true)?.kind == .directory else { throw .notAFolder(path: shown) }
        }
        guard isInside(path, root: root) else { throw .outsideVault(path: relativeFolder + "/") }
    }

    /// Writes `text` to a new file at `root/relativePath`, or says the name is taken.
    static func create(_ relativePath: String, in root: String, text: String) throws(CaptureError) -> Outcome {
        try create(relativePath, in: root, bytes: Array(text.utf8))
    }

    /// Writes `bytes` to a new file at `root/relativePath` with `mode` (less the umask), or says the name is taken.
    static func create(_ relativePath: String, in root: String, bytes: [UInt8], mode: mode_t = 0o644) throws(CaptureError) -> Outcome {
        guard FileSystem.createNew(root + "/" + relativePath, bytes: bytes, mode: mode) else {
            if errno == EEXIST { return .taken }
            throw .cannotCreate(path: relativePath, reason: FileSystem.lastReason)
        }
        return .created
    }

    /// Whether `path` (resolved) lies in `root` (resolved).
    static func isInside(_ path: String, root: String) -> Bool {
        guard let resolvedRoot = FileSystem.realPath(root), let resolved = FileSystem.realPath(path) else { return false }
        return resolved == resolvedRoot || resolved.hasPrefix(resolvedRoot == "/" ? "/" : resolvedRoot + "/")
    }
}
