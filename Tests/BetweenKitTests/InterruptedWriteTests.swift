import Foundation
import Testing

/// An `-o` write interrupted by Ctrl-C, `kill` or a closed terminal leaves no hidden
/// `.between-XXXXXX` file behind (it may hold private entries), and the process ends by
/// that signal, as a shell expects.
@Suite struct InterruptedWriteTests {
    @Test(arguments: [(SIGINT, "digest"), (SIGTERM, "export"), (SIGHUP, "digest"), (SIGTERM, "digest")])
    func anInterruptedWriteRemovesItsTemporaryFile(signal: Int32, command: String) throws {
        let folder = try TemporaryVault(marked: false)
        defer { folder.remove() }
        let example = try TemporaryVault.copyOfExample()
        defer { example.remove() }
        let arguments = [command, "--include-private", "-o", folder.root + "/out.txt", "--vault", example.root]
        // Test-only: the write waits after its first piece, so the signal comes mid-write.
        let pid = try Self.spawn(arguments, environment: ["BETWEEN_TEST_PAUSE_WRITING": "1", "BETWEEN_TODAY": "2026-11-26"])
        var status: Int32 = 0
        var exited = false
        defer { if !exited { kill(pid, SIGKILL); waitpid(pid, &status, 0) } }
        func running() -> Bool {
            if waitpid(pid, &status, WNOHANG) == pid { exited = true }
            return !exited
        }

        // Wait for the temporary file to hold part of the report: what an interrupted
        // write used to leave behind.
        var partial: String?
        let deadline = Date(timeIntervalSinceNow: 30)
        while partial == nil, running(), Date() < deadline {
            partial = try FileManager.default.contentsOfDirectory(atPath: folder.root).first { name in
                name.hasPrefix(".between-") && (FileManager.default.contents(atPath: folder.root + "/" + name)?.isEmpty == false)
            }
            if partial == nil { usleep(10_000) }
        }
        try #require(partial != nil, "the write never started its temporary file")

        kill(pid, signal)
        while !exited, waitpid(pid, &status, 0) == -1, errno == EINTR {}
        exited = true
        #expect(status & 0x7f == signal, "ended by its signal (wait status \(status))")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.root).isEmpty, "a temporary file or a half report is left")
    }

    /// Starts `between` the way a shell does: no signal blocked, default actions (a test
    /// runner's threads block signals, and a child started from one would inherit that).
    static func spawn(_ arguments: [String], environment: [String: String]) throws -> pid_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        try SourceTree.refuse(arguments, in: SourceTree.outside, environment: environment)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        try SourceTree.startOutside(&actions)
        for descriptor: Int32 in [0, 1, 2] {
            posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        var variables = ProcessInfo.processInfo.environment
        variables["BETWEEN_VAULT"] = nil
        for (key, value) in environment { variables[key] = value }
        let argv = ([CLI.executable] + arguments).map { strdup($0) } + [nil]
        let envp = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, CLI.executable, &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "posix_spawn: \(spawned)"]) }
        return pid
    }
}
