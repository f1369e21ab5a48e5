import BetweenCore
import Glibc

/// Copies the built-in templates into a vault's `templates/` folder, to be edited there.
///
/// Never overwrites a file unless asked to (`force`), and then replaces it atomically
/// (a temporary file renamed over it), so an interrupted export never leaves half a template.
public enum TemplateExport {
    /// What an export did, by path from the vault root (`templates/NAME`), each list sorted.
    public struct Report: Sendable, Hashable {
        /// New files.
        public var written: [String] = []
        /// Existing files replaced by the built-in (with `force`).
        public var replaced: [String] = []
        /// Existing files that differ from the built-in and were kept.
        public var leftAlone: [String] = []
        /// Existing files already the same as the built-in.
        public var unchanged: [String] = []
    }

    /// Why an export stopped.
    public struct Failure: UserFacingError, Sendable, CustomStringConvertible {
        /// The file or folder, from the vault root.
        public var path: String
        /// Why, in words (the system's reason, lowercased).
        public var reason: String
        /// "can't write templates/NAME: reason".
        public var description: String { "can't write \(path): \(reason)" }
    }

    /// Exports every built-in template of `store` into `<vaultRoot>/templates/`.
    public static func export(to vaultRoot: String, force: Bool, store: TemplateStore = TemplateStore()) throws(Failure) -> Report {
        let folder = vaultRoot + "/" + TemplateStore.folderName
        if mkdir(folder, 0o755) != 0, errno != EEXIST {
            throw Failure(path: TemplateStore.folderName + "/", reason: FileSystem.lastReason)
        }
        guard FileSystem.status(folder, follow: true)?.kind == .directory else {
            throw Failure(path: TemplateStore.folderName + "/", reason: "it exists but is not a folder")
        }
        var report = Report()
        for name in store.builtInNames {
            guard let text = store.builtInText(named: name) else { continue }
            let relative = TemplateStore.folderName + "/" + name
            let path = folder + "/" + name
            guard FileSystem.status(path) != nil else {
                // Never overwrites: a file that appeared meanwhile fails the export.
                guard FileSystem.createNew(path, bytes: Array(text.utf8), mode: 0o644) else {
                    throw Failure(path: relative, reason: FileSystem.lastReason)
                }
                report.written.append(relative)
                continue
            }
            if case .success(let bytes) = FileSystem.read(path, limit: TemplateStore.sizeLimit), bytes == Array(text.utf8) {
                report.unchanged.append(relative)
            } else if force {
                try replace(path, Array(text.utf8), relative: relative)
                report.replaced.append(relative)
            } else {
                report.leftAlone.append(relative)
            }
        }
        return report
    }

    /// Writes a temporary file beside `path` and renames it over `path`.
    private static func replace(_ path: String, _ bytes: [UInt8], relative: String) throws(Failure) {
        var attempt = 0
        while true {
            let temporary = path + ".between-\(getpid())-\(attempt).tmp"
            let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if descriptor < 0, errno == EEXIST, attempt < 100 { attempt += 1; continue }
            guard descriptor >= 0 else { throw Failure(path: relative, reason: FileSystem.lastReason) }
            let written = writeAll(descriptor, bytes) && fsync(descriptor) == 0
            let closed = close(descriptor) == 0
            guard written, closed, rename(temporary, path) == 0 else {
                let reason = FileSystem.lastReason
                unlink(temporary)
                throw Failure(path: relative, reason: reason)
            }
            return
        }
    }

    private static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Bool {
        FileWriting.writeAll(bytes, to: descriptor)
    }
}
