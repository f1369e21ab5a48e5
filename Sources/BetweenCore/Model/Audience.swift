/// Who an output is for: the one rule for which entries may reach it.
///
/// Private entries reach only the person's own views. What is meant to be shared (a
/// digest, an export) leaves them out unless the person asks with `--include-private`.
/// Fails closed: an entry is private unless it is known to be public (`Entry.isPrivate`).
/// The index asks the same question in SQL (`RecordQuery.visible(to:)`), from the
/// `private` column it writes from `Entry.isPrivate`.
public enum Audience: Sendable, Hashable {
    /// The person: `list`, `query`, `show`, `search`, `trend`, `homework`, `cope`, and a
    /// digest or export with `--include-private`.
    case owner
    /// Anyone the person shares with: a digest or an export.
    case shared

    /// `.owner` when private entries are asked for, else `.shared`.
    public init(includingPrivate: Bool) {
        self = includingPrivate ? .owner : .shared
    }

    /// Whether private entries reach this audience.
    public var includesPrivate: Bool { self == .owner }

    /// Whether `entry` may reach this audience.
    public func admits(_ entry: Entry) -> Bool {
        self == .owner || !entry.isPrivate
    }
}
