import Dispatch
import GRDB
import ZorgbrugCore

extension ResourceStore {
    /// How many spooled records one drain transaction moves at most.
    static let drainBatchSize = 1000

    /// Records `records` durably in the audit spool (one commit, as durable as the store's own) and returns once
    /// they are committed. They reach the `auditEvent` table with the next ``drainAuditSpool()``.
    ///
    /// This is for the audit records of reads: a write records its audit in its own transaction
    /// (`StoreWriter.appendAudit`), so the two commit or roll back together.
    package func spoolAudit(_ records: [AuditRecord]) throws(StoreError) {
        try mappingErrors { try auditSpool.append(records) }
    }

    /// Moves every spooled audit record into the `auditEvent` table, oldest first, and returns how many moved.
    /// Call it before reading `auditEvent`, so that the reader sees every record committed so far.
    ///
    /// Each batch is one store transaction that also advances the spool's mark (`auditSpoolMark`); the spool
    /// forgets the batch only after that commit, and a batch already under the mark is never moved again.
    @discardableResult
    package func drainAuditSpool() async throws(StoreError) -> Int {
        let result: Result<Int, StoreError> = await withCheckedContinuation { continuation in
            drainQueue.async {
                do throws(StoreError) {
                    continuation.resume(returning: .success(try self.drainAuditSpoolSync()))
                } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
        }
        return try result.get()
    }

    /// ``drainAuditSpool()`` blocking the calling thread (not for Swift's cooperative threads).
    @discardableResult
    package func drainAuditSpoolSync() throws(StoreError) -> Int {
        drainLock.lock()
        defer { drainLock.unlock() }
        let spool = auditSpool
        var moved = 0
        while true {
            let (mark, count) = try mappingErrors {
                try writer.write { db -> (Int64, Int) in
                    let mark = try Int64.fetchOne(
                        db, sql: #"SELECT "movedThrough" FROM "auditSpoolMark" WHERE "spoolId" = ?"#, arguments: [spool.id]) ?? 0
                    let batch = try spool.pending(after: mark, limit: Self.drainBatchSize)
                    guard let last = batch.last else { return (mark, 0) }
                    for entry in batch { try AuditRecordColumns.insert(entry.record, into: "auditEvent", db) }
                    try db.execute(
                        sql: """
                            INSERT INTO "auditSpoolMark" ("spoolId", "movedThrough") VALUES (?, ?)
                            ON CONFLICT ("spoolId") DO UPDATE SET "movedThrough" = excluded."movedThrough"
                            """,
                        arguments: [spool.id, last.seq])
                    return (last.seq, batch.count)
                }
            }
            if mark > 0 { try mappingErrors { try spool.discard(through: mark) } }
            moved += count
            if count < Self.drainBatchSize { return moved }
        }
    }

    /// How many audit records wait in the spool (for diagnostics and tests).
    package func spooledAuditCount() throws(StoreError) -> Int {
        try mappingErrors { try auditSpool.count() }
    }
}
