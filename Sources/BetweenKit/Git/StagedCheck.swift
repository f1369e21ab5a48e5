import BetweenCore

/// `between check --staged`: checks what is about to be committed, not the working tree.
///
/// Only the staged Markdown files are checked (added, modified or changed in type; a
/// deletion has nothing to check), and each as its staged text (`git show :path`), so a
/// file staged and then edited again is judged by what the commit will hold. Homework ids
/// are looked up among the assignments in the index (staged or already committed), so a
/// commit can't refer to an assignment it doesn't include. Diagnostics carry positions in
/// the staged text, and `line(_:_:)` gives that text's lines for the caret.
public struct StagedCheck: Sendable {
    /// Problems in the staged files, sorted by path and position.
    public var diagnostics: [Diagnostic]
    /// How many staged files were checked.
    public var filesChecked: Int
    /// The staged text of each checked file, by path.
    private var texts: [String: [Substring]]

    /// Line `number` (1-based) of the staged text of `path`, for diagnostics' excerpts.
    public func line(_ path: String, _ number: Int) -> String? {
        guard let lines = texts[path], number >= 1, number <= lines.count else { return nil }
        var line = lines[number - 1]
        if line.hasSuffix("\r") { line = line.dropLast() }
        if number == 1, line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
        return String(line)
    }

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
        var otherDiagnostics: [Diagnostic] = []
        if let file = files[VaultConfig.fileName], file.isRegular,
           case .bytes(let bytes)? = try index.contents(of: [file.object], limit: 1024 * 1024)[file.object] {
            let parsed = VaultConfig.parse(String(decoding: bytes, as: UTF8.self))
            config = parsed.0
            settingsProblems = parsed.1
            if changes.contains(where: { $0.path == VaultConfig.fileName && $0.change != .deleted }) {
                otherDiagnostics += parsed.1
            }
        }
        let scanner = VaultScanner(root: vaultRoot, exclude: config.exclude)
        // Private notes are staged encrypted when the filter is at work; in plain text, they are refused.
        let encryption = StagedEncryption(vaultRoot: vaultRoot, config: config, settingsProblems: settingsProblems)
        func isSource(_ path: String) -> Bool {
            guard let file = files[path], file.isRegular else { return false }
            return scanner.reads(path)
        }
        let staged = changes.filter { $0.change != .deleted && $0.change != .other && isSource($0.path) }.map(\.path)
        // Only files that mention "homework" can be assignments; git finds them quickly.
        let assignmentCandidates = try index.paths(containing: "homework").filter(isSource)
        let wanted = Array(Set(staged + assignmentCandidates)).sorted()
        let contents = try index.contents(of: wanted.compactMap { files[$0]?.object }, limit: SourceDecoder.sizeLimit)

        let options = EntryParser.Options(privateByDefault: config.privateByDefault)
        let stagedSet = Set(staged)
        var entries: [Entry] = []
        var texts: [String: [Substring]] = [:]
        for path in wanted {
            guard let object = files[path]?.object, let content = contents[object] else { continue }
            switch content {
            case .tooLarge(let size):
                if stagedSet.contains(path) {
                    otherDiagnostics.append(.error("this file is \(size / (1024 * 1024)) MB; Between reads notes up to 10 MB, so it is skipped. Split it into smaller files, or exclude it in between.yml", in: path))
                }
            case .bytes(let staged):
                if stagedSet.contains(path), let refusal = encryption.refusal(path: path, staged: staged) {
                    otherDiagnostics.append(refusal)
                }
                switch SourceDecoder.decode(encryption.readable(staged), path: path) {
                case .failure(let diagnostic):
                    if stagedSet.contains(path) { otherDiagnostics.append(diagnostic) }
                case .success(let text):
                    entries.append(EntryParser.parse(path: path, text: text, options: options))
                    if stagedSet.contains(path) { texts[path] = text.split(separator: "\n", omittingEmptySubsequences: false) }
                }
            }
        }
        // An id no plain-text assignment defines may belong to an encrypted one.
        let known = Set(entries.filter { $0.type == .homework }.compactMap(\.homeworkID))
        if entries.contains(where: { $0.type != .homework && stagedSet.contains($0.path) && $0.homeworkID.map { !known.contains($0) } ?? false }) {
            entries += encryption.encryptedAssignments(index: index, isSource: isSource, excluding: Set(wanted))
        }
        VaultChecks.apply(to: &entries)
        let found = otherDiagnostics + entries.filter { stagedSet.contains($0.path) }.flatMap(\.diagnostics)
        return StagedCheck(
            diagnostics: Diagnostic.inReportOrder(found),
            filesChecked: staged.count, texts: texts)
    }
}
