@testable import BetweenCore
@testable import BetweenKit

/// The whole vault read at once, an oracle for the index and `check` (which read a
/// batch at a time): every entry with the checks that span files applied, and the
/// problems of files that couldn't be read.
extension Vault {
    /// Reads every source (in parallel) and runs the checks that span files.
    func load() -> VaultSnapshot {
        let (files, scanDiagnostics) = sources()
        let reader = VaultReader(self)
        let results = files.parallelMap { reader.read($0) }
        var entries: [Entry] = []
        var skipped: [Diagnostic] = []
        for result in results {
            switch result {
            case .success(let entry): entries.append(entry)
            case .failure(let diagnostic): skipped.append(diagnostic)
            }
        }
        VaultChecks.apply(to: &entries)
        return VaultSnapshot(entries: entries, otherDiagnostics: configDiagnostics + scanDiagnostics + skipped)
    }
}

/// Everything read from a vault at one moment.
struct VaultSnapshot: Sendable {
    /// One per readable source file, sorted by path.
    var entries: [Entry]
    /// Problems not tied to a readable entry: settings, skipped files, links.
    var otherDiagnostics: [Diagnostic]

    init(entries: [Entry], otherDiagnostics: [Diagnostic]) {
        self.entries = entries
        self.otherDiagnostics = otherDiagnostics
    }

    /// Every diagnostic, sorted by path, then line and column.
    var diagnostics: [Diagnostic] {
        Diagnostic.inReportOrder(otherDiagnostics + entries.flatMap(\.diagnostics))
    }
}

extension VaultChecks {
    /// Adds cross-file diagnostics to the entries they concern.
    static func apply(to entries: inout [Entry]) {
        let found = diagnostics(for: entries.compactMap(HomeworkReference.init))
        guard !found.isEmpty else { return }
        let byPath = Dictionary(grouping: found, by: \.path)
        for index in entries.indices {
            guard let extra = byPath[entries[index].path] else { continue }
            entries[index].diagnostics = (entries[index].diagnostics + extra).sorted(by: Diagnostic.isOrderedWithinFile)
        }
    }
}
