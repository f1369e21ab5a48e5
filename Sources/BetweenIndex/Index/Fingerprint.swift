import BetweenCore
internal import GRDB

/// What made the index's records, kept in `meta` as `fingerprint`: an index whose
/// fingerprint is not this build's (another version of Between, a rebuilt one, other
/// settings) is removed and built afresh from the notes, like one of another schema
/// version (`IndexCheck.Problem.outdated`).
///
/// A stored record depends on more than its file's bytes (which the refresh compares):
/// - the code that parses and stores it: `BuildFingerprint.sources`, a hash of the
///   sources of BetweenCore and BetweenIndex, the templates and the dependency versions,
///   made at build time by the SourceFingerprint plugin. So a change to the parser
///   can't go on serving records it would no longer make, with no version bumped by hand;
/// - libcmark, a shared system library that an upgrade replaces without Between being
///   rebuilt;
/// - the parse options (`private-by-default` in `between.yml`): a vault switched to
///   `private-by-default: true` must not go on sharing records indexed as public.
enum IndexFingerprint {
    static let key = "fingerprint"

    /// The fingerprint of this build reading notes with `options`: every field of the
    /// options, so one added later counts too.
    static func current(options: EntryParser.Options) -> String {
        "schema \(IndexSchema.version); sources \(BuildFingerprint.sources); cmark \(CommonMark.libraryVersion); \(options)"
    }

    /// The fingerprint for reading `vault`, with its settings.
    static func current(for vault: Vault) -> String {
        current(options: VaultReader(vault).options)
    }

    static func stored(in db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key])
    }

    static func store(_ value: String, in db: Database) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", arguments: [key, value])
    }
}
