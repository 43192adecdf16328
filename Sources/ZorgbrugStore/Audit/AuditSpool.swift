import GRDB
import ZorgbrugCore

/// Audit records, durable in a SQLite file of their own until ``ResourceStore`` moves them into its `auditEvent`
/// table (``ResourceStore/drainAuditSpool()``).
///
/// Why a second file: a WAL reader empties its page cache whenever the database file changed since its previous
/// transaction. Committing every read's audit record into the store's file did that to every reader connection
/// up to a thousand times a second under load, and every read then paid for page reads. Spooled here, a record is
/// just as durable before the read is answered (same `synchronous` setting), and the store's file changes once
/// per drain.
///
/// The spool has a random identity (``id``), written into the file when it is created. The store remembers, per
/// spool identity, the last spool sequence number it moved (`auditSpoolMark`, in the same transaction as the
/// moved records). So a drain cut short after the store's commit but before the spool let go of the records
/// moves nothing twice, and a spool file that was deleted and created anew counts from its own start.
/// Sequence numbers are never reused within a file (`AUTOINCREMENT`), even after everything was moved.
final class AuditSpool: Sendable {
    private let queue: DatabaseQueue
    /// This spool file's identity.
    let id: String

    /// The spool of the store file at `storePath`: the file `<storePath>-auditspool` beside it.
    static func path(forStore storePath: String) -> String { storePath + "-auditspool" }

    /// Opens (creating if needed) the spool at `path`, or a private in-memory spool when `path` is `nil`.
    init(path: String?, durability: Durability) throws {
        var configuration = Configuration()
        configuration.label = "zorgbrug.audit-spool"
        configuration.busyMode = .timeout(10)
        if let path {
            configuration.journalMode = .wal
            queue = try DatabaseQueue(path: path, configuration: configuration)
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA synchronous = \(durability.pragmaValue)")
            }
        } else {
            queue = try DatabaseQueue(configuration: configuration)
        }
        try Self.migrator.migrate(queue)
        guard let id = try queue.read({ db in try String.fetchOne(db, sql: #"SELECT "id" FROM "spoolIdentity""#) }) else {
            throw StoreError.corrupt("The audit spool \(path ?? "in memory") has lost its identity.")
        }
        self.id = id
    }

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("audit-spool-v1") { db in
            let columns = AuditRecordColumns.names.map { "\"\($0)\"" }.joined(separator: ", ")
            try db.execute(sql: """
                CREATE TABLE "spoolIdentity" ("id" TEXT PRIMARY KEY NOT NULL);
                INSERT INTO "spoolIdentity" ("id") VALUES (lower(hex(randomblob(16))));
                CREATE TABLE "spooledAudit" ("seq" INTEGER PRIMARY KEY AUTOINCREMENT, \(columns));
                """)
        }
        return migrator
    }

    /// Appends `records` in one transaction; returns once it is committed.
    func append(_ records: [AuditRecord]) throws {
        try queue.write { db in
            for record in records { try AuditRecordColumns.insert(record, into: "spooledAudit", db) }
        }
    }

    /// Up to `limit` records with a sequence number above `seq`, oldest first.
    func pending(after seq: Int64, limit: Int) throws -> [(seq: Int64, record: AuditRecord)] {
        try queue.read { db in
            try Row.fetchAll(
                db, sql: #"SELECT * FROM "spooledAudit" WHERE "seq" > ? ORDER BY "seq" LIMIT ?"#, arguments: [seq, limit]
            ).map { row in (try row.decode(forColumn: "seq"), try AuditRecordColumns.record(row, table: "spooledAudit")) }
        }
    }

    /// Forgets every record up to and including sequence number `seq` (they have been moved).
    func discard(through seq: Int64) throws {
        try queue.write { db in
            try db.execute(sql: #"DELETE FROM "spooledAudit" WHERE "seq" <= ?"#, arguments: [seq])
        }
    }

    /// How many records wait in the spool.
    func count() throws -> Int {
        try queue.read { db in try Int.fetchOne(db, sql: #"SELECT count(*) FROM "spooledAudit""#) ?? 0 }
    }
}
