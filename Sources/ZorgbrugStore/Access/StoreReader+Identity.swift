import GRDB
import ZorgbrugCore

extension StoreReader {
    /// The identity and audit tables, inside this transaction.
    package var identity: IdentityRepository { IdentityRepository(db) }

    /// A trivial query: succeeds when the database answers (for `/health`).
    package func ping() throws(StoreError) {
        do {
            try db.execute(sql: "SELECT 1")
        } catch {
            throw StoreError(mapping: error)
        }
    }
}

extension StoreWriter {
    /// Appends an audit record in this transaction (so it commits, or rolls back, with what it records).
    package func appendAudit(_ record: AuditRecord) throws {
        _ = try identity.appendAudit(record)
    }
}
