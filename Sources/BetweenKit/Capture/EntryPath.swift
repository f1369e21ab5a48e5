import BetweenCore

/// Where a new entry goes, relative to the vault root, and the names tried when that is taken.
///
/// - journal kinds: `journal/2026/11/2026-11-20-1930-mood.md` (`2026-11-20-mood.md` for a date without a time);
/// - `session`: `sessions/2026-11-20.md`;
/// - `homework`: `homework/ID.md`, ID the assignment's id (a slug);
/// - `safety-plan`: `safety-plan.md` at the top.
///
/// The second try adds `-2` before `.md`, then `-3`, and so on. Every part is made here
/// from digits, kind names and slugs, so a path can never hold `..` or leave the vault.
public struct EntryPath: Sendable, Hashable {
    /// The folder, e.g. `journal/2026/11` (empty for the top of the vault).
    public var folder: String
    /// The name without `.md` and without a suffix, e.g. `2026-11-20-1930-mood`.
    public var stem: String

    public init(kind: EntryKind, date: EntryDate, assignmentID: String? = nil) {
        switch kind.folder {
        case .journal:
            folder = "journal/\(date.year.zeroPadded(to: 4))/\(date.month.zeroPadded(to: 2))"
            var stamp = date.dayString
            if let hour = date.hour, let minute = date.minute { stamp += "-" + hour.zeroPadded(to: 2) + minute.zeroPadded(to: 2) }
            stem = stamp + "-" + kind.name
        case .sessions:
            folder = "sessions"
            stem = date.dayString
        case .homework:
            folder = "homework"
            stem = assignmentID.flatMap(Slug.make) ?? "assignment"
        case .top:
            folder = ""
            stem = kind.name
        }
    }

    /// The stem of try number `attempt` (1-based): `stem`, `stem-2`, `stem-3`…
    public func stem(attempt: Int) -> String {
        attempt <= 1 ? stem : "\(stem)-\(attempt)"
    }

    /// The path of try number `attempt`, e.g. `journal/2026/11/2026-11-20-1930-mood-2.md`.
    public func relativePath(attempt: Int) -> String {
        (folder.isEmpty ? "" : folder + "/") + stem(attempt: attempt) + ".md"
    }
}
