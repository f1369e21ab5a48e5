import Foundation

/// The repository's own folder, which tests only ever read.
///
/// `between` writes into the vault it runs on (its index cache, `.between/`), and into
/// the folder it runs in (`init`, a relative `-o`), so a test that ran it on
/// `examples/vault` in place left a cache in the source tree, and goldens recorded
/// later could come from that stale cache. So every helper that starts `between`
/// (`CLI.run`, `CLI.runProgram`, `CLI.peakMemory`, `HardeningCLI.run`,
/// `InterruptedWriteTests.spawn`, `PseudoTerminal`) first calls `refuse`, which fails
/// the test when the vault it names or the folder it runs in is inside the
/// repository, and a helper given no folder runs it in `outside`. A test that needs
/// the example vault uses `TemporaryVault.copyOfExample()`.
///
/// The one thing a test run writes into the source tree, on purpose: the golden files,
/// when re-recorded (see `GoldenFile`).
enum SourceTree {
    /// The repository's top folder (the one holding `Package.swift`), symbolic links resolved.
    static let root = resolved(URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path)

    /// The example vault as it is in the repository: copy it, never run `between` on it.
    static let exampleVault = root + "/examples/vault"

    /// An empty folder of this test run, outside the repository: where `between` runs
    /// when a test names no folder, instead of the test runner's own (the repository).
    /// Removed when the test run ends.
    static let outside: String = {
        let folder = resolved(FileManager.default.temporaryDirectory.appendingPathComponent("between-tests-outside-\(UUID().uuidString)").path)
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: SourceTree.outside) }
        return folder
    }()

    /// A test asked to run `between` on, or in, the repository's own files.
    struct Refusal: Error, CustomStringConvertible {
        let description: String
    }

    /// Throws (failing the test) when `between arguments`, run in `directory` with
    /// `environment` added, would work on a folder inside the repository: through
    /// `--vault`, `BETWEEN_VAULT`, or the folder it runs in.
    static func refuse(_ arguments: [String], in directory: String, environment: [String: String] = [:]) throws {
        if let problem = problem(arguments, in: directory, environment: environment) { throw Refusal(description: problem) }
    }

    /// What `refuse` would say, or nil when nothing points inside the repository.
    static func problem(_ arguments: [String], in directory: String, environment: [String: String] = [:]) -> String? {
        var named: [(what: String, path: String)] = [("the folder it runs in", directory)]
        for (index, argument) in arguments.enumerated() {
            if argument == "--vault", index + 1 < arguments.count { named.append(("--vault", arguments[index + 1])) }
            if argument.hasPrefix("--vault=") { named.append(("--vault", String(argument.dropFirst("--vault=".count)))) }
        }
        if let variable = environment["BETWEEN_VAULT"] { named.append(("BETWEEN_VAULT", variable)) }
        for (what, path) in named {
            let absolute = path.hasPrefix("/") ? path : directory + "/" + path
            let real = resolved(absolute)
            if real == root || real.hasPrefix(root + "/") {
                return "a test ran `between \(arguments.joined(separator: " "))` with \(what) \(path), inside the repository "
                    + "(\(root)), where it would write its index or files; use TemporaryVault.copyOfExample() or a TemporaryVault"
            }
        }
        return nil
    }

    /// Makes a `posix_spawn` with these `actions` start its program in `outside`.
    static func startOutside(_ actions: inout posix_spawn_file_actions_t) throws {
        // glibc (2.29 and later) has it, but Swift's Glibc module doesn't show it.
        typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
        guard let symbol = dlsym(nil, "posix_spawn_file_actions_addchdir_np"),
              unsafeBitCast(symbol, to: AddChdir.self)(&actions, outside) == 0 else {
            throw Refusal(description: "can't start a program in \(outside): posix_spawn_file_actions_addchdir_np is missing or failed")
        }
    }

    /// `path` with `.`, `..` and symbolic links resolved, as far as it exists.
    static func resolved(_ path: String) -> String {
        let standard = (path as NSString).standardizingPath
        var existing = standard, rest: [String] = []
        while true {
            if let real = realpath(existing, nil) {
                defer { free(real) }
                let base = String(cString: real)
                return rest.isEmpty ? base : (base == "/" ? "" : base) + "/" + rest.joined(separator: "/")
            }
            guard existing != "/", !existing.isEmpty else { return standard }
            rest.insert((existing as NSString).lastPathComponent, at: 0)
            existing = (existing as NSString).deletingLastPathComponent
        }
    }
}
