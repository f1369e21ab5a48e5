import BetweenCore

/// The vault's homework assignments, as `between new` needs them: to check `--homework`,
/// to fill it in when there is only one choice, and to complete it in the shell.
public struct Assignments: Sendable {
    /// One assignment.
    public struct Assignment: Sendable, Hashable {
        public var id: String
        public var title: String
        public var path: String
        /// `status:` is absent or `active`.
        public var isActive: Bool
        /// `expects:`, the entry type a practice produces, lowercased.
        public var expects: String?
    }

    /// Every assignment, sorted by id.
    public let all: [Assignment]
    /// What every record says about assignments, for `VaultChecks` on a new file.
    public let references: [VaultChecks.HomeworkReference]

    /// The assignments among `entries` (every record of the vault, or at least every `homework` one).
    public init(_ entries: [Entry]) {
        all = entries.filter { $0.type == .homework }.compactMap { entry in
            guard let id = entry.homeworkID else { return nil }
            let status = entry.text("status")?.lowercased()
            return Assignment(id: id, title: entry.title, path: entry.path, isActive: status == nil || status == "active",
                              expects: entry.text("expects")?.lowercased())
        }.sorted { $0.id < $1.id }
        references = entries.compactMap(VaultChecks.HomeworkReference.init)
    }

    /// Every id, sorted, without repeats.
    public var ids: [String] {
        var seen: Set<String> = []
        return all.map(\.id).filter { seen.insert($0).inserted }
    }

    /// The assignment an entry of `kind` practises: `given` when it names one (else an
    /// error with "did you mean"), or, when nothing is given, the only active assignment
    /// that expects this kind's type, if there is exactly one.
    public func resolve(_ given: String?, for kind: EntryKind) throws(CaptureError) -> String? {
        if let given {
            let wanted = given.trimmingASCIIWhitespace()
            if ids.contains(wanted) { return wanted }
            throw .unknownAssignment(wanted, known: ids)
        }
        guard kind.type.hasCommonFields else { return nil }
        let candidates = all.filter { $0.isActive && $0.expects == kind.type.rawValue }
        return candidates.count == 1 ? candidates[0].id : nil
    }

    /// Ids of the assignments in `<root>/homework/` only, read quickly and quietly, for
    /// shell completion: never an error, never a message, never a write.
    public static func quickIDs(vaultRoot root: String) -> [String] {
        let folder = root + "/homework"
        guard case .success(let listing) = FileSystem.entries(in: folder) else { return [] }
        // No settings read: quick and quiet (an assignment is rarely private, and ids are all it keeps).
        let reader = VaultReader(root: root, config: VaultConfig())
        var entries: [Entry] = []
        for item in listing.filter(\.nameIsText).prefix(2_000) where VaultScanner.isMarkdown(item.name) {
            let name = item.name, path = folder + "/" + name
            // The listing already examined each entry; only a link needs a second look.
            let kind = item.status?.kind == .symlink ? FileSystem.status(path, follow: true)?.kind : item.status?.kind
            guard kind == .file,
                  case .success(let entry) = reader.entry(at: "homework/" + name, SourceContent(atPath: path, limit: 256 * 1024)) else { continue }
            entries.append(entry)
        }
        return Assignments(entries).ids
    }
}
