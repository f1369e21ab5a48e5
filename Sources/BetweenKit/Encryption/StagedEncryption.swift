import BetweenCore

/// What `between check --staged` (the pre-commit hook) needs to know about encryption.
///
/// With the filter at work, a private note is staged as ciphertext: it is decrypted
/// (in memory) to be checked like any other. And when the vault says encryption is on
/// but a private note is staged in plain text (a clone where `between encrypt setup`
/// hasn't run, so git has no filter), the commit is refused: it would publish the note.
struct StagedEncryption {
    /// Whether the vault keeps private notes encrypted in git: `encryption:` in
    /// `between.yml`, or `.gitattributes` sending notes through the filter.
    let isOn: Bool
    private let cipher: VaultCipher
    private let reader: VaultReader
    private let settingsProblems: [Diagnostic]

    /// `reader`: with the settings of the staged `between.yml` (`config`).
    init(vaultRoot: String, config: VaultConfig, settingsProblems: [Diagnostic], reader: VaultReader) {
        let vault = Vault(root: vaultRoot)
        isOn = config.encryption != nil || vault.config.encryption != nil || RepositoryFilters.attributesPresent(vaultRoot: vaultRoot)
        cipher = VaultCipher(vault: vault, keys: try? KeyStore())
        self.reader = reader
        self.settingsProblems = settingsProblems
    }

    /// Staged bytes as text to check: decrypted when they are ciphertext this machine can
    /// open (else as they are: the reading pipeline then says the note is encrypted).
    func readable(_ bytes: [UInt8]) -> [UInt8] {
        guard EncryptedNote.isArmored(bytes), cipher.canDecrypt,
              let plain = try? cipher.decrypt(bytes) else { return bytes }
        return plain
    }

    /// An error when `staged` (the bytes as staged) is a private note in plain text and encryption is on.
    func refusal(path: String, staged: [UInt8]) -> Diagnostic? {
        guard isOn, !EncryptedNote.isArmored(staged),
              NotePrivacy.judge(staged, path: path, reader: reader, settingsProblems: settingsProblems) != nil else { return nil }
        return .error("this private note is staged in plain text, but this vault keeps private notes encrypted in git; committing it would put it on any remote as it is. Run `between encrypt setup` first, then `git add --renormalize \(path)`",
                      in: path, at: .fileStart)
    }

    /// What the assignments (homework entries) among the encrypted notes of the index say
    /// about their ids, for ids the plain-text notes don't define: read only when such an
    /// id is missing, a batch at a time.
    func encryptedAssignments(index: GitIndex, isSource: (String) -> Bool, excluding known: Set<String>) -> [VaultChecks.HomeworkReference] {
        guard cipher.canDecrypt,
              let paths = try? index.paths(containing: EncryptedNote.armorHeader).filter({ isSource($0) && !known.contains($0) }),
              !paths.isEmpty, let files = try? index.files() else { return [] }
        let pathsByObject = Dictionary(grouping: paths.filter { files[$0] != nil }, by: { files[$0]!.object })
        var references: [VaultChecks.HomeworkReference] = []
        // A batch at a time, keeping only what each assignment says about its id.
        try? index.forEachBatch(of: paths.compactMap { files[$0]?.object }, limit: VaultReader.sizeLimit, budget: GitIndex.batchBytes) { batch in
            for case let (object, .bytes(bytes)) in batch {
                guard let plain = try? cipher.decrypt(bytes) else { continue }
                for path in pathsByObject[object] ?? [] {
                    guard case .success(let entry) = reader.entry(at: path, .bytes(plain)), entry.type == .homework,
                          let reference = VaultChecks.HomeworkReference(entry) else { continue }
                    references.append(reference)
                }
            }
        }
        return references
    }
}
