import BetweenCore

/// Writes a new entry from its template: `between new`'s work, without the terminal.
/// A private entry in a vault that encrypts private notes gets a neutral name (`NeutralName`).
///
/// The file is created exclusively (never over an existing one); when the name is taken,
/// `-2`, `-3`… is added. Not for a new assignment: its id is its file name and what
/// entries name in `homework:`, so a second `bus-exposure-2` made silently would split
/// one assignment's practice in two. When the id or the file is taken, it is refused.
public struct NewEntry: Sendable {
    /// What to write.
    public struct Request: Sendable, Hashable {
        public var kind: EntryKind
        public var date: EntryDate
        public var title: String?
        /// The assignment practised (already resolved), or for `homework` the new id wanted.
        public var homework: String?

        public init(kind: EntryKind, date: EntryDate, title: String? = nil, homework: String? = nil) {
            self.kind = kind
            self.date = date
            self.title = title
            self.homework = homework
        }
    }

    /// A file written.
    public struct Created: Sendable, Hashable {
        /// Relative to the vault root, e.g. `journal/2026/11/2026-11-20-1930-mood.md`.
        public var path: String
        public var absolutePath: String
        /// The text written (the filled template).
        public var text: String
    }

    public let vault: Vault
    public let store: TemplateStore

    public init(vault: Vault, store: TemplateStore? = nil) {
        self.vault = vault
        self.store = store ?? TemplateStore(vaultRoot: vault.root)
    }

    /// Writes the entry; `assignments` are the vault's, whose ids a new assignment must not reuse.
    public func create(_ request: Request, assignments: [Assignments.Assignment] = []) throws(CaptureError) -> Created {
        let kind = request.kind
        let isAssignment = kind.type == .homework
        let newID = isAssignment ? (request.homework ?? request.title) : nil
        let place = EntryPath(kind: kind, date: request.date, assignmentID: newID)
        if isAssignment {
            // Also a file by that name that isn't (yet) a readable assignment: once fixed, its id would be the same.
            let named = place.relativePath(attempt: 1)
            if let owner = assignments.first(where: { $0.id == place.stem })?.path
                ?? (FileSystem.status(vault.root + "/" + named, follow: false) != nil ? named : nil) {
                throw .assignmentExists(id: place.stem, path: owner)
            }
        }
        try ExclusiveFile.makeFolders(place.folder, in: vault.root)
        for attempt in 1...(isAssignment ? 1 : 10_000) {
            let id = isAssignment ? place.stem : nil
            let values = EntryTemplate.Values(date: request.date, title: request.title,
                                              homework: kind.type == .homework ? nil : request.homework,
                                              id: id, crisisLine: vault.config.crisisLine,
                                              isPrivate: vault.config.privateByDefault)
            let text: String
            do {
                text = try EntryTemplate.render(kind, values: values, store: store)
            } catch {
                throw .template(error.description)
            }
            var relative = place.relativePath(attempt: attempt)
            if NeutralName.isWanted(for: text, path: relative, in: vault) {
                let folder = NeutralName.folder(year: request.date.year)
                try ExclusiveFile.makeFolders(folder, in: vault.root)
                relative = folder + "/" + NeutralName.stem() + ".md"
            }
            if try ExclusiveFile.create(relative, in: vault.root, text: text) == .created {
                return Created(path: relative, absolutePath: vault.root + "/" + relative, text: text)
            }
        }
        if isAssignment { throw .assignmentExists(id: place.stem, path: place.relativePath(attempt: 1)) }
        throw .cannotCreate(path: place.relativePath(attempt: 1), reason: "every name up to -10000 is taken")
    }

    /// Reads a written entry back and checks it as `between check` would, its homework id included.
    public func check(_ created: Created, assignments: Assignments) -> [Diagnostic] {
        let file = SourceFile(path: created.path, absolutePath: created.absolutePath, size: 0, modified: 0)
        var report = VaultReport()
        // The other notes count for the ids they define and use, not for their own problems.
        for reference in assignments.references where reference.path != created.path { report.add(reference: reference) }
        report.add(VaultReader(vault).read(file))
        return report.diagnostics
    }
}
