import BetweenCore
import Glibc

/// `between init`: makes a folder a vault, adding only what is missing.
///
/// Creates `homework/`, `sessions/`, `journal/`, a commented `between.yml`, and a
/// `.gitignore` holding `.between/` (the line is appended to an existing `.gitignore`
/// that lacks it). Nothing that exists is changed, so running it twice is harmless; the
/// report says what was added and what was left alone.
public enum VaultInit {
    /// The folders of a new vault.
    public static let folders = ["homework", "sessions", "journal"]
    /// The line that keeps Between's cache out of git.
    public static let ignoreLine = ".between/"

    /// What `init` did, in order, as lines for a person (paths relative to the vault).
    public struct Report: Sendable, Hashable {
        /// Things created or added, e.g. "Created homework/".
        public var changed: [String] = []
        /// Things already there, e.g. "Left between.yml alone: it is already there".
        public var leftAlone: [String] = []

        public init() {}
    }

    /// Makes `root` (an absolute path) a vault, creating the folder itself when missing.
    ///
    /// - Throws: `CaptureError` when `root` is a file, or can't be created or written in.
    public static func run(at root: String, shownAs shown: String) throws(CaptureError) -> Report {
        var report = Report()
        try makeRoot(root, shownAs: shown, report: &report)
        for folder in folders {
            let path = root + "/" + folder
            if mkdir(path, 0o755) == 0 {
                report.changed.append("Created \(folder)/")
            } else if errno == EEXIST {
                let isFolder = FileSystem.status(path, follow: true)?.kind == .directory
                report.leftAlone.append(isFolder ? "Left \(folder)/ alone: it is already there"
                                                 : "Left \(folder) alone: it is a file, though Between expects a folder there")
            } else {
                throw .cannotCreate(path: folder + "/", reason: FileSystem.lastReason)
            }
        }
        switch try ExclusiveFile.create(VaultConfig.fileName, in: root, text: ConfigTemplate.text()) {
        case .created: report.changed.append("Created \(VaultConfig.fileName) (every setting is explained in it)")
        case .taken: report.leftAlone.append("Left \(VaultConfig.fileName) alone: it is already there")
        }
        try ignoreCache(in: root, report: &report)
        return report
    }

    /// What to do once `init` has made a vault, for a person (the README's "Getting started"):
    /// the first commands, with a `cd` when the vault is not the current folder (`shown` is
    /// how they named it), and how to set `crisis-line` when `between.yml` has none, so that
    /// risk cards and `between cope` show a number. Ends with a line break.
    public static func nextSteps(shownAs shown: String, hasCrisisLine: Bool) -> String {
        var lines = ["Your vault is ready. Next:"]
        // `.`, `./` and the like name the current folder: no `cd` then.
        if shown.hasPrefix("/") || VaultLocator.normalize(shown) != "/" {
            lines.append("  cd \(VaultLocator.shellWord(shown))")
        }
        lines += [
            "  between new homework --title \"…\"   write down an assignment your therapist gave you",
            "  between new mood                   check in: how today went (any day, as often as you like)",
            "  between digest                     the night before your session: what to bring up",
        ]
        return (lines + (hasCrisisLine ? [] : [crisisLineAdvice])).map { $0 + "\n" }.joined()
    }

    /// How to set `crisis-line`, shown by `init` until it is set.
    public static let crisisLineAdvice = """
        Set your crisis line: open \(VaultConfig.fileName), remove the # before crisis-line, and put a number you can \
        call in a crisis, e.g. crisis-line: "Samaritans (UK & Ireland): 116 123". The digest shows it beside anything \
        risky, and `between cope` shows it first.
        """

    /// `path` made absolute from `base`, with `.` and `..` worked out (as `--vault` is).
    public static func absolutePath(_ path: String, from base: String) -> String {
        VaultLocator.absolute(path, from: base)
    }

    private static func makeRoot(_ root: String, shownAs shown: String, report: inout Report) throws(CaptureError) {
        if let status = FileSystem.status(root, follow: true) {
            guard status.kind == .directory else { throw .notAFolder(path: shown) }
            return
        }
        guard FileSystem.createFolders(root, mode: 0o755) else {
            let reason = errno == ENOTDIR ? "part of that path is a file, not a folder" : FileSystem.lastReason
            throw .cannotCreate(path: shown, reason: reason)
        }
        guard FileSystem.status(root, follow: true)?.kind == .directory else { throw .notAFolder(path: shown) }
        report.changed.append("Created the folder \(shown)")
    }

    /// Adds `.between/` to `.gitignore`, unless a line already ignores it.
    private static func ignoreCache(in root: String, report: inout Report) throws(CaptureError) {
        let path = root + "/.gitignore"
        let text = "# Between's cache of your notes: rebuilt whenever needed, never worth committing.\n\(ignoreLine)\n"
        if try ExclusiveFile.create(".gitignore", in: root, text: text) == .created {
            report.changed.append("Created .gitignore (it keeps Between's cache, .between/, out of git)")
            return
        }
        guard case .success(let bytes) = FileSystem.read(path, limit: 4 * 1024 * 1024) else {
            throw .cannotCreate(path: ".gitignore", reason: "it exists but can't be read")
        }
        let existing = String(decoding: bytes, as: UTF8.self)
        let ignored: Set<String> = [".between", ".between/", "/.between", "/.between/", ".between/*", "/.between/*", ".between/**"]
        if existing.split(whereSeparator: \.isNewline).contains(where: { ignored.contains($0.trimmingASCIIWhitespace()) }) {
            report.leftAlone.append("Left .gitignore alone: it already ignores .between/")
            return
        }
        let addition = (existing.isEmpty || existing.hasSuffix("\n") ? "" : "\n") + ignoreLine + "\n"
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else { throw .cannotCreate(path: ".gitignore", reason: FileSystem.lastReason) }
        defer { close(descriptor) }
        let bytesToAdd = Array(addition.utf8)
        let written = bytesToAdd.withUnsafeBytes { write(descriptor, $0.baseAddress!, $0.count) }
        guard written == bytesToAdd.count else { throw .cannotCreate(path: ".gitignore", reason: FileSystem.lastReason) }
        report.changed.append("Added \(ignoreLine) to .gitignore")
    }
}
