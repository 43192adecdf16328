import GRDB
import ZorgbrugCore

extension IdentityRepository {
    /// Appends an audit record; returns its sequence number. The table refuses updates and deletes (triggers),
    /// so what is written here stays.
    @discardableResult
    package func appendAudit(_ record: AuditRecord) throws -> Int64 {
        try db.cachedStatement(
            sql: """
                INSERT INTO "auditEvent" ("recorded", "clientId", "actorType", "actorId", "patientId", "action",
                    "interaction", "resourceType", "resourceId", "outcome", "outcomeDescription", "requestId",
                    "correlationId", "traceId", "remoteAddress")
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            record.recorded, record.agent.clientID, record.agent.actorType, record.agent.actorID, record.patientID,
            record.action.rawValue, record.interaction.rawValue, record.resourceType, record.resourceID,
            record.outcome.rawValue, record.outcomeDescription, record.requestID, record.correlationID,
            record.traceID, record.remoteAddress,
        ])
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
            let action: AuditAction = try Self.enumValue(row, "auditEvent", "action")
            let outcomeCode: Int = try row.decode(forColumn: "outcome")
            guard let outcome = AuditOutcome(rawValue: outcomeCode) else {
                throw IdentityStoreError.invalidStoredValue(table: "auditEvent", column: "outcome", value: String(outcomeCode))
            }
            let record = AuditRecord(
                recorded: try row.decode(forColumn: "recorded"),
                agent: AuditAgent(
                    clientID: try row.decode(forColumn: "clientId"),
                    actorType: try row.decode(forColumn: "actorType"),
                    actorID: try row.decode(forColumn: "actorId")),
                patientID: try row.decode(forColumn: "patientId"),
                action: action,
                interaction: AuditInteraction(rawValue: try row.decode(forColumn: "interaction")),
                resourceType: try row.decode(forColumn: "resourceType"),
                resourceID: try row.decode(forColumn: "resourceId"),
                outcome: outcome,
                outcomeDescription: try row.decode(forColumn: "outcomeDescription"),
                requestID: try row.decode(forColumn: "requestId"),
                correlationID: try row.decode(forColumn: "correlationId"),
                traceID: try row.decode(forColumn: "traceId"),
                remoteAddress: try row.decode(forColumn: "remoteAddress"))
            return StoredAuditEvent(seq: try row.decode(forColumn: "seq"), record: record)
        }
    }
}
