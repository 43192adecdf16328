import GRDB
import ZorgbrugCore

extension IdentityRepository {
    /// Stores an issued connect code (by its peppered hash). Throws ``IdentityStoreError/duplicate(table:key:)``
    /// when an identical hash exists: generate a new code and try again.
    package func storeConnectCode(_ code: ConnectCodeRecord) throws {
        try db.execute(
            sql: """
                INSERT INTO "connectCode" ("codeHash", "patientId", "relatedPersonId", "relationship", "organizationId",
                    "purpose", "createdBy", "createdAt", "expiresAt", "usedAt")
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                """,
            arguments: [
                code.codeHash, code.patientID, code.relatedPersonID, code.relationship?.rawValue, code.organizationID,
                code.purpose.rawValue, code.createdBy, code.createdAt, code.expiresAt, code.usedAt,
            ])
        guard db.changesCount == 1 else { throw IdentityStoreError.duplicate(table: "connectCode", key: "(hash)") }
    }

    /// Redeems a connect code once: a single conditional UPDATE (`usedAt IS NULL AND expiresAt > now`), so two
    /// concurrent redemptions cannot both succeed. Anything but ``ConnectCodeRedemption/redeemed(_:)`` is a
    /// failure to count against the rate limits.
    package func redeemConnectCode(hash: String, now: Int64) throws -> ConnectCodeRedemption {
        try db.execute(
            sql: """
                UPDATE "connectCode" SET "usedAt" = ? WHERE "codeHash" = ? AND "usedAt" IS NULL AND "expiresAt" > ?
                """,
            arguments: [now, hash, now])
        let redeemed = db.changesCount == 1
        guard let record = try connectCode(hash: hash) else { return .unknown }
        if redeemed { return .redeemed(record) }
        return record.usedAt != nil ? .alreadyUsed : .expired
    }

    /// The connect code with this hash, whatever its state, or `nil`.
    package func connectCode(hash: String) throws -> ConnectCodeRecord? {
        guard let row = try Row.fetchOne(
            db.cachedStatement(sql: #"SELECT * FROM "connectCode" WHERE "codeHash" = ?"#), arguments: [hash])
        else { return nil }
        return ConnectCodeRecord(
            codeHash: try row.decode(forColumn: "codeHash"),
            patientID: try row.decode(forColumn: "patientId"),
            relatedPersonID: try row.decode(forColumn: "relatedPersonId"),
            relationship: try Self.optionalEnumValue(row, "connectCode", "relationship"),
            organizationID: try row.decode(forColumn: "organizationId"),
            purpose: try Self.enumValue(row, "connectCode", "purpose"),
            createdBy: try row.decode(forColumn: "createdBy"),
            createdAt: try row.decode(forColumn: "createdAt"),
            expiresAt: try row.decode(forColumn: "expiresAt"),
            usedAt: try row.decode(forColumn: "usedAt"))
    }

    // MARK: Rate limits

    /// Counts one failure for `key` in the window starting at `windowStart` (from `RateLimitPolicy.windows`).
    package func recordFailure(key: String, windowStart: Int64) throws {
        try db.execute(
            sql: """
                INSERT INTO "authFailure" ("key", "windowStart", "count") VALUES (?, ?, 1)
                ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "count" + 1
                """,
            arguments: [key, windowStart])
    }

    /// Failures for `key` in windows starting at or after `since`.
    package func failureCount(key: String, since: Int64) throws -> Int {
        try Int.fetchOne(
            db.cachedStatement(sql: #"SELECT COALESCE(SUM("count"), 0) FROM "authFailure" WHERE "key" = ? AND "windowStart" >= ?"#),
            arguments: [key, since]) ?? 0
    }

    // MARK: Housekeeping

    /// Deletes what can no longer matter at `now`: rate-limit windows older than `failureWindowsBefore`, assertion
    /// jtis expired for more than 5 minutes (beyond any clock skew), connect codes expired or used more than
    /// 30 days ago, and access tokens expired more than a day ago. Never touches grants, refresh tokens or audit.
    /// Returns the number of rows deleted.
    @discardableResult
    package func purgeExpired(now: Int64, failureWindowsBefore: Int64) throws -> Int {
        let day: Int64 = 86_400_000
        var deleted = 0
        try db.inSavepoint {
            try db.execute(sql: #"DELETE FROM "authFailure" WHERE "windowStart" < ?"#, arguments: [failureWindowsBefore])
            deleted += db.changesCount
            try db.execute(sql: #"DELETE FROM "assertionJti" WHERE "expiresAt" < ?"#, arguments: [now - 300_000])
            deleted += db.changesCount
            try db.execute(
                sql: #"DELETE FROM "connectCode" WHERE "expiresAt" < ? OR "usedAt" < ?"#,
                arguments: [now - 30 * day, now - 30 * day])
            deleted += db.changesCount
            try db.execute(sql: #"DELETE FROM "accessToken" WHERE "expiresAt" < ?"#, arguments: [now - day])
            deleted += db.changesCount
            return .commit
        }
        return deleted
    }
}
