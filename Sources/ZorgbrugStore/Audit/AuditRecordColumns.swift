import GRDB
import ZorgbrugCore

/// How an ``AuditRecord`` is laid out in a table row: the columns the `auditEvent` table and the audit spool
/// (``AuditSpool``) share, and the insert and decode for both.
enum AuditRecordColumns {
    /// The record's columns, in the order of ``arguments(_:)``.
    static let names = [
        "recorded", "clientId", "actorType", "actorId", "patientId", "action", "interaction", "resourceType",
        "resourceId", "outcome", "outcomeDescription", "requestId", "correlationId", "traceId", "remoteAddress",
    ]

    /// `INSERT INTO <table> (<columns>) VALUES (?, …)`.
    static func insertSQL(table: String) -> String {
        let columns = names.map { "\"\($0)\"" }.joined(separator: ", ")
        let placeholders = Array(repeating: "?", count: names.count).joined(separator: ", ")
        return "INSERT INTO \"\(table)\" (\(columns)) VALUES (\(placeholders))"
    }

    /// Inserts `record` as a new row of `table` (a table with these columns).
    static func insert(_ record: AuditRecord, into table: String, _ db: Database) throws {
        try db.cachedStatement(sql: insertSQL(table: table)).execute(arguments: arguments(record))
    }

    /// The statement arguments for ``names``.
    static func arguments(_ record: AuditRecord) -> StatementArguments {
        [
            record.recorded, record.agent.clientID, record.agent.actorType, record.agent.actorID, record.patientID,
            record.action.rawValue, record.interaction.rawValue, record.resourceType, record.resourceID,
            record.outcome.rawValue, record.outcomeDescription, record.requestID, record.correlationID,
            record.traceID, record.remoteAddress,
        ]
    }

    /// Decodes the record stored in `row` (selected with at least these columns) of `table`.
    ///
    /// - Throws: ``IdentityStoreError/invalidStoredValue`` when a coded column holds an unknown value.
    static func record(_ row: Row, table: String) throws -> AuditRecord {
        let actionText: String = try row.decode(forColumn: "action")
        guard let action = AuditAction(rawValue: actionText) else {
            throw IdentityStoreError.invalidStoredValue(table: table, column: "action", value: actionText)
        }
        let outcomeCode: Int = try row.decode(forColumn: "outcome")
        guard let outcome = AuditOutcome(rawValue: outcomeCode) else {
            throw IdentityStoreError.invalidStoredValue(table: table, column: "outcome", value: String(outcomeCode))
        }
        return AuditRecord(
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
    }
}
