import BetweenCore
import Foundation

/// Runs `git` as a child process (Foundation's `Process`) and collects what it prints.
///
/// Git is found on `PATH`. Variables git sets for hooks (`GIT_INDEX_FILE`, `GIT_DIR`…)
/// are passed on, made absolute first: a hook runs at the top of the work tree, and
/// Between may run git from the vault, a folder below it.
public struct Git: Sendable {
    /// Why git could not answer.
    public enum Failure: UserFacingError, Sendable, Equatable, CustomStringConvertible {
        /// No `git` program on PATH.
        case notInstalled
        /// The folder is not inside a git work tree.
        case notARepository(String)
        /// Git ran and failed.
        case failed(command: String, message: String)

        public var description: String {
            switch self {
            case .notInstalled:
                "git is not installed (no `git` on PATH); install it, e.g. `apt-get install git`"
            case .notARepository(let folder):
                "\(folder) is not in a git repository, so nothing is staged to check; run `between check` to check the notes as they are, or `between init --git` to start a repository"
            case .failed(let command, let message):
                "`git \(command)` failed: \(message.trimmingASCIIWhitespace())"
            }
        }
    }

    /// What a git command printed, and how it ended.
    public typealias Output = Subprocess.Output

    /// The folder git runs in.
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// Runs `git ARGUMENTS`, feeding `input` on stdin; throws only when git can't be started.
    public func run(_ arguments: [String], input: Data? = nil) throws(Failure) -> Output {
        guard let executable = Self.executable() else { throw .notInstalled }
        do {
            // `-C`: git runs as if started in the folder (the child is not moved there itself).
            return try Subprocess.run(executable, ["-C", directory] + arguments, environment: Self.environment(), input: input)
        } catch {
            throw .failed(command: arguments.joined(separator: " "), message: error.message)
        }
    }

    /// Runs a command that must succeed, returning its stdout.
    public func check(_ arguments: [String], input: Data? = nil) throws(Failure) -> Data {
        let output = try run(arguments, input: input)
        guard output.status == 0 else { throw .failed(command: arguments.joined(separator: " "), message: output.stderr) }
        return output.stdout
    }

    /// The top folder of the work tree holding `directory`, or `.notARepository`.
    public func topLevel() throws(Failure) -> String {
        let output = try run(["rev-parse", "--show-toplevel"])
        let top = String(decoding: output.stdout, as: UTF8.self).trimmingASCIIWhitespace()
        guard output.status == 0, !top.isEmpty else { throw .notARepository(directory) }
        return top
    }

    /// The `git` program on PATH.
    static func executable() -> String? {
        Subprocess.find("git")
    }

    /// The environment, with git's path variables made absolute (from the current folder).
    static func environment() -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        let here = FileManager.default.currentDirectoryPath
        for name in ["GIT_DIR", "GIT_INDEX_FILE", "GIT_WORK_TREE", "GIT_OBJECT_DIRECTORY", "GIT_COMMON_DIR"] {
            if let value = environment[name], !value.isEmpty, !value.hasPrefix("/") {
                environment[name] = VaultLocator.absolute(value, from: here)
            }
        }
        // With GIT_DIR alone, git takes the current folder as the top of the work tree;
        // say so explicitly, so running git from a folder below still sees the same tree.
        if environment["GIT_DIR"] != nil, environment["GIT_WORK_TREE"] == nil {
            environment["GIT_WORK_TREE"] = here
        }
        return environment
    }
}
