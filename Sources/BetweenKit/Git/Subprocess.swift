import BetweenCore
import Foundation
import Glibc

/// Runs a program (git, age) as a child process with `posix_spawn`, feeding its stdin and
/// collecting its stdout and stderr through pipes: what git and the age tools are given or
/// print (notes, keys) never touches a file.
///
/// `posix_spawn` rather than Foundation's `Process`, which took about 30 ms a child here
/// (against 1 ms): the git filter starts two children for each private note git looks
/// at, so that was most of a `git status`. It also lets a child inherit chosen files
/// (`MemoryFiles`). The child starts with default signal handling, whatever Between ignores.
/// `spawn` and `waitForExit` also start the person's editor on the terminal (`Editor`).
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

    /// Runs `executable` with `arguments`, feeding `input` (nothing: an empty stdin), and
    /// waits for it to end. The descriptors in `inheriting` become the child's 3, 4, 5….
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                           input: Data? = nil, inheriting files: [Int32] = []) throws(LaunchFailure) -> Output {
        var open: [Int32] = []
        defer { open.forEach { close($0) } }
        func pipePair() throws(LaunchFailure) -> (read: Int32, write: Int32) {
            var ends: [Int32] = [0, 0]
            guard pipe(&ends) == 0 else { throw LaunchFailure(message: "can't make a pipe: \(FileSystem.lastReason)") }
            // Out of the way of 0, 1, 2 and the inherited files, and closed in every other child.
            let moved = ends.map { fcntl($0, F_DUPFD_CLOEXEC, 10) }
            ends.forEach { close($0) }
            open += moved
            guard moved.allSatisfy({ $0 >= 0 }) else { throw LaunchFailure(message: "can't make a pipe: \(FileSystem.lastReason)") }
            return (moved[0], moved[1])
        }
        let feed = try pipePair(), output = try pipePair(), errors = try pipePair()

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, feed.read, 0)
        posix_spawn_file_actions_adddup2(&actions, output.write, 1)
        posix_spawn_file_actions_adddup2(&actions, errors.write, 2)
        for (offset, descriptor) in files.enumerated() {
            posix_spawn_file_actions_adddup2(&actions, descriptor, Int32(3 + offset))
        }
        let launched = Result { () throws(LaunchFailure) in
            try spawn(executable, arguments, environment: environment, actions: &actions)
        }
        for end in [feed.read, output.write, errors.write] {
            close(end)
            open.removeAll { $0 == end }
        }
        let pid = try launched.get()

        // Feed and drain at once, so neither side can fill a pipe and block the other.
        let group = DispatchGroup()
        nonisolated(unsafe) var outBytes: [UInt8] = [], errBytes: [UInt8] = []
        DispatchQueue.global().async(group: group) { outBytes = readAll(output.read) }
        DispatchQueue.global().async(group: group) { errBytes = readAll(errors.read) }
        if let input, !input.isEmpty { feedIgnoringClosedPipe([UInt8](input), to: feed.write) }
        close(feed.write)
        open.removeAll { $0 == feed.write }
        group.wait()
        let ended = waitForExit(pid)
        return Output(status: ended.status, stdout: Data(outBytes),
                      stderr: String(decoding: errBytes, as: UTF8.self), signaled: ended.signaled)
    }

    /// Starts `executable` with `arguments` and the descriptors `actions` arranges, and
    /// returns its process id; wait for it with `waitForExit`. The child stays in Between's
    /// process group (so a program run on the terminal, an editor, is in the terminal's
    /// foreground with Between) and starts with default handling of the signals Between
    /// may ignore, and none blocked.
    public static func spawn(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                             actions: inout posix_spawn_file_actions_t) throws(LaunchFailure) -> pid_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t(), none = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGINT, SIGQUIT, SIGTERM, SIGHUP] { sigaddset(&defaults, signal) }
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let variables = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        let envp = variables.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw LaunchFailure(message: String(cString: strerror(spawned))) }
        return pid
    }

    /// Waits for the child `pid` to end: its exit status, or the signal that ended it.
    public static func waitForExit(_ pid: pid_t) -> (status: Int32, signaled: Bool) {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let signaled = status & 0x7f != 0
        return (signaled ? status & 0x7f : (status >> 8) & 0xff, signaled)
    }

    /// Everything a pipe gives until it is closed.
    private static func readAll(_ descriptor: Int32) -> [UInt8] {
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return result }
            result += chunk[..<count]
        }
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
