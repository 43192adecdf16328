import GRDB
import ZorgbrugCore

extension IdentityRepository {
    /// Stores a new grant. Throws ``IdentityStoreError/duplicate(table:key:)`` when the id is taken.
    package func createGrant(_ grant: GrantRecord) throws {
        let (revokedAt, revokedBy, reason) = Self.statusColumns(grant.status, reason: grant.revokeReason)
        try db.execute(
            sql: """
                INSERT INTO "grant" ("grantId", "clientId", "patientId", "actorType", "actorId", "relationship",
                    "organizationId", "status", "createdAt", "lastUsedAt", "revokedAt", "revokedBy", "revokeReason")
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                """,
            arguments: [
                grant.grantID, grant.clientID, grant.patientID, grant.actor.resourceType, grant.actor.id,
                grant.relationship?.rawValue, grant.organizationID, grant.status.storedValue, grant.createdAt,
                grant.lastUsedAt, revokedAt, revokedBy, reason,
            ])
        guard db.changesCount == 1 else { throw IdentityStoreError.duplicate(table: "grant", key: grant.grantID) }
    }

    /// The grant with this id, or `nil`.
    package func grant(id: String) throws -> GrantRecord? {
        try Row.fetchOne(db.cachedStatement(sql: #"SELECT * FROM "grant" WHERE "grantId" = ?"#), arguments: [id])
            .map(Self.grantRecord)
    }

    /// All grants for a patient (any status), oldest first: the patient's `Consent`s.
    package func grants(patientID: String) throws -> [GrantRecord] {
        try Row.fetchAll(
            db, sql: #"SELECT * FROM "grant" WHERE "patientId" = ? ORDER BY "createdAt", "grantId""#,
            arguments: [patientID]
        ).map(Self.grantRecord)
    }

    /// All grants a client holds (any status), oldest first; filter on ``GrantRecord/status`` for the active
    /// ones a PGO service token may reach.
    package func grants(clientID: String) throws -> [GrantRecord] {
        try Row.fetchAll(
            db, sql: #"SELECT * FROM "grant" WHERE "clientId" = ? ORDER BY "createdAt", "grantId""#,
            arguments: [clientID]
        ).map(Self.grantRecord)
    }

    /// Records a use of an active grant (moves `lastUsedAt` forward only). Returns `false` when the grant is not
    /// active (it was revoked meanwhile: refuse the request).
    @discardableResult
    package func touchGrant(id: String, lastUsedAt: Int64) throws -> Bool {
        try db.execute(
            sql: """
                UPDATE "grant" SET "lastUsedAt" = MAX("lastUsedAt", ?) WHERE "grantId" = ? AND "status" = 'active'
                """,
            arguments: [lastUsedAt, id])
        return db.changesCount == 1
    }

    /// Revokes a grant and all its access and refresh tokens, atomically. A grant already revoked keeps its
    /// first revocation (returns `false`); a lapsed or ended grant becomes revoked. Throws
    /// ``IdentityStoreError/notFound(table:key:)``.
    ///
    /// - Parameter reason: a short code (e.g. `patient-request`, `reuse-detected`), never free text from users.
    @discardableResult
    package func revokeGrant(id: String, by revoker: GrantRevoker, reason: String?, at now: Int64) throws -> Bool {
        var changed = false
        try db.inSavepoint {
            guard try grant(id: id) != nil else { throw IdentityStoreError.notFound(table: "grant", key: id) }
            try db.execute(
                sql: """
                    UPDATE "grant" SET "status" = 'revoked', "revokedAt" = ?, "revokedBy" = ?, "revokeReason" = ?
                    WHERE "grantId" = ? AND "status" != 'revoked'
                    """,
                arguments: [now, revoker.rawValue, reason, id])
            changed = db.changesCount == 1
            try revokeTokens(grantID: id, at: now)
            return .commit
        }
        return changed
    }

    /// Persists a status change from ``GrantLifecycle`` (lapsed, ended, revoked) and revokes the grant's tokens
    /// when the new status is not active, atomically. Throws ``IdentityStoreError/notFound(table:key:)``.
    package func setGrantStatus(id: String, _ status: GrantStatus, at now: Int64) throws {
        if case .revoked(let by, let at) = status {
            try revokeGrant(id: id, by: by, reason: nil, at: at)
            return
        }
        try db.inSavepoint {
            let (_, _, reason) = Self.statusColumns(status, reason: nil)
            try db.execute(
                sql: #"UPDATE "grant" SET "status" = ?, "revokeReason" = ? WHERE "grantId" = ?"#,
                arguments: [status.storedValue, reason, id])
            guard db.changesCount == 1 else { throw IdentityStoreError.notFound(table: "grant", key: id) }
            if !status.isActive { try revokeTokens(grantID: id, at: now) }
            return .commit
        }
    }

    private static func statusColumns(_ status: GrantStatus, reason: String?) -> (Int64?, String?, String?) {
        switch status {
        case .active, .lapsed: (nil, nil, reason)
        case .revoked(let by, let at): (at, by.rawValue, reason)
        case .ended(let refusal): (nil, nil, refusal.code)
        }
    }

    static func grantRecord(_ row: Row) throws -> GrantRecord {
        let actorType: String = try row.decode(forColumn: "actorType")
        let actorID: String = try row.decode(forColumn: "actorId")
        guard let actor = ActorReference(resourceType: actorType, id: actorID) else {
            throw IdentityStoreError.invalidStoredValue(table: "grant", column: "actorType", value: actorType)
        }
        let statusText: String = try row.decode(forColumn: "status")
        let reason: String? = try row.decode(forColumn: "revokeReason")
        let status: GrantStatus
        switch statusText {
        case "active": status = .active
        case "lapsed": status = .lapsed
        case "revoked":
            let revoker: GrantRevoker = try enumValue(row, "grant", "revokedBy")
            status = .revoked(by: revoker, at: try row.decode(forColumn: "revokedAt"))
        case "ended":
            guard let text = reason, let refusal = DelegationRefusal(rawValue: text) else {
                throw IdentityStoreError.invalidStoredValue(table: "grant", column: "revokeReason", value: reason ?? "")
            }
            status = .ended(refusal)
        default:
            throw IdentityStoreError.invalidStoredValue(table: "grant", column: "status", value: statusText)
        }
        return GrantRecord(
            grantID: try row.decode(forColumn: "grantId"),
            clientID: try row.decode(forColumn: "clientId"),
            patientID: try row.decode(forColumn: "patientId"),
            actor: actor,
            relationship: try optionalEnumValue(row, "grant", "relationship"),
            organizationID: try row.decode(forColumn: "organizationId"),
            status: status,
            createdAt: try row.decode(forColumn: "createdAt"),
            lastUsedAt: try row.decode(forColumn: "lastUsedAt"),
            revokeReason: reason)
    }
}
