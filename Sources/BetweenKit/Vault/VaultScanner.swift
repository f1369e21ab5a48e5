/// A Markdown file found in the vault, before it is read.
public struct SourceFile: Sendable, Hashable {
    /// Relative to the vault root, `/`-separated.
    public var path: String
    /// Absolute path used to read it (through any in-vault link).
    public var absolutePath: String
    public var size: Int64
    /// Modification time, nanoseconds since 1970.
    public var modified: Int64
}

/// Finds a vault's source files: every `*.md` / `*.markdown` under the root,
/// except in `.between/`, `.git/`, `templates/`, other dot-folders, and `exclude` globs.
///
/// Links are followed only when they stay inside the vault, and never around a
/// loop; each one not followed gets a warning. The result is sorted by path, so
/// every run sees the same order.
struct VaultScanner {
    let root: String
    let exclude: [String]

    /// The sources and any problems met while walking.
    func scan() -> (files: [SourceFile], diagnostics: [Diagnostic]) {
        var files: [SourceFile] = []
        var diagnostics: [Diagnostic] = []
        let canonicalRoot = FileSystem.realPath(root) ?? root
        var visited: Set<[UInt64]> = []
        if let rootStatus = FileSystem.status(root, follow: true) {
            visited.insert([rootStatus.device, rootStatus.inode])
        }
        // An explicit stack, not recursion: a deep tree must not exhaust the stack.
        var pending: [(absolute: String, relative: String)] = [(root, "")]
        while let (directory, relativeDirectory) = pending.popLast() {
            guard let entries = FileSystem.entries(in: directory) else {
                if !relativeDirectory.isEmpty {
                    diagnostics.append(.warning("can't read this folder (check its permissions); its files are skipped",
                                                in: relativeDirectory))
                }
                continue
            }
            for entry in entries {
                let name = entry.name
                let relative = relativeDirectory.isEmpty ? name : "\(relativeDirectory)/\(name)"
                guard entry.nameIsText else {
                    if Self.isMarkdown(name) || entry.status?.kind == .directory {
                        diagnostics.append(.warning("this name is not valid UTF-8 text (shown with \u{FFFD} for the odd bytes), so Between can't read it; rename it in your file manager", in: relative))
                    }
                    continue
                }
                let absolute = directory == "/" ? "/\(name)" : "\(directory)/\(name)"
                guard var status = entry.status else { continue }
                if status.kind == .symlink {
                    guard let target = FileSystem.realPath(absolute), let resolved = FileSystem.status(target, follow: true) else {
                        if Self.isMarkdown(name) {
                            diagnostics.append(.warning("this link points to nothing (broken link); skipped", in: relative))
                        }
                        continue
                    }
                    guard target == canonicalRoot || target.hasPrefix(canonicalRoot + "/") else {
                        if resolved.kind == .directory || Self.isMarkdown(name) {
                            diagnostics.append(.warning("this link points outside the vault (to \(target)); Between does not follow it", in: relative))
                        }
                        continue
                    }
                    status = resolved
                }
                switch status.kind {
                case .directory:
                    guard !Self.isSkippedFolder(name, atTop: relativeDirectory.isEmpty), !isExcluded(relative) else { continue }
                    guard visited.insert([status.device, status.inode]).inserted else {
                        diagnostics.append(.warning("this folder was already read through another path (a link loop?); skipped", in: relative))
                        continue
                    }
                    pending.append((absolute, relative))
                case .file where Self.isMarkdown(name):
                    guard !isExcluded(relative) else { continue }
                    files.append(SourceFile(path: relative, absolutePath: absolute, size: status.size, modified: status.modified))
                case .other where Self.isMarkdown(name):
                    diagnostics.append(.warning("this is not a regular file (a pipe, socket or device) though its name ends in .md; skipped", in: relative))
                default:
                    continue
                }
            }
        }
        files.sort { $0.path < $1.path }
        return (files, diagnostics.sorted { $0.path < $1.path })
    }

    static func isMarkdown(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.hasSuffix(".md") || lower.hasSuffix(".markdown")
    }

    /// Dot-folders (`.git`, `.between`, `.obsidian`, …) anywhere, and `templates/` at the top.
    static func isSkippedFolder(_ name: String, atTop: Bool) -> Bool {
        name.hasPrefix(".") || (atTop && name == "templates")
    }

    private func isExcluded(_ relative: String) -> Bool {
        exclude.contains { Glob.matches($0, relative) }
    }
}
