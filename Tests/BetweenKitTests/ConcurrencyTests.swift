import Foundation
import Testing

/// Several `between` processes index and query one vault while its files change; afterwards one
/// more refresh gives the same index as a rebuild from scratch, and no process failed.
@Suite struct ConcurrencyTests {
    final class Locked<Value>: @unchecked Sendable {
        private let lock = NSLock()
        private var value: Value
        init(_ value: Value) { self.value = value }
        func withLock<R>(_ body: (inout Value) -> R) -> R { lock.lock(); defer { lock.unlock() }; return body(&value) }
    }

    static func entry(_ index: Int, version: Int) -> String {
        """
        ---
        type: mood
        date: 2026-11-\(String(format: "%02d", 1 + index % 24)) \(String(format: "%02d", index % 24)):\(String(format: "%02d", version % 60))
        mood: \(version % 11)
        distress: \((index * 7 + version) % 101)
        tags: [t\(index % 5), v\(version)]
        ---
        # Entry \(index) version \(version)
        Words for entry \(index), edited \(version) times. Does it hold?
        """
    }

    static func dump(_ root: String) throws -> String {
        let list = try HardeningCLI.run(["list", "--format", "jsonl", "--vault", root])
        #expect(list.status == 0, "\(list)")
        let fields = try HardeningCLI.run(["sql", """
            SELECT r.path, r.type, r.title, r.date, r.sort_key, r.words, r.hash, f.key, f.num, f.text, f.date
            FROM record r LEFT JOIN field f ON f.recordId = r.id ORDER BY r.path, f.key, f.num, f.text, f.date
            """, "--format", "csv", "--vault", root])
        #expect(fields.status == 0, "\(fields)")
        let parts = try HardeningCLI.run(["sql", """
            SELECT r.path, q.text, q.line FROM question q JOIN record r ON r.id = q.recordId ORDER BY r.path, q.line, q.text
            """, "--format", "csv", "--vault", root])
        #expect(parts.status == 0, "\(parts)")
        return list.stdout + "\n" + fields.stdout + "\n" + parts.stdout
    }

    @Test func concurrentRunsWhileEditingEndConsistent() throws {
        let count = 150
        var files: [String: String] = [:]
        for index in 0..<count { files["log/e\(index).md"] = Self.entry(index, version: 0) }
        let vault = try TemporaryVault(files)
        defer { vault.remove() }

        let commands: [[String]] = [
            ["index"], ["list", "--format", "jsonl"], ["query", "mood >= 3 and tags has t1"], ["search", "entry"],
            ["digest", "--since", "2026-11-01", "--format", "json"], ["sql", "SELECT count(*) FROM record"],
        ]
        let failures = Locked<[String]>([])
        let stop = Locked(false)
        let group = DispatchGroup()
        for worker in 0..<4 {
            DispatchQueue.global().async(group: group) {
                for round in 0..<6 {
                    let arguments = commands[(worker + round) % commands.count] + ["--vault", vault.root]
                    do {
                        let result = try HardeningCLI.run(arguments, environment: ["BETWEEN_TODAY": "2026-11-25"])
                        // Problems in half-written notes are the notes' (`index` shows them); Between's own go "between: error".
                        if result.status != 0 || result.timedOut || result.crashed || result.stderr.contains("between: error") {
                            failures.withLock { $0.append("\(arguments.joined(separator: " ")): \(result)") }
                        }
                    } catch {
                        failures.withLock { $0.append("\(arguments): \(error)") }
                    }
                }
            }
        }
        // The editor: rewrite, add, delete and truncate files until the workers are done.
        let editor = DispatchGroup()
        DispatchQueue.global().async(group: editor) {
            var version = 1
            while !stop.withLock({ $0 }) {
                let index = (version * 37) % count
                switch version % 4 {
                case 0: try? vault.write("log/e\(index).md", Self.entry(index, version: version))
                case 1: try? vault.write("log/new\(version).md", Self.entry(version, version: version))
                case 2: try? FileManager.default.removeItem(atPath: vault.root + "/log/new\(version - 1).md")
                default: try? vault.write("log/e\(index).md", String(Self.entry(index, version: version).prefix(version % 50)))
                }
                version += 1
                usleep(2_000)
            }
        }
        group.wait()
        stop.withLock { $0 = true }
        editor.wait()

        #expect(failures.withLock { $0 }.isEmpty, "\(failures.withLock { $0 }.joined(separator: "\n---\n"))")

        // One more refresh, compared with a rebuild of a fresh copy.
        let refreshed = try Self.dump(vault.root)
        let copy = try TemporaryVault()
        defer { copy.remove() }
        for (path, data) in try vault.fingerprint() { try copy.writeBytes(path, Array(data)) }
        let rebuild = try HardeningCLI.run(["index", "--rebuild", "--vault", copy.root])
        #expect(rebuild.status == 0, "\(rebuild)")
        let fresh = try Self.dump(copy.root)
        #expect(refreshed == fresh, "refreshed index differs from a rebuild")
        if refreshed != fresh {
            let a = refreshed.split(separator: "\n"), b = fresh.split(separator: "\n")
            let first = Array(zip(a, b)).firstIndex { $0 != $1 } ?? min(a.count, b.count)
            Issue.record("first difference at line \(first): \(first < a.count ? a[first] : "<end>") vs \(first < b.count ? b[first] : "<end>")")
        }
    }
}
