import BetweenCore

/// Why `between new` or `between init` could not do what was asked, in plain words.
public enum CaptureError: UserFacingError, Sendable, Equatable, CustomStringConvertible {
    /// `between new TYPE` with a TYPE there is no template for.
    case unknownKind(String, hint: String?)
    /// `--homework` names no assignment of the vault.
    case unknownAssignment(String, known: [String])
    /// `new homework` for an id an assignment already has (or whose file exists).
    case assignmentExists(id: String, path: String)
    /// A file or folder could not be created.
    case cannotCreate(path: String, reason: String)
    /// A path the vault needs is taken by something else (a file where a folder should be).
    case notAFolder(path: String)
    /// Writing would leave the vault (a folder of it links elsewhere).
    case outsideVault(path: String)
    /// The entry's template can't be used.
    case template(String)

    public var description: String {
        switch self {
        case .unknownKind(let name, let hint):
            let known = "Kinds: \(EntryKind.names.joined(separator: ", "))."
            return "there is no entry template called '\(name)'; \(hint.map { $0 + " " } ?? "")\(known)"
        case .unknownAssignment(let id, let known):
            return VaultChecks.unknownIDMessage(
                id, known: known, ifNone: "there are no assignments yet (create one with `between new homework --title \"…\"`)",
                listing: 12, show: { $0 })
        case .assignmentExists(let id, let path):
            return "can't make a second assignment '\(id)': it is taken by \(path). An assignment's id is its file's name "
                + "and what your entries name in `homework:`, so no two can share one. To change that assignment, open "
                + "\(path) in your editor; for a new one, choose another --title, or give it an id with --homework"
        case .cannotCreate(let path, let reason):
            return "can't create \(path) (\(reason)); choose a folder you can write to"
        case .notAFolder(let path):
            return "\(path) is a file, not a folder; give a folder for the vault (it may already hold other files)"
        case .outsideVault(let path):
            return "\(path) leads outside the vault (through a link); Between only writes inside the vault"
        case .template(let message):
            return message
        }
    }
}
