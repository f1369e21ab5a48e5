/// Keeps `-o FILE` from writing over the vault's own files: a note (or a path that
/// would be read as one), `between.yml`, anything in `.between/`, `.git/` or the
/// top-level `templates/` (the person's own templates), and git's `.gitignore` and
/// `.gitattributes`, which keep the index out of git and private notes encrypted.
///
/// A mistyped `-o vault/safety-plan.md` once replaced a safety plan; and a report saved
/// as a note would be read back as one, private entries and all, by the next digest.
public enum OutputGuard {
    /// Why `-o output` must not be written, in words for the person; nil when it may be.
    /// `output` is as typed, relative to `workingDirectory` unless absolute.
    public static func refusal(for output: String, in vault: Vault, workingDirectory: String) -> String? {
        let root = FileSystem.realPath(vault.root) ?? vault.root
        let absolute = output.hasPrefix("/") ? output : workingDirectory + "/" + output
        let scanner = VaultScanner(root: root, exclude: vault.config.exclude)
        // The path itself (its folder's links resolved: a write replaces the last part,
        // even a link), then whatever a link there points to.
        let lastSlash = absolute.lastIndex(of: "/")!
        let name = String(absolute[absolute.index(after: lastSlash)...])
        var places = [resolved(absolute)]
        if !name.isEmpty, name != ".", name != ".." {
            places.insert(VaultLocator.normalize(resolved(String(absolute[..<lastSlash])) + "/" + name), at: 0)
        }
        for (number, place) in places.enumerated() {
            guard place.hasPrefix(root + "/") else { continue }
            let relative = String(place.dropFirst(root.count + 1))
            guard let (what, risk) = protected(relative, scanner: scanner, exists: FileSystem.status(place) != nil) else { continue }
            let isLink = number > 0 && places[0] != place
            return "can't write to \(output): it is \(isLink ? "a link to " + what : what + "; " + risk). Nothing was written: "
                + "write it outside the vault (for example in your home folder)"
                + (!isLink && scanner.reads(relative) ? ", or give it a name that doesn't end in .md" : "")
        }
        return nil
    }

    /// What the vault-relative path is and what writing there would do, when it must not be written.
    private static func protected(_ relative: String, scanner: VaultScanner, exists: Bool) -> (String, String)? {
        let parts = relative.split(separator: "/")
        if parts.contains(".between") {
            return ("inside the vault's .between/ folder, which holds Between's index", "writing there could damage it")
        }
        if parts.contains(".git") {
            return ("inside the vault's .git/ folder, git's own record of your notes", "writing there could damage it")
        }
        if relative == VaultConfig.fileName {
            return ("your vault's settings file", "writing there would replace your settings")
        }
        if parts.first == "templates" {
            return ("inside the vault's templates/ folder, which holds your own templates for digests and new entries",
                    "writing there could replace one of them")
        }
        switch parts.last {
        case ".gitignore":
            return ("the vault's .gitignore, which keeps Between's index (and the private entries in it) out of git",
                    "writing there would replace it")
        case ".gitattributes":
            return ("the vault's .gitattributes, which tells git which notes to encrypt", "writing there would replace it")
        default:
            break
        }
        guard scanner.reads(relative) else { return nil }
        return exists ? ("one of your notes (\(relative))", "writing there would replace it")
            : ("in your vault with a note's name (\(relative))", "Between would read the report back as one of your notes")
    }

    /// The absolute path with every link of its existing part resolved.
    private static func resolved(_ absolute: String) -> String {
        var existing = absolute.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        var rest: [String] = []
        while !existing.isEmpty, FileSystem.realPath("/" + existing.joined(separator: "/")) == nil {
            rest.insert(existing.removeLast(), at: 0)
        }
        let base = FileSystem.realPath("/" + existing.joined(separator: "/")) ?? "/"
        return VaultLocator.normalize(([base] + rest).joined(separator: "/"))
    }
}
