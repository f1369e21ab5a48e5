import Foundation

/// Runs the built `between` executable, as a person would from a shell.
struct CLI {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `between` binary next to the test bundle (both are built by `swift build --build-tests`),
    /// or `$BETWEEN_BINARY`.
    static var executable: String {
        if let override = ProcessInfo.processInfo.environment["BETWEEN_BINARY"] { return override }
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = runner.deletingLastPathComponent()
        // Swift Testing may run inside `X.xctest/…`; walk up to the bin folder.
        for _ in 0..<4 where !FileManager.default.isExecutableFile(atPath: directory.appendingPathComponent("between").path) {
            directory = directory.deletingLastPathComponent()
        }
        return directory.appendingPathComponent("between").path
    }

    @discardableResult
    static func run(_ arguments: [String], in directory: String? = nil, environment: [String: String] = [:],
                    stdin: String? = nil) throws -> Result {
        let result = try runProgram(executable, arguments, in: directory, environment: environment, stdin: stdin.map { Data($0.utf8) })
        return Result(status: result.status, stdout: String(decoding: result.stdout, as: UTF8.self), stderr: result.stderr)
    }

    /// Runs any program with Between's test environment (no `BETWEEN_VAULT`, no colour) plus
    /// `environment`, feeding `stdin`; stdout comes back as bytes. It runs in `directory`,
    /// else in `SourceTree.outside`, and never on or in the repository (`SourceTree.refuse`).
    static func runProgram(_ program: String, _ arguments: [String], in directory: String? = nil, environment: [String: String] = [:],
                           stdin: Data? = nil) throws -> (status: Int32, stdout: Data, stderr: String) {
        let directory = directory ?? SourceTree.outside
        try SourceTree.refuse(arguments, in: directory, environment: environment)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["BETWEEN_VAULT"] = nil
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        // Read both pipes before waiting, so a large output can't block the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data(), errData = Data()
        DispatchQueue.global().async(group: group) { outData = out.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { errData = err.fileHandleForReading.readDataToEndOfFile() }
        group.wait()
        process.waitUntilExit()
        return (process.terminationStatus, outData, String(decoding: errData, as: UTF8.self))
    }
}

extension CLI {
    /// Runs `between` (in `SourceTree.outside`) with output discarded and returns its exit status and its own
    /// peak resident memory in KiB, as it reports it (`BETWEEN_PEAK_MEMORY_FILE`: `VmHWM`,
    /// the memory of the program itself). Not `wait4`'s figure: Linux carries the test
    /// process's own peak over into a spawned child's `ru_maxrss` (through the spawn and
    /// the exec), so it moved with whatever other tests held at that moment, and tests
    /// comparing two runs failed now and then on a loaded machine.
    static func peakMemory(_ arguments: [String], environment: [String] = []) throws -> (status: Int32, kibibytes: Int) {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor: Int32 in [0, 1, 2] {
            posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        let named = environment.map { (String($0.prefix { $0 != "=" }), String($0.drop { $0 != "=" }.dropFirst())) }
        try SourceTree.refuse(arguments, in: SourceTree.outside, environment: Dictionary(named, uniquingKeysWith: { $1 }))
        try SourceTree.startOutside(&actions)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let report = NSTemporaryDirectory() + "between-peak-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: report) }
        // `environment` ("NAME=value") is added to this process's own.
        var variables = (environment + ["BETWEEN_PEAK_MEMORY_FILE=\(report)"]).map { strdup($0) }
        var index = 0
        while let variable = environ[index] { variables.append(strdup(variable)); index += 1 }
        defer { variables.forEach { free($0) } }
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, variables + [nil])
        guard spawned == 0 else { throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "posix_spawn: \(spawned)"]) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let exited = status & 0x7f == 0
        guard let text = try? String(contentsOfFile: report, encoding: .utf8),
              let kibibytes = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "between \(arguments) wrote no peak-memory report (status \(status))"])
        }
        return (exited ? (status >> 8) & 0xff : -1, kibibytes)
    }
}
