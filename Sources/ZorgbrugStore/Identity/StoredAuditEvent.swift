import ZorgbrugCore

/// An audit record as read back, with its sequence number (the `AuditEvent.id` and the paging cursor).
package struct StoredAuditEvent: Sendable, Hashable {
    /// Strictly increasing; never reused.
    package var seq: Int64
    package var record: AuditRecord

    package init(seq: Int64, record: AuditRecord) {
        self.seq = seq
        self.record = record
    }
}
