/// A Markdown file found in the vault, before it is read.
public struct SourceFile: Sendable, Hashable {
    /// Relative to the vault root, `/`-separated.
    public var path: String
    /// Absolute path used to read it (through any in-vault link).
    public var absolutePath: String
    public var size: Int64
    /// Modification time, nanoseconds since 1970.
    public var modified: Int64

    package init(path: String, absolutePath: String, size: Int64, modified: Int64) {
        self.path = path
        self.absolutePath = absolutePath
        self.size = size
        self.modified = modified
    }
}

/// Finds a vault's source files: every `*.md` / `*.markdown` under the root,
/// except in `.between/`, `.git/`, `templates/`, other dot-folders, and `exclude` globs.
///
/// Links are followed only when they stay inside the vault, and never around a
/// loop; each one not followed gets a warning. The result is sorted by path, so
/// every run sees the same order.
package struct VaultScanner {
    package let root: String
    package let exclude: [String]

    package init(root: String, exclude: [String]) {
        self.root = root
        self.exclude = exclude
    }

    /// The sources and any problems met while walking.
    package func scan() -> (files: [SourceFile], diagnostics: [Diagnostic]) {
        var found = Found()
        let canonicalRoot = FileSystem.realPath(root) ?? root
        if let rootStatus = FileSystem.status(root, follow: true) {
            found.visited.insert([rootStatus.device, rootStatus.inode])
        }
        // A level of folders at a time, not recursion (a deep tree must not exhaust the
        // stack): the folders of a level are listed in parallel, since listing is nearly
        // all system calls, then what they hold is handled in order, so every run meets
        // the same names in the same order and says the same things.
        var level = [Folder(absolute: root, relative: "")]
        while !level.isEmpty {
            let listings = level.parallelMap { FileSystem.entries(in: $0.absolute) }
            level = zip(level, listings).flatMap { folder, listing in
                handle(listing, of: folder, canonicalRoot: canonicalRoot, found: &found)
            }
        }
        return (found.files.sorted { $0.path < $1.path }, found.diagnostics.sorted { $0.path < $1.path })
    }

    private struct Folder: Sendable {
        var absolute: String
        var relative: String
    }

    /// What the walk has found so far.
    private struct Found {
        var files: [SourceFile] = []
        var diagnostics: [Diagnostic] = []
        /// Folders read, by device and inode: a folder reached again through a link is skipped.
        var visited: Set<[UInt64]> = []
    }

    /// Handles one folder's listing: its Markdown files and anything skipped go into
    /// `found`; its subfolders, to be listed next, are returned.
    private func handle(_ listing: Result<[FileSystem.DirectoryEntry], FileSystem.Refusal>, of folder: Folder, canonicalRoot: String,
                        found: inout Found) -> [Folder] {
        let (directory, relativeDirectory) = (folder.absolute, folder.relative)
        var folders: [Folder] = []
        let entries: [FileSystem.DirectoryEntry]
        switch listing {
        case .success(let listed):
            entries = listed
        case .failure(let refusal):
            if !relativeDirectory.isEmpty {
                let advice = refusal.advice.map { "; " + $0 } ?? ""
                found.diagnostics.append(.warning("can't read this folder (\(refusal.reason)), so its files are skipped\(advice)",
                                                  in: relativeDirectory))
            }
            return []
        }
        for entry in entries {
            let name = entry.name
            let relative = relativeDirectory.isEmpty ? name : "\(relativeDirectory)/\(name)"
            guard entry.nameIsText else {
                if Self.isMarkdown(name) || entry.status?.kind == .directory {
                    found.diagnostics.append(.warning("this name is not valid UTF-8 text (shown with \u{FFFD} for the odd bytes), so Between can't read it; rename it in your file manager", in: relative))
                }
                continue
            }
            let absolute = directory == "/" ? "/\(name)" : "\(directory)/\(name)"
            guard var status = entry.status else { continue }
            if status.kind == .symlink {
                guard let target = FileSystem.realPath(absolute), let resolved = FileSystem.status(target, follow: true) else {
                    if Self.isMarkdown(name) {
                        found.diagnostics.append(.warning("this link points to nothing (broken link); skipped", in: relative))
                    }
                    continue
                }
                guard target == canonicalRoot || target.hasPrefix(canonicalRoot + "/") else {
                    if resolved.kind == .directory || Self.isMarkdown(name) {
                        found.diagnostics.append(.warning("this link points outside the vault (to \(target)); Between does not follow it", in: relative))
                    }
                    continue
                }
                status = resolved
            }
            switch status.kind {
            case .directory:
                guard !Self.isSkippedFolder(name, atTop: relativeDirectory.isEmpty), !isExcluded(relative) else { continue }
                guard found.visited.insert([status.device, status.inode]).inserted else {
                    found.diagnostics.append(.warning("this folder was already read through another path (a link loop?); skipped", in: relative))
                    continue
                }
                folders.append(Folder(absolute: absolute, relative: relative))
            case .file where Self.isMarkdown(name):
                guard !isExcluded(relative) else { continue }
                found.files.append(SourceFile(path: relative, absolutePath: absolute, size: status.size, modified: status.modified))
            case .other where Self.isMarkdown(name):
                found.diagnostics.append(.warning("this is not a regular file (a pipe, socket or device) though its name ends in .md; skipped", in: relative))
            default:
                continue
            }
        }
        return folders
    }

    /// Whether a regular file at `relative` (below the root, `/`-separated) is one this
    /// scan reads as a note: a Markdown name, no skipped or excluded folder on the way,
    /// not excluded itself. For checks on paths that may not exist yet (`-o`, staged files).
    package func reads(_ relative: String) -> Bool {
        let parts = relative.split(separator: "/").map(String.init)
        guard let name = parts.last, Self.isMarkdown(name) else { return false }
        for depth in 0..<(parts.count - 1) {
            let folder = parts[0...depth].joined(separator: "/")
            if Self.isSkippedFolder(parts[depth], atTop: depth == 0) || isExcluded(folder) { return false }
        }
        return !isExcluded(relative)
    }

    package static func isMarkdown(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.hasSuffix(".md") || lower.hasSuffix(".markdown")
    }

    /// Dot-folders (`.git`, `.between`, `.obsidian`, …) anywhere, and `templates/` at the top.
    package static func isSkippedFolder(_ name: String, atTop: Bool) -> Bool {
        name.hasPrefix(".") || (atTop && name == "templates")
    }

    private func isExcluded(_ relative: String) -> Bool {
        exclude.contains { Glob.matches($0, relative) }
    }
}
