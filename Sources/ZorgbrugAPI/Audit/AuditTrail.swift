import ZorgbrugCore
import ZorgbrugStore

/// Appends audit records for reads with group commit: concurrent requests share one transaction, and each
/// request answers only after its record is durable (NEN 7513: no access to patient data goes unrecorded).
///
/// Writes record their audit inside their own transaction instead (`StoreWriter.appendAudit`).
package actor AuditTrail {
    private let store: ResourceStore
    /// The clock records are stamped with (epoch milliseconds).
    package nonisolated let clock: @Sendable () -> Int64
    private var pending: [(AuditRecord, CheckedContinuation<Void, any Error>)] = []
    private var flushing = false

    package init(store: ResourceStore, clock: @escaping @Sendable () -> Int64) {
        self.store = store
        self.clock = clock
    }

    /// Records `entry` and returns once it is committed; throws when it could not be stored (the caller must then
    /// not hand out the data).
    package func record(_ entry: AuditEntry) async throws {
        // Successful reads of shared content (questionnaires, plan definitions) are not patient data; refused
        // attempts are always recorded.
        if entry.patientID == nil, entry.outcome == 0, [.read, .vread, .search, .history].contains(entry.interaction) { return }
        try await record(entry.record(at: clock()))
    }

    /// Records a prepared record.
    package func record(_ record: AuditRecord) async throws {
        try await withCheckedThrowingContinuation { continuation in
            pending.append((record, continuation))
            if !flushing {
                flushing = true
                Task { await self.flush() }
            }
        }
    }

    private func flush() async {
        while !pending.isEmpty {
            let batch = pending
            pending = []
            let records = batch.map(\.0)
            do {
                try await store.write { writer in
                    for record in records { try writer.appendAudit(record) }
                }
                for (_, continuation) in batch { continuation.resume() }
            } catch {
                for (_, continuation) in batch { continuation.resume(throwing: error) }
            }
        }
        flushing = false
    }
}
