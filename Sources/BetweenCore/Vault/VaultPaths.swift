/// Turns paths people type into vault-relative paths.
public enum VaultPaths {
    /// `path` relative to `root`: an absolute path or one relative to the working
    /// directory when it lies inside the vault, else `path` taken as vault-relative.
    public static func relative(_ path: String, root: String, workingDirectory: String) -> String {
        let fromHere = VaultLocator.absolute(path, from: workingDirectory)
        if fromHere.hasPrefix(root + "/"), FileSystem.status(fromHere) != nil || path.hasPrefix("/") {
            return String(fromHere.dropFirst(root.count + 1))
        }
        return String(VaultLocator.absolute(path, from: root).dropFirst(root.count + 1))
    }
}
