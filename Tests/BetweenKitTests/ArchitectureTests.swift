import Foundation
import Testing

/// The layering docs/architecture.md describes, read from the sources: what the compiler
/// can't see. (It refuses a target importing one that comes after it, but not a target
/// importing a module its dependencies bring along: BetweenKit could `import GRDB`.)
@Suite struct ArchitectureTests {
    /// Each third-party or C module, and the only files that may import it.
    static let allowedImporters: [(module: String, files: @Sendable (String) -> Bool)] = [
        ("CCmark", { $0 == "BetweenCore/Markdown/CommonMark.swift" }),
        ("CYaml", { $0 == "BetweenCore/FrontMatter/YAMLEventReader.swift" }),
        ("Yams", { $0.hasPrefix("BetweenCore/FrontMatter/YAML") }),
        ("TOMLKit", { $0 == "BetweenCore/FrontMatter/TOMLFrontMatter.swift" }),
        ("GRDB", { $0.hasPrefix("BetweenIndex/Index/") }),
        ("GRDBSQLite", { $0 == "BetweenIndex/Index/SQLAuthorizer.swift" }),
        ("Mustache", { $0.hasPrefix("BetweenKit/Report/") }),
    ]

    @Test func thirdPartyModulesAreImportedOnlyWhereTheyBelong() throws {
        let imports = try Self.imports()
        #expect(imports.contains { $0.file == "BetweenCore/Markdown/CommonMark.swift" && $0.module == "CCmark" },
                "the sources are read: \(imports.count) imports")
        for (module, allowed) in Self.allowedImporters {
            let misplaced = imports.filter { $0.module == module && !allowed($0.file) }
            #expect(misplaced.isEmpty, "\(module) imported outside its place: \(misplaced.map(\.file))")
        }
    }

    /// `internal import`: the compiler then refuses any public or package declaration that
    /// shows one of their types (a Yams node, a cmark pointer), so none leaks into the API.
    @Test func thirdPartyModulesAreImportedInternally() throws {
        let imports = try Self.imports()
        for (module, _) in Self.allowedImporters {
            let found = imports.filter { $0.module == module }
            #expect(!found.isEmpty, "\(module) is imported somewhere")
            let visible = found.filter { $0.modifiers != "internal" }
            #expect(visible.isEmpty, "\(module) imported without `internal`: \(visible.map(\.file))")
        }
    }

    @Test func eachTargetImportsOnlyTheTargetsBeforeIt() throws {
        let order = ["BetweenCore", "BetweenIndex", "BetweenKit", "between"]
        for found in try Self.imports() {
            guard let importer = order.firstIndex(of: found.target), let imported = order.firstIndex(of: found.module) else { continue }
            #expect(imported < importer, "\(found.file) imports \(found.module)")
        }
    }

    /// The index owns SQL: no string literal anywhere else holds a statement, a clause
    /// over the record table (`r.type = ?`) or a table's name after FROM.
    @Test func onlyTheIndexWritesSQL() throws {
        let sql = try Regex(#"\b(SELECT\s.*\bFROM|INSERT\s+INTO|DELETE\s+FROM|UPDATE\s+\w+\s+SET|CREATE\s+(TABLE|INDEX|TRIGGER)|FROM\s+(record|field|diagnostic|skipped|meta|search)\b)|\br\.[a-z_]+\b"#)
        var found: [String] = []
        var checked = 0
        for file in try Self.swiftFiles() where !file.hasPrefix("BetweenIndex/Index/") {
            for literal in try Self.stringLiterals(in: file) {
                checked += 1
                if literal.contains(sql) { found.append("\(file): \(literal.prefix(80))") }
            }
        }
        #expect(checked > 1000, "the literals are read: \(checked)")
        #expect(found.isEmpty, "SQL outside BetweenIndex/Index/:\n\(found.joined(separator: "\n"))")
        // And the rule does see SQL where it is.
        let index = try Self.stringLiterals(in: "BetweenIndex/Index/RecordQuerySQL.swift")
        #expect(index.contains { $0.contains(sql) })
    }

    // MARK: - Reading the sources

    /// The string literals of a file (single-line and multi-line, interpolations kept as
    /// written), outside comments.
    static func stringLiterals(in file: String) throws -> [String] {
        let text = try String(contentsOfFile: sources + "/" + file, encoding: .utf8)
        var literals: [String] = []
        var rest = Substring(text)
        while let start = rest.firstIndex(where: { $0 == "\"" || $0 == "/" }) {
            if rest[start...].hasPrefix("//") {
                rest = rest[start...].drop { $0 != "\n" }
                continue
            }
            if rest[start] == "/" {
                rest = rest[rest.index(after: start)...]
                continue
            }
            let quotes = rest[start...].hasPrefix("\"\"\"") ? "\"\"\"" : "\""
            let body = rest[rest.index(start, offsetBy: quotes.count)...]
            var end = body.startIndex
            var escaped = false
            while end < body.endIndex {
                if escaped { escaped = false } else if body[end] == "\\" { escaped = true } else if body[end...].hasPrefix(quotes) { break }
                end = body.index(after: end)
            }
            literals.append(String(body[..<end]))
            rest = end < body.endIndex ? body[body.index(end, offsetBy: quotes.count)...] : body[end...]
        }
        return literals
    }

    /// One `import` line of a file under Sources/.
    struct Import: Hashable {
        /// Relative to Sources/, e.g. `BetweenCore/Markdown/CommonMark.swift`.
        var file: String
        var module: String
        /// The words before `import` (`internal`, `@testable`), if any.
        var modifiers: String

        /// The target the file belongs to (its first folder).
        var target: String { String(file.prefix { $0 != "/" }) }
    }

    /// Every `import` of every Swift file under Sources/.
    static func imports() throws -> [Import] {
        try swiftFiles().flatMap { file -> [Import] in
            try String(contentsOfFile: sources + "/" + file, encoding: .utf8).split(separator: "\n").compactMap { line in
                let words = line.split(separator: " ")
                guard let at = words.firstIndex(of: "import"), at + 1 < words.count,
                      words[..<at].allSatisfy({ $0.first == "@" || ["internal", "public", "package", "private", "fileprivate"].contains($0) })
                else { return nil }
                return Import(file: file, module: String(words[at + 1]), modifiers: words[..<at].joined(separator: " "))
            }
        }
    }

    static let sources = SourceTree.root + "/Sources"

    /// Every Swift file under Sources/, relative to it, sorted.
    static func swiftFiles() throws -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: sources)
        var files: [String] = []
        while let path = enumerator?.nextObject() as? String {
            if path.hasSuffix(".swift") { files.append(path) }
        }
        #expect(files.count > 100, "the walk finds the sources")
        return files.sorted()
    }
}
