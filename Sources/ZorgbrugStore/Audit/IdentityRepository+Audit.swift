import GRDB
import ZorgbrugCore

extension IdentityRepository {
    /// Appends an audit record; returns its sequence number. The table refuses updates and deletes (triggers),
    /// so what is written here stays.
    @discardableResult
    package func appendAudit(_ record: AuditRecord) throws -> Int64 {
        try AuditRecordColumns.insert(record, into: "auditEvent", db)
        return db.lastInsertedRowID
    }

    /// Audit records in sequence order, filtered.
    ///
    /// - Parameters:
    ///   - patientID: only records about this patient ("who looked at my data"); `nil` for all.
    ///   - since: only records at or after this time (UTC epoch ms).
    ///   - agentClientID: only records made by this client.
    ///   - afterSeq: only records after this sequence number (the paging cursor: pass the last seq you got).
    ///   - limit: at most this many, clamped to 1...1000.
    package func auditEvents(
        patientID: String? = nil, since: Int64? = nil, agentClientID: String? = nil, afterSeq: Int64? = nil,
        limit: Int = 100
    ) throws -> [StoredAuditEvent] {
        var conditions: [String] = []
        var arguments = StatementArguments()
        if let patientID {
            conditions.append(#""patientId" = ?"#)
            arguments += [patientID]
        }
        if let since {
            conditions.append(#""recorded" >= ?"#)
            arguments += [since]
        }
        if let agentClientID {
            conditions.append(#""clientId" = ?"#)
            arguments += [agentClientID]
        }
        if let afterSeq {
            conditions.append(#""seq" > ?"#)
            arguments += [afterSeq]
        }
        arguments += [min(max(limit, 1), 1000)]
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let rows = try Row.fetchAll(
            db, sql: #"SELECT * FROM "auditEvent" \#(filter) ORDER BY "seq" LIMIT ?"#, arguments: arguments)
        return try rows.map { row in
            StoredAuditEvent(seq: try row.decode(forColumn: "seq"), record: try AuditRecordColumns.record(row, table: "auditEvent"))
        }
    }
}
