/// Finds the vault root (DESIGN.md "The vault"):
/// `--vault PATH`, else `BETWEEN_VAULT`, else the nearest ancestor of the working
/// directory holding `between.yml` or `.between/`, else the working directory.
public enum VaultLocator {
    /// Why no vault could be used.
    public enum Failure: Error, Sendable, CustomStringConvertible {
        case missing(String, source: String)
        case notADirectory(String, source: String)

        public var description: String {
            switch self {
            case .missing(let path, let source):
                "the vault folder \(path) (from \(source)) does not exist; check the path, or create a vault there with `between init`"
            case .notADirectory(let path, let source):
                "\(path) (from \(source)) is a file, not a folder; give the folder that holds your notes"
            }
        }
    }

    /// The absolute root of the vault to use.
    public static func locate(explicit: String?, environment: [String: String], workingDirectory: String) throws(Failure) -> String {
        if let explicit, !explicit.isEmpty {
            return try checked(absolute(explicit, from: workingDirectory), source: "--vault")
        }
        if let fromEnvironment = environment["BETWEEN_VAULT"], !fromEnvironment.isEmpty {
            return try checked(absolute(fromEnvironment, from: workingDirectory), source: "BETWEEN_VAULT")
        }
        var candidate = normalize(workingDirectory)
        while true {
            if FileSystem.status(candidate + "/" + VaultConfig.fileName, follow: true)?.kind == .file
                || FileSystem.status(candidate + "/.between", follow: true)?.kind == .directory {
                return candidate
            }
            guard let slash = candidate.lastIndex(of: "/"), candidate != "/" else { break }
            candidate = slash == candidate.startIndex ? "/" : String(candidate[..<slash])
        }
        return normalize(workingDirectory)
    }

    private static func checked(_ path: String, source: String) throws(Failure) -> String {
        guard let status = FileSystem.status(path, follow: true) else { throw .missing(path, source: source) }
        guard status.kind == .directory else { throw .notADirectory(path, source: source) }
        return path
    }

    /// An absolute path with `.` and `..` components and repeated slashes removed.
    static func absolute(_ path: String, from base: String) -> String {
        normalize(path.hasPrefix("/") ? path : base + "/" + path)
    }

    static func normalize(_ path: String) -> String {
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
