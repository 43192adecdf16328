import GRDB
import ZorgbrugCore

extension IdentityRepository {
    /// Stores an issued access token. Throws ``IdentityStoreError/duplicate(table:key:)`` on a hash collision
    /// (which with 256-bit tokens means the random source is broken).
    package func storeAccessToken(_ token: AccessTokenRecord) throws {
        try db.execute(
            sql: """
                INSERT INTO "accessToken" ("tokenHash", "clientId", "grantId", "patientId", "actor", "organizationId",
                    "scope", "issuedAt", "expiresAt", "revokedAt")
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                """,
            arguments: [
                token.tokenHash, token.clientID, token.grantID, token.patientID, token.actor?.reference,
                token.organizationID, token.scope, token.issuedAt, token.expiresAt, token.revokedAt,
            ])
        guard db.changesCount == 1 else { throw IdentityStoreError.duplicate(table: "accessToken", key: "(hash)") }
    }

    /// The identity epoch (see `IdentitySchema`): changes whenever something that can end a token's validity
    /// changes. Runs on every authenticated request: one cached statement on a one-row table.
    package func epoch() throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: #"SELECT "value" FROM "identityEpoch" WHERE "id" = 1"#)) ?? 0
    }

    /// The access token with this hash, whatever its state (check ``AccessTokenRecord/isUsable(at:)``), or `nil`.
    /// Runs on every authenticated request: a cached statement on the primary key, columns decoded by position.
    package func accessToken(hash: String) throws -> AccessTokenRecord? {
        guard
            let row = try Row.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT "tokenHash", "clientId", "grantId", "patientId", "actor", "organizationId", "scope",
                            "issuedAt", "expiresAt", "revokedAt"
                        FROM "accessToken" WHERE "tokenHash" = ?
                        """),
                arguments: [hash])
        else { return nil }
        let actorText: String? = try row.decode(String?.self, atIndex: 4)
        var actor: ActorReference?
        if let actorText {
            let parts = actorText.split(separator: "/", maxSplits: 1).map(String.init)
            guard parts.count == 2, let parsed = ActorReference(resourceType: parts[0], id: parts[1]) else {
                throw IdentityStoreError.invalidStoredValue(table: "accessToken", column: "actor", value: actorText)
            }
            actor = parsed
        }
        return AccessTokenRecord(
            tokenHash: try row.decode(String.self, atIndex: 0),
            clientID: try row.decode(String.self, atIndex: 1),
            grantID: try row.decode(String?.self, atIndex: 2),
            patientID: try row.decode(String?.self, atIndex: 3),
            actor: actor,
            organizationID: try row.decode(String?.self, atIndex: 5),
            scope: try row.decode(String.self, atIndex: 6),
            issuedAt: try row.decode(Int64.self, atIndex: 7),
            expiresAt: try row.decode(Int64.self, atIndex: 8),
            revokedAt: try row.decode(Int64?.self, atIndex: 9))
    }

    /// Revokes one access token (RFC 7009). Returns `false` when no unrevoked token has this hash (RFC 7009
    /// answers 200 either way).
    @discardableResult
    package func revokeAccessToken(hash: String, at now: Int64) throws -> Bool {
        try db.execute(
            sql: #"UPDATE "accessToken" SET "revokedAt" = ? WHERE "tokenHash" = ? AND "revokedAt" IS NULL"#,
            arguments: [now, hash])
        return db.changesCount == 1
    }

    /// Revokes every access token and every non-revoked refresh token of a grant. Returns how many tokens changed.
    @discardableResult
    package func revokeTokens(grantID: String, at now: Int64) throws -> Int {
        var changed = 0
        try db.inSavepoint {
            try db.execute(
                sql: #"UPDATE "accessToken" SET "revokedAt" = ? WHERE "grantId" = ? AND "revokedAt" IS NULL"#,
                arguments: [now, grantID])
            changed += db.changesCount
            try db.execute(
                sql: #"UPDATE "refreshToken" SET "state" = 'revoked' WHERE "grantId" = ? AND "state" != 'revoked'"#,
                arguments: [grantID])
            changed += db.changesCount
            return .commit
        }
        return changed
    }

    /// Stores an issued refresh token. Throws ``IdentityStoreError/duplicate(table:key:)`` on a hash collision.
    package func storeRefreshToken(_ token: RefreshTokenRecord) throws {
        try db.execute(
            sql: """
                INSERT INTO "refreshToken" ("tokenHash", "grantId", "state", "createdAt", "rotatedAt")
                VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                """,
            arguments: [token.tokenHash, token.grantID, token.state.rawValue, token.createdAt, token.rotatedAt])
        guard db.changesCount == 1 else { throw IdentityStoreError.duplicate(table: "refreshToken", key: "(hash)") }
    }

    /// The refresh token with this hash, whatever its state, or `nil`.
    package func refreshToken(hash: String) throws -> RefreshTokenRecord? {
        guard let row = try Row.fetchOne(
            db.cachedStatement(sql: #"SELECT * FROM "refreshToken" WHERE "tokenHash" = ?"#), arguments: [hash])
        else { return nil }
        return RefreshTokenRecord(
            tokenHash: try row.decode(forColumn: "tokenHash"),
            grantID: try row.decode(forColumn: "grantId"),
            state: try Self.enumValue(row, "refreshToken", "state"),
            createdAt: try row.decode(forColumn: "createdAt"),
            rotatedAt: try row.decode(forColumn: "rotatedAt"))
    }

    /// Marks an ACTIVE refresh token rotated. Returns `false` when it was not active (already rotated by a
    /// concurrent request, or revoked): then treat the request as reuse (``RefreshRotation``) rather than issuing
    /// a second pair.
    package func markRotated(hash: String, at now: Int64) throws -> Bool {
        try db.execute(
            sql: #"UPDATE "refreshToken" SET "state" = 'rotated', "rotatedAt" = ? WHERE "tokenHash" = ? AND "state" = 'active'"#,
            arguments: [now, hash])
        return db.changesCount == 1
    }

    /// Records a client assertion's jti until it expires. Throws ``IdentityStoreError/assertionReplay(clientID:jti:)``
    /// when this client used the jti before: refuse the token request.
    package func recordAssertionJti(clientID: String, jti: String, expiresAt: Int64) throws {
        try db.execute(
            sql: #"INSERT INTO "assertionJti" ("clientId", "jti", "expiresAt") VALUES (?, ?, ?) ON CONFLICT DO NOTHING"#,
            arguments: [clientID, jti, expiresAt])
        guard db.changesCount == 1 else { throw IdentityStoreError.assertionReplay(clientID: clientID, jti: jti) }
    }
}
