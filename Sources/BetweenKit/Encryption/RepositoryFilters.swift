import BetweenCore
import Glibc

/// Tells git to run Between on notes: the `.gitattributes` lines (committed, so every
/// clone knows which files pass through the filter) and this clone's `.git/config`
/// entries (local: git never copies config with a clone, which is why a new clone runs
/// `between encrypt setup` too).
enum RepositoryFilters {
    /// The attribute lines, one per Markdown extension Between reads.
    static let attributeLines = ["*.md filter=between diff=between merge=between",
                                 "*.markdown filter=between diff=between merge=between"]

    /// The `.git/config` entries, each a key and its value, for the `between` run as `command`,
    /// for the vault at `vaultFolder` (from the top of the repository: "" or "notes/").
    static func configuration(command: String, vaultFolder: String) -> [(key: String, value: String)] {
        let textconv = vaultFolder.isEmpty ? "" : " --vault-folder " + ShellWord.quoted(vaultFolder)
        return [("filter.between.clean", "\(command) git-filter clean %f"),
                ("filter.between.smudge", "\(command) git-filter smudge %f"),
                ("filter.between.process", "\(command) git-filter process"),
                ("filter.between.required", "true"),
                ("diff.between.textconv", "\(command) git-filter textconv\(textconv)"),
                ("merge.between.name", "Between: merges encrypted notes as plain text"),
                ("merge.between.driver", "\(command) git-filter merge %O %A %B %L %P")]
    }

    /// `between` when it is on PATH, else this program by its full path (quoted for the shell git uses).
    static func command(executable: String?) -> String {
        if Subprocess.find("between") != nil || executable == nil { return "between" }
        return ShellWord.quoted(executable!)
    }

    /// Adds the attribute lines to the vault's `.gitattributes` when missing; true when it changed.
    static func writeAttributes(vaultRoot: String) throws(EncryptionSetup.Failure) -> Bool {
        let path = vaultRoot + "/.gitattributes"
        var existing = ""
        switch FileSystem.read(path, limit: 1024 * 1024) {
        case .success(let bytes): existing = String(decoding: bytes, as: UTF8.self)
        case .failure(.cannotOpen) where FileSystem.status(path) == nil: break
        case .failure: throw .files("can't read .gitattributes; check it is a small text file you can read")
        }
        let present = Set(existing.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) })
        let missing = attributeLines.filter { !present.contains($0) }
        guard !missing.isEmpty else { return false }
        var addition = existing.isEmpty || existing.hasSuffix("\n") ? "" : "\n"
        if existing.isEmpty || !existing.contains("between") {
            addition += "# Private notes go into git encrypted, every other note as it is (between encrypt setup; docs/encryption.md).\n"
        }
        addition += missing.joined(separator: "\n") + "\n"
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .files("can't write .gitattributes: \(FileSystem.lastReason)") }
        let written = FileWriting.writeAll(Array(addition.utf8), to: descriptor)
        guard close(descriptor) == 0, written else { throw .files("can't write .gitattributes: \(FileSystem.lastReason)") }
        return true
    }

    /// Sets the `.git/config` entries that differ; true when any changed.
    static func writeConfiguration(_ git: Git, command: String) throws(EncryptionSetup.Failure) -> Bool {
        var changed = false
        let folder: String
        do {
            folder = String(decoding: try git.check(["rev-parse", "--show-prefix"]), as: UTF8.self).trimmingASCIIWhitespace()
        } catch {
            throw .git(error)
        }
        for (key, value) in configuration(command: command, vaultFolder: folder) {
            let current = try? git.run(["config", "--local", "--get", key])
            if let current, current.status == 0, String(decoding: current.stdout, as: UTF8.self).trimmingASCIIWhitespace() == value { continue }
            do {
                _ = try git.check(["config", "--local", key, value])
            } catch {
                throw .git(error)
            }
            changed = true
        }
        return changed
    }

    /// Whether this clone's `.git/config` runs Between's filter.
    static func isConfigured(_ git: Git) -> Bool {
        guard let output = try? git.run(["config", "--local", "--get", "filter.between.process"]), output.status == 0 else { return false }
        return !output.stdout.isEmpty
    }

    /// Whether the vault's `.gitattributes` sends notes through the filter.
    static func attributesPresent(vaultRoot: String) -> Bool {
        guard case .success(let bytes) = FileSystem.read(vaultRoot + "/.gitattributes", limit: 1024 * 1024) else { return false }
        return String(decoding: bytes, as: UTF8.self).contains("filter=between")
    }
}
