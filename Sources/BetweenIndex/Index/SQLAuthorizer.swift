import BetweenCore
internal import GRDB
internal import GRDBSQLite

/// SQLite's authorizer for a person's own SQL (`ReadOnlySQL`): while a statement is
/// compiled, SQLite asks it about every action the statement would take (read this
/// column, call this function, set this pragma…), and it lets reading through and
/// refuses the rest, naming why; SQLite then fails the statement before anything
/// runs. This judges what SQLite will actually do, which no reading of the SQL's
/// words can (`PRAGMA writable_schema(1)` has no `=`).
///
/// GRDB installs an authorizer of its own on each connection, which feeds its change
/// observation and schema cache; SQLite can't hand back the one installed, so the
/// connection that ran a person's SQL is left with none. Between neither observes
/// changes nor changes the schema on its read connections, so nothing misses it.
final class SQLAuthorizer {
    /// Why the first action refused was refused, to end the sentence "'SQL' …".
    private(set) var refusal: String?

    static let writes = "would change the index or the connection, so it was not run. "
        + "The index is a cache rebuilt from your notes; change the notes instead"

    /// For a statement the authorizer let through but SQLite doesn't call read-only (`PRAGMA journal_mode`).
    static let mayWrite = "is one SQLite can't promise only reads, so it was not run"

    /// Runs `body` with this authorizer judging every statement compiled on `db`'s connection.
    func judging<T>(_ db: Database, _ body: (SQLAuthorizer) throws -> T) throws -> T {
        let connection = db.sqliteConnection
        sqlite3_set_authorizer(connection, { context, action, first, second, _, _ in
            guard let context else { return SQLITE_DENY }
            return Unmanaged<SQLAuthorizer>.fromOpaque(context).takeUnretainedValue()
                .decide(action, first.map { String(cString: $0) }, second.map { String(cString: $0) })
        }, Unmanaged.passUnretained(self).toOpaque())
        defer { sqlite3_set_authorizer(connection, nil, nil) }
        return try body(self)
    }

    /// SQLite's action codes are documented at https://sqlite.org/c3ref/c_alter_table.html;
    /// `first` and `second` are the action's two names (table and column, pragma and value…).
    private func decide(_ action: Int32, _ first: String?, _ second: String?) -> Int32 {
        switch action {
        case SQLITE_SELECT, SQLITE_READ, SQLITE_RECURSIVE:
            return SQLITE_OK
        case SQLITE_FUNCTION:
            guard let name = second?.lowercased(), Self.refusedFunctions.contains(name) else { return SQLITE_OK }
            return refuse("calls \(name)(), which can make SQLite run code from outside it, so it was not run")
        case SQLITE_PRAGMA:
            let name = first?.lowercased() ?? ""
            if Self.actingPragmas.contains(name) { return refuse("would write to the index file, so it was not run") }
            if second == nil || Self.readingPragmasWithArgument.contains(name) { return SQLITE_OK }
            return refuse("would change SQLite's \(name) setting, so it was not run "
                + "(PRAGMA \(name) with no value, which only reads the setting, is fine)")
        case SQLITE_UPDATE where first == "sqlite_master" || first == "sqlite_temp_master":
            // Reported when a table-valued pragma (`pragma_table_info('record')`) is first
            // declared; a real update of the schema table is not read-only, and
            // `ReadOnlySQL` refuses every statement that isn't.
            return SQLITE_OK
        case SQLITE_TRANSACTION, SQLITE_SAVEPOINT:
            return refuse("would start or end a transaction or savepoint, so it was not run; "
                + "between sql runs all your statements in one read-only transaction of its own")
        default:
            return refuse(Self.writes)
        }
    }

    private func refuse(_ reason: String) -> Int32 {
        refusal = refusal ?? reason
        return SQLITE_DENY
    }

    /// Functions that hand SQLite a pointer or a library to run: never from a person's SQL.
    private static let refusedFunctions: Set<String> = ["fts3_tokenizer", "load_extension"]

    /// Pragmas that act even with no value: they checkpoint, analyse or shrink rather than read.
    private static let actingPragmas: Set<String> = ["wal_checkpoint", "optimize", "incremental_vacuum", "shrink_memory"]

    /// Pragmas whose argument names what to read (`PRAGMA table_info(record)`), not a new value.
    private static let readingPragmasWithArgument: Set<String> = [
        "table_info", "table_xinfo", "table_list", "index_info", "index_xinfo", "index_list",
        "foreign_key_list", "foreign_key_check", "integrity_check", "quick_check",
    ]
}
