import BetweenCore
import Foundation
import Glibc

/// `between init --git`: a repository for the vault, and a pre-commit hook running
/// `between check --staged`, so a note with an error can't be committed unnoticed.
///
/// The hook runs `between` from PATH when it is there, else the absolute path of the
/// `between` that wrote it; an existing hook is never replaced (the report says which
/// line to add to it instead).
public enum PreCommitHook {
    /// What setting up git did, as lines for a person (`changed` first, then `leftAlone`).
    public struct Report: Sendable, Hashable {
        public var changed: [String] = []
        public var leftAlone: [String] = []
    }

    /// Starts a repository at `vaultRoot` unless it is already in one, then adds the hook.
    ///
    /// - Parameter executable: the absolute path of the running `between`, used when
    ///   `between` is not on PATH at commit time.
    public static func setUp(vaultRoot: String, executable: String?) throws(Git.Failure) -> Report {
        var report = Report()
        let git = Git(directory: vaultRoot)
        let top: String
        do {
            top = try git.topLevel()
            report.leftAlone.append("Left the git repository alone: \(top == vaultRoot ? "this folder" : top) is one already")
        } catch .notARepository {
            _ = try git.check(["init", "-q"])
            top = try git.topLevel()
            report.changed.append("Started a git repository here (git init)")
        }
        let command = checkCommand(vaultRoot: vaultRoot, top: top)
        let hooks = String(decoding: try git.check(["rev-parse", "--git-path", "hooks"]), as: UTF8.self).trimmingASCIIWhitespace()
        let hooksFolder = VaultLocator.absolute(hooks, from: vaultRoot)
        let shown = hooksFolder.hasPrefix(vaultRoot + "/") ? String(hooksFolder.dropFirst(vaultRoot.count + 1)) : hooksFolder
        let hookPath = hooksFolder + "/pre-commit"
        if let existing = FileManager.default.contents(atPath: hookPath) {
            if String(decoding: existing, as: UTF8.self).contains("check --staged") {
                report.leftAlone.append("Left \(shown)/pre-commit alone: it already runs between check --staged")
            } else {
                report.leftAlone.append("Left \(shown)/pre-commit alone: there is a hook already. To check your notes before each commit, add this line to it:\n    \(command) || exit 1")
            }
            return report
        }
        do {
            try FileManager.default.createDirectory(atPath: hooksFolder, withIntermediateDirectories: true)
        } catch {
            throw .failed(command: "rev-parse --git-path hooks", message: "can't create \(shown): \(error.localizedDescription)")
        }
        guard FileSystem.createNew(hookPath, bytes: Array(script(command: command, executable: executable).utf8), mode: 0o755) else {
            throw .failed(command: "rev-parse --git-path hooks", message: "can't write \(shown)/pre-commit: \(FileSystem.lastError)")
        }
        chmod(hookPath, 0o755) // executable whatever the umask
        report.changed.append("Added a pre-commit hook (\(shown)/pre-commit): each commit runs `\(command)` first, and stops if a note has an error")
        return report
    }

    /// `between check --staged`, with `--vault` when the vault is a folder below the repository's top (where hooks run).
    static func checkCommand(vaultRoot: String, top: String) -> String {
        let root = FileSystem.realPath(vaultRoot) ?? vaultRoot
        let resolvedTop = FileSystem.realPath(top) ?? top
        guard root != resolvedTop, root.hasPrefix(resolvedTop + "/") else { return "between check --staged" }
        return "between check --staged --vault " + ShellWord.quoted(String(root.dropFirst(resolvedTop.count + 1)))
    }

    /// The hook: `between` from PATH, else the one that wrote it, else a message.
    static func script(command: String, executable: String?) -> String {
        let arguments = String(command.dropFirst("between ".count))
        var text = """
        #!/bin/sh
        # Written by `between init --git`: checks the notes staged for this commit, and stops
        # the commit when one has an error (the problems are listed above).
        # For a deliberate exception, commit with: git commit --no-verify
        if command -v between >/dev/null 2>&1; then
            exec between \(arguments)
        fi

        """
        if let executable {
            text += """
            if [ -x \(ShellWord.quoted(executable)) ]; then
                exec \(ShellWord.quoted(executable)) \(arguments)
            fi

            """
        }
        text += """
        echo "between: error: the pre-commit hook can't find the between program; put it on PATH, or commit with git commit --no-verify" >&2
        exit 1

        """
        return text
    }
}
