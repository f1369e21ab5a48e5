extension VaultConfig {
    /// Settings files are a few lines; anything larger is refused unread.
    static let sizeLimit = 1024 * 1024

    /// Reads the vault's `between.yml`: no file gives the defaults and no diagnostics.
    ///
    /// Fails closed: a file whose text can't be read at all (no permission, a folder,
    /// too large, not UTF-8) gives an error and `privateByDefault`, since it may have
    /// asked for privacy. Any error here makes the sharing commands refuse (`Vault.canShare`).
    static func load(root: String) -> (VaultConfig, [Diagnostic]) {
        let path = root + "/" + fileName
        // A link that leads nowhere counts as a file that can't be read, not as no file.
        guard FileSystem.status(path) != nil else { return (VaultConfig(), []) }
        let problem: String
        var position = SourcePosition.fileStart
        switch FileSystem.read(path, limit: sizeLimit) {
        case .success(let bytes):
            switch SourceDecoder.decode(bytes, path: fileName) {
            case .success(let text):
                return parse(text)
            case .failure(let diagnostic):
                problem = diagnostic.message
                position = diagnostic.position ?? .fileStart
            }
        case .failure(.tooLarge(let size)):
            problem = "between.yml is \(size / 1024) KB; a settings file is a few lines, so Between doesn't read one over 1 MB. Replace it with a short settings file"
        case .failure(.notRegular):
            problem = "between.yml is not a file (a folder?), so Between can't read settings from it; replace it with a settings file"
        case .failure(.cannotOpen(let reason)):
            let advice = reason.advice == "check its permissions" ? "check its permissions, e.g. `chmod u+rw between.yml`" : reason.advice
            problem = "can't read between.yml (\(reason.reason))" + (advice.map { "; \($0)" } ?? "")
        }
        var config = VaultConfig()
        config.privateByDefault = true
        let message = problem + ". Until it can be read, entries without a `private:` line count as private"
        return (config, [.error(message, in: fileName, at: position)])
    }
}
