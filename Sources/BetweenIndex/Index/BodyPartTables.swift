import BetweenCore
import Foundation
internal import GRDB

extension Index {
    /// Fills the body-part tables (`section`, `question`, `task`, `link`) if they are
    /// still empty, and from then on every refresh keeps them in step.
    ///
    /// Nothing in Between reads them (entries come back whole from `record`); they
    /// are there for people's own SQL. So, like the full-text table, a cold index
    /// doesn't write them, and `between sql` fills them the first time it runs.
    func ensureBodyParts() throws {
        try fillOnFirstUse(.parts) { db in
            let writer = try IndexWriter(db)
            let records = try Row.fetchCursor(db, sql: "SELECT id, entry, body FROM record")
            while let row = try records.next() {
                let entry = try EntryCodec.decode(row["entry"] as Data, plainText: row["body"])
                try writer.insertBodyParts(of: entry, id: row["id"])
            }
        }
    }
}
