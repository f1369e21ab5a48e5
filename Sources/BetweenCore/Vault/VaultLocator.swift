/// Finds the vault root.
///
/// A folder is a vault when it holds `between.yml` or `.between/` (what `between init`
/// writes, and Between's cache). The vault is the folder named by `--vault PATH`, else by
/// `BETWEEN_VAULT`, else the nearest folder at or above the working directory that is one.
///
/// Naming a folder doesn't make it a vault: it must be one already. Reading an unmarked
/// folder would leave `.between/` in it, which marks it for good (the accident of indexing
/// `/tmp`, or a home folder, and then writing notes there), and a subfolder of a vault named
/// by mistake would become a second vault inside the first. So anything else fails with
/// `.notAVault`, before a command reads or creates anything; `between init` makes a vault.
public enum VaultLocator {
    /// Why no vault could be used.
    public enum Failure: UserFacingError, Sendable, CustomStringConvertible {
        case missing(String, source: String)
        case notADirectory(String, source: String)
        /// The folder holds no marker. `source` is `--vault` or `BETWEEN_VAULT` when it was
        /// named, nil when it is the working directory; `enclosing` is the vault it is inside, if any.
        case notAVault(String, source: String?, enclosing: String?)

        public var description: String {
            switch self {
            case .missing(let path, let source):
                "the vault folder \(path) (from \(source)) does not exist; check the path, or create a vault there with `between init`"
            case .notADirectory(let path, let source):
                "\(path) (from \(source)) is a file, not a folder; give the folder that holds your notes"
            case .notAVault(let path, nil, _):
                "this folder is not a vault: neither \(path) nor any folder above it holds between.yml or .between/. "
                    + "Run `between init` here to make it one, or pass --vault with your vault's folder "
                    + "(or set BETWEEN_VAULT to it)"
            case .notAVault(let path, let source?, let enclosing?):
                "\(path) (from \(source)) is a folder inside the vault \(enclosing), not the vault itself; "
                    + "give \(enclosing) instead"
            case .notAVault(let path, let source?, nil):
                "\(path) (from \(source)) is not a vault: it holds no between.yml or .between/. "
                    + "Run `between init \(shellWord(path))` to make it one, or give the folder that holds your between.yml"
            }
        }
    }

    /// The absolute root of the vault to use.
    ///
    /// - Throws: `Failure` when the named folder is missing, a file or not a vault, or when
    ///   no folder at or above `workingDirectory` is a vault.
    public static func locate(explicit: String?, environment: [String: String], workingDirectory: String) throws(Failure) -> String {
        if let explicit, !explicit.isEmpty {
            return try named(absolute(explicit, from: workingDirectory), source: "--vault")
        }
        if let fromEnvironment = environment["BETWEEN_VAULT"], !fromEnvironment.isEmpty {
            return try named(absolute(fromEnvironment, from: workingDirectory), source: "BETWEEN_VAULT")
        }
        let here = normalize(workingDirectory)
        guard let root = nearestVault(from: here) else { throw .notAVault(here, source: nil, enclosing: nil) }
        return root
    }

    /// Whether `folder` is a vault's root: it holds `between.yml` or `.between/` (a folder).
    /// A `between.yml` that can't be read (a folder, a broken link) still marks the vault, so
    /// the person hears what is wrong with their settings rather than that there is no vault.
    public static func isVault(_ folder: String) -> Bool {
        let prefix = folder == "/" ? "" : folder
        return FileSystem.status(prefix + "/" + VaultConfig.fileName, follow: false) != nil
            || FileSystem.status(prefix + "/.between", follow: true)?.kind == .directory
    }

    /// `folder` or the nearest folder above it that is a vault.
    private static func nearestVault(from folder: String) -> String? {
        var candidate = folder
        while true {
            if isVault(candidate) { return candidate }
            guard let slash = candidate.lastIndex(of: "/"), candidate != "/" else { return nil }
            candidate = slash == candidate.startIndex ? "/" : String(candidate[..<slash])
        }
    }

    private static func named(_ path: String, source: String) throws(Failure) -> String {
        guard let status = FileSystem.status(path, follow: true) else { throw .missing(path, source: source) }
        guard status.kind == .directory else { throw .notADirectory(path, source: source) }
        guard isVault(path) else { throw .notAVault(path, source: source, enclosing: nearestVault(from: path)) }
        return path
    }

    /// `path` as one shell word, for a command the person can copy: quoted only when it must be.
    package static func shellWord(_ path: String) -> String {
        let plain = path.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || "0123456789/._-+:@%".unicodeScalars.contains($0) }
        return plain ? path : ShellWord.quoted(path)
    }

    /// An absolute path with `.` and `..` components and repeated slashes removed.
    package static func absolute(_ path: String, from base: String) -> String {
        normalize(path.hasPrefix("/") ? path : base + "/" + path)
    }

    package static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }
}
