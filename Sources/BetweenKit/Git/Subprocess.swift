import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program (git, age) as a child process with Foundation's `Process`, feeding its
/// stdin and collecting its stdout and stderr through pipes: what git and the age tools
/// are given or print (notes, keys) never touches a file.
public enum Subprocess {
    /// What a program printed, and how it ended.
    public struct Output: Sendable {
        /// The exit status (or the signal number, when `signaled`).
        public var status: Int32
        public var stdout: Data
        public var stderr: String
        /// Whether the program was stopped by a signal.
        public var signaled: Bool
    }

    /// The program could not be started.
    public struct LaunchFailure: Error, Sendable {
        public var message: String
    }

    /// The program `name` on `PATH` (from the environment Between runs in), or nil.
    public static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = String(folder) + "/" + name
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs `executable` with `arguments` in `directory`, feeding `input` (nothing: an empty
    /// stdin) and waiting for it to end.
    public static func run(_ executable: String, _ arguments: [String], in directory: String? = nil,
                           environment: [String: String]? = nil, input: Data? = nil) throws(LaunchFailure) -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        if let environment { process.environment = environment }
        let output = Pipe(), errors = Pipe(), feed = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = feed
        do {
            try process.run()
        } catch {
            throw LaunchFailure(message: error.localizedDescription)
        }
        // Feed and drain at once, so neither side can fill a pipe and block the other.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data(), errData = Data()
        DispatchQueue.global().async(group: group) { outData = output.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { errData = errors.fileHandleForReading.readDataToEndOfFile() }
        let writer = feed.fileHandleForWriting
        DispatchQueue.global().async(group: group) {
            if let input, !input.isEmpty { feedIgnoringClosedPipe([UInt8](input), to: writer.fileDescriptor) }
            try? writer.close()
        }
        group.wait()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: outData, stderr: String(decoding: errData, as: UTF8.self),
                      signaled: process.terminationReason == .uncaughtSignal)
    }

    /// Writes `bytes` to a child's stdin. A child that exits without reading it all (age
    /// refusing a recipient) must not kill Between with SIGPIPE: the signal is blocked on
    /// this thread while writing, and one it raised is taken off again.
    private static func feedIgnoringClosedPipe(_ bytes: [UInt8], to descriptor: Int32) {
        var pipeSignal = sigset_t()
        sigemptyset(&pipeSignal)
        sigaddset(&pipeSignal, SIGPIPE)
        var previous = sigset_t()
        pthread_sigmask(SIG_BLOCK, &pipeSignal, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        if !FileWriting.writeAll(bytes, to: descriptor), errno == EPIPE {
            var pending = sigset_t()
            sigpending(&pending)
            if sigismember(&pending, SIGPIPE) == 1 {
                var none = timespec(tv_sec: 0, tv_nsec: 0)
                _ = sigtimedwait(&pipeSignal, nil, &none)
            }
        }
    }
}
