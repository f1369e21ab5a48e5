import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A program run on a pseudo-terminal of its own, as from a person's shell prompt: the
/// terminal is its controlling terminal and its process group is the terminal's foreground
/// group. The test types on the terminal's other side and reads what the program shows.
///
/// Nothing waits without a bound: a program (or any process of its session, such as an
/// editor it started) that the terminal stops (SIGTTOU, SIGTTIN: it was not in the
/// foreground) or that doesn't finish in time is killed, and the wait throws.
final class PseudoTerminal {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The program's process id; it leads a session (and a process group) of its own.
    let pid: pid_t
    /// The test's side of the terminal.
    private let master: Int32
    /// The program's side, also kept open here, to read the terminal's settings.
    private let slave: Int32
    /// Everything the program has shown so far.
    private(set) var output: [UInt8] = []
    private var ended: Int32?

    /// What the program has shown, as text.
    var text: String { String(decoding: output, as: UTF8.self) }

    /// Starts `program` with `arguments` in `directory` on a new terminal of `columns` × `rows`,
    /// with exactly `environment`.
    init(_ program: String, _ arguments: [String], in directory: String, environment: [String: String],
         columns: UInt16 = 200, rows: UInt16 = 30) throws {
        try SourceTree.refuse(arguments, in: directory, environment: environment)
        // openpty is in glibc's <pty.h>, which Swift's Glibc module doesn't show.
        typealias OpenPTY = @convention(c) (UnsafeMutablePointer<Int32>, UnsafeMutablePointer<Int32>,
                                            UnsafeMutablePointer<CChar>?, UnsafeRawPointer?, UnsafeRawPointer?) -> Int32
        guard let symbol = dlsym(nil, "openpty") else { throw Failure(description: "openpty is not in the C library") }
        let openpty = unsafeBitCast(symbol, to: OpenPTY.self)
        var ends: (master: Int32, slave: Int32) = (-1, -1)
        var name = [CChar](repeating: 0, count: 4096)
        guard openpty(&ends.master, &ends.slave, &name, nil, nil) == 0 else {
            throw Failure(description: "no pseudo-terminal: \(String(cString: strerror(errno)))")
        }
        (master, slave) = ends
        for descriptor in [master, slave] { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Opened after setsid, the terminal becomes the new session's controlling terminal.
        posix_spawn_file_actions_addopen(&actions, 0, name, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t(), none = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU, SIGPIPE, SIGTERM, SIGHUP] { sigaddset(&defaults, signal) }
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &none)
        let newSession: Int32 = 0x80 // POSIX_SPAWN_SETSID in glibc's <spawn.h> (2.26 and later), not shown to Swift
        posix_spawnattr_setflags(&attributes, Int16(newSession | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv = (["/bin/sh", "-c", "cd \"$1\" && shift && exec \"$@\"", "sh", directory, program] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var child: pid_t = 0
        let spawned = posix_spawn(&child, "/bin/sh", &actions, &attributes, argv, envp)
        guard spawned == 0 else {
            close(master)
            close(slave)
            throw Failure(description: "can't start \(program): \(String(cString: strerror(spawned)))")
        }
        pid = child
    }

    deinit {
        killSession()
        close(master)
        close(slave)
    }

    /// Types `keys` (Ctrl-C is "\u{03}", Escape "\u{1b}", Enter "\r").
    func type(_ keys: String) {
        let bytes = Array(keys.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(master, $0.baseAddress!, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return }
            written += count
        }
    }

    /// Waits until the program has shown `wanted`.
    func waitFor(_ wanted: String, seconds: Double = 30) throws {
        let deadline = Date(timeIntervalSinceNow: seconds)
        while !text.contains(wanted) {
            try checkRunning(waitingFor: "'\(wanted)'")
            guard Date() < deadline else {
                killSession()
                throw Failure(description: "'\(wanted)' did not show within \(Int(seconds)) s; the terminal showed:\n\(text)")
            }
            readOutput(waiting: 0.05)
        }
    }

    /// Waits for the program to end and returns its exit status (128 + the signal, when a signal ended it).
    func finish(seconds: Double = 30) throws -> Int32 {
        let deadline = Date(timeIntervalSinceNow: seconds)
        while ended == nil {
            try checkRunning(waitingFor: nil)
            guard ended == nil else { break }
            guard Date() < deadline else {
                killSession()
                throw Failure(description: "the program did not finish within \(Int(seconds)) s; the terminal showed:\n\(text)")
            }
            readOutput(waiting: 0.05)
        }
        readOutput(waiting: 0)
        return ended!
    }

    /// The terminal's settings now.
    var modes: termios {
        var modes = termios()
        tcgetattr(slave, &modes)
        return modes
    }

    /// The terminal's foreground process group.
    var foregroundGroup: pid_t {
        var group: pid_t = 0
        _ = ioctl(master, UInt(TIOCGPGRP), &group)
        return group
    }

    /// Notes the program's end, and fails when it, or any process of its session, was stopped.
    private func checkRunning(waitingFor wanted: String?) throws {
        var status: Int32 = 0
        if waitpid(pid, &status, WNOHANG | WUNTRACED) == pid {
            if status & 0xff == 0x7f { // stopped
                killSession()
                throw Failure(description: "the program was stopped by signal \((status >> 8) & 0xff), as a program outside the terminal's foreground is; the terminal showed:\n\(text)")
            }
            ended = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + status & 0x7f
            if let wanted {
                readOutput(waiting: 0)
                if !text.contains(wanted) {
                    throw Failure(description: "the program ended (status \(ended!)) before showing \(wanted); the terminal showed:\n\(text)")
                }
            }
            return
        }
        if let stopped = sessionProcesses().first(where: { $0.state == "T" }) {
            killSession()
            throw Failure(description: "\(stopped.name) (process \(stopped.pid)) was stopped, as a program outside the terminal's foreground is (SIGTTOU/SIGTTIN); the terminal showed:\n\(text)")
        }
    }

    /// Reads what the program wrote, waiting up to `seconds` for something to arrive.
    private func readOutput(waiting seconds: Double) {
        var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        while poll(&poller, 1, Int32(seconds * 1000)) > 0 {
            var chunk = [UInt8](repeating: 0, count: 65536)
            let count = chunk.withUnsafeMutableBytes { read(master, $0.baseAddress!, $0.count) }
            guard count > 0 else { return }
            output += chunk[..<count]
            poller.revents = 0
            if seconds > 0 { return }
        }
    }

    /// The processes of the program's session (it and everything it started on the terminal), from /proc.
    private func sessionProcesses() -> [(pid: pid_t, name: String, state: Character)] {
        let listing = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return listing.compactMap { entry in
            guard let process = pid_t(entry),
                  let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                  let open = stat.firstIndex(of: "("), let close = stat.lastIndex(of: ")") else { return nil }
            // pid (name) state ppid pgrp session …; the name may hold spaces and parentheses.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 3, pid_t(fields[3]) == pid, let state = fields[0].first else { return nil }
            return (process, String(stat[stat.index(after: open)..<close]), state)
        }
    }

    /// Kills every process left in the program's session and collects the program.
    private func killSession() {
        for process in sessionProcesses() { kill(process.pid, SIGKILL) }
        guard ended == nil else { return }
        kill(pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        ended = ended ?? 128 + SIGKILL
    }
}
