import BetweenCore

/// `between check --staged`: checks what is about to be committed, not the working tree.
///
/// Only the staged Markdown files are checked (added, modified or changed in type; a
/// deletion has nothing to check), and each as its staged text (`git show :path`), so a
/// file staged and then edited again is judged by what the commit will hold. Homework ids
/// are looked up among the assignments in the index (staged or already committed), so a
/// commit can't refer to an assignment it doesn't include. Diagnostics carry positions in
/// the staged text, and `lines` gives that text's lines for the caret. The notes are read
/// by `VaultReader` with the staged `between.yml`'s settings, as `check` reads them.
///
/// A first commit stages a whole vault: the staged texts are read from git a batch at a
/// time (`GitIndex.batchBytes`), and of each only the lines its problems point at are kept
/// (as much of each as a diagnostic shows), so memory doesn't grow with what is staged.
public struct StagedCheck: Sendable {
    /// Problems in the staged files, sorted by path and position.
    public var diagnostics: [Diagnostic]
    /// How many staged files were checked.
    public var filesChecked: Int
    /// The lines of the staged texts that diagnostics point at, by path and line number.
    private var shownLines: [String: [Int: String]]

    /// The lines of the staged texts, for diagnostics' excerpts.
    public var lines: SourceLines { SourceLines(lines: shownLines) }

    /// Checks what is staged in the repository holding `vaultRoot`, for that vault.
    ///
    /// - Throws: `Git.Failure` when git is missing, the vault is not in a repository, or git fails.
    public static func run(vaultRoot: String) throws(Git.Failure) -> StagedCheck {
        let git = Git(directory: vaultRoot)
        _ = try git.topLevel()
        let index = GitIndex(git: git)
        let files = try index.files()
        let changes = try index.stagedChanges()

        // Settings: the staged between.yml when there is one, else the file as it is.
        let workingVault = Vault(root: vaultRoot)
        var config = workingVault.config
        var settingsProblems = workingVault.configDiagnostics
        var report = VaultReport()
        if let file = files[VaultConfig.fileName], file.isRegular,
           case .bytes(let bytes)? = try index.contents(of: [file.object], limit: 1024 * 1024)[file.object] {
            let parsed = VaultConfig.parse(String(decoding: bytes, as: UTF8.self))
            config = parsed.0
            settingsProblems = parsed.1
            if changes.contains(where: { $0.path == VaultConfig.fileName && $0.change != .deleted }) {
                parsed.1.forEach { report.add(problem: $0) }
            }
        }
        let reader = VaultReader(root: vaultRoot, config: config)
        // Private notes are staged encrypted when the filter is at work; in plain text, they are refused.
        let encryption = StagedEncryption(vaultRoot: vaultRoot, config: config, settingsProblems: settingsProblems, reader: reader)
        func isSource(_ path: String) -> Bool {
            guard let file = files[path], file.isRegular else { return false }
            return reader.isSource(path)
        }
        let staged = changes.filter { $0.change != .deleted && $0.change != .other && isSource($0.path) }.map(\.path)
        // Only files that mention "homework" can be assignments; git finds them quickly.
        let assignmentCandidates = try index.paths(containing: "homework").filter(isSource)
        let wanted = Array(Set(staged + assignmentCandidates)).sorted()
        // Identical files share an object: each of their paths is read from it.
        let pathsByObject = Dictionary(grouping: wanted.filter { files[$0] != nil }, by: { files[$0]!.object })

        let stagedSet = Set(staged)
        var known: Set<String> = [], used: Set<String> = []
        var shownLines: [String: [Int: String]] = [:]
        try index.forEachBatch(of: wanted.compactMap { files[$0]?.object }, limit: VaultReader.sizeLimit, budget: GitIndex.batchBytes) { batch in
            for (object, blob) in batch {
                for path in pathsByObject[object] ?? [] {
                    let isStaged = stagedSet.contains(path)
                    let content: SourceContent
                    var refusal: Diagnostic?
                    switch blob {
                    case .tooLarge(let size):
                        content = .tooLarge(size: Int64(size))
                    case .bytes(let bytes):
                        if isStaged { refusal = encryption.refusal(path: path, staged: bytes) }
                        content = .bytes(encryption.readable(bytes))
                    }
                    if let refusal { report.add(problem: refusal) }
                    let result = reader.entry(at: path, content)
                    if case .success(let entry) = result {
                        if isStaged, case .bytes(let text) = content {
                            shownLines[path] = Self.shownLines(of: entry, also: refusal?.position, in: text)
                        }
                        if let id = entry.homeworkID {
                            if entry.type == .homework { known.insert(id) } else if isStaged { used.insert(id) }
                        }
                    }
                    report.add(result, reported: isStaged)
                }
            }
        }
        // An id no plain-text assignment defines may belong to an encrypted one.
        if !used.isSubset(of: known) {
            for reference in encryption.encryptedAssignments(index: index, isSource: isSource, excluding: Set(wanted)) {
                report.add(reference: reference)
            }
        }
        return StagedCheck(diagnostics: report.diagnostics, filesChecked: staged.count, shownLines: shownLines)
    }

    /// The lines of `text` a diagnostic about `entry` may point at: its own problems', the
    /// `extra` one's, and its homework id's (where the checks across files point), each cut
    /// to what a diagnostic shows of a line.
    private static func shownLines(of entry: Entry, also extra: SourcePosition?, in text: [UInt8]) -> [Int: String] {
        let positions = entry.diagnostics.compactMap(\.position) + [extra, VaultChecks.HomeworkReference(entry)?.position].compactMap { $0 }
        guard !positions.isEmpty else { return [:] }
        let source = SourceLines(texts: [entry.path: text])
        var lines: [Int: String] = [:]
        for number in Set(positions.map(\.line)).sorted() {
            lines[number] = source.line(entry.path, number).map { String($0.unicodeScalars.prefix(DiagnosticRenderer.shownScalars)) }
        }
        return lines
    }
}
