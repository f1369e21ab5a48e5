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
public struct StagedCheck: Sendable {
    /// Problems in the staged files, sorted by path and position.
    public var diagnostics: [Diagnostic]
    /// How many staged files were checked.
    public var filesChecked: Int
    /// The staged text of each checked file that is text, by path.
    private var texts: [String: [UInt8]]

    /// The lines of the staged texts, for diagnostics' excerpts.
    public var lines: SourceLines { SourceLines(texts: texts) }

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
        let contents = try index.contents(of: wanted.compactMap { files[$0]?.object }, limit: VaultReader.sizeLimit)

        let stagedSet = Set(staged)
        var known: Set<String> = [], used: Set<String> = []
        var texts: [String: [UInt8]] = [:]
        for path in wanted {
            guard let object = files[path]?.object, let blob = contents[object] else { continue }
            let isStaged = stagedSet.contains(path)
            let content: SourceContent
            switch blob {
            case .tooLarge(let size):
                content = .tooLarge(size: Int64(size))
            case .bytes(let bytes):
                if isStaged, let refusal = encryption.refusal(path: path, staged: bytes) { report.add(problem: refusal) }
                content = .bytes(encryption.readable(bytes))
            }
            let result = reader.entry(at: path, content)
            if case .success(let entry) = result {
                if isStaged, case .bytes(let text) = content { texts[path] = text }
                if let id = entry.homeworkID {
                    if entry.type == .homework { known.insert(id) } else if isStaged { used.insert(id) }
                }
            }
            report.add(result, reported: isStaged)
        }
        // An id no plain-text assignment defines may belong to an encrypted one.
        if !used.isSubset(of: known) {
            for assignment in encryption.encryptedAssignments(index: index, isSource: isSource, excluding: Set(wanted)) {
                report.add(.success(assignment), reported: false)
            }
        }
        return StagedCheck(diagnostics: report.diagnostics, filesChecked: staged.count, texts: texts)
    }
}
