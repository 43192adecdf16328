import GRDB

/// The identity and audit tables: clients, tokens, grants, connect codes, rate-limit counters, assertion jtis and
/// the append-only audit trail.
///
/// Register these migrations in the store's migrator (after or before the resource tables: they are
/// independent). Migration names are stable and start with `identity-`; a shipped migration is never edited,
/// changes come as new migrations. The SQL is spelled out here rather than built from record types, so that
/// later code changes cannot change what an old migration does.
package enum IdentitySchema {
    /// The migration names, in order.
    package static let migrationNames = ["identity-v1-tables", "identity-v1-audit-append-only", "identity-v2-epoch"]

    /// Adds the identity migrations to `migrator`.
    package static func register(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("identity-v1-tables") { db in
            try db.execute(sql: tablesSQL)
        }
        migrator.registerMigration("identity-v1-audit-append-only") { db in
            try db.execute(sql: auditTriggersSQL)
        }
        migrator.registerMigration("identity-v2-epoch") { db in
            try db.execute(sql: epochSQL)
        }
    }

    private static let tablesSQL = """
        CREATE TABLE "client" (
            "clientId" TEXT PRIMARY KEY NOT NULL,
            "kind" TEXT NOT NULL CHECK ("kind" IN ('provider', 'pgo', 'public')),
            "organizationId" TEXT,
            "displayName" TEXT NOT NULL,
            "secretHash" TEXT,
            "jwks" TEXT,
            "status" TEXT NOT NULL CHECK ("status" IN ('active', 'disabled')),
            "createdAt" INTEGER NOT NULL,
            "updatedAt" INTEGER NOT NULL
        );
        CREATE TABLE "grant" (
            "grantId" TEXT PRIMARY KEY NOT NULL,
            "clientId" TEXT NOT NULL REFERENCES "client"("clientId"),
            "patientId" TEXT NOT NULL,
            "actorType" TEXT NOT NULL CHECK ("actorType" IN ('Patient', 'RelatedPerson')),
            "actorId" TEXT NOT NULL,
            "relationship" TEXT CHECK ("relationship" IN ('parent', 'guardian', 'caregiver')),
            "organizationId" TEXT NOT NULL,
            "status" TEXT NOT NULL CHECK ("status" IN ('active', 'lapsed', 'revoked', 'ended')),
            "createdAt" INTEGER NOT NULL,
            "lastUsedAt" INTEGER NOT NULL,
            "revokedAt" INTEGER,
            "revokedBy" TEXT,
            "revokeReason" TEXT
        );
        CREATE INDEX "grant_patientId" ON "grant"("patientId");
        CREATE INDEX "grant_clientId" ON "grant"("clientId");
        CREATE TABLE "accessToken" (
            "tokenHash" TEXT PRIMARY KEY NOT NULL,
            "clientId" TEXT NOT NULL REFERENCES "client"("clientId"),
            "grantId" TEXT REFERENCES "grant"("grantId"),
            "patientId" TEXT,
            "actor" TEXT,
            "organizationId" TEXT,
            "scope" TEXT NOT NULL,
            "issuedAt" INTEGER NOT NULL,
            "expiresAt" INTEGER NOT NULL,
            "revokedAt" INTEGER
        );
        CREATE INDEX "accessToken_grantId" ON "accessToken"("grantId");
        CREATE INDEX "accessToken_expiresAt" ON "accessToken"("expiresAt");
        CREATE TABLE "refreshToken" (
            "tokenHash" TEXT PRIMARY KEY NOT NULL,
            "grantId" TEXT NOT NULL REFERENCES "grant"("grantId"),
            "state" TEXT NOT NULL CHECK ("state" IN ('active', 'rotated', 'revoked')),
            "createdAt" INTEGER NOT NULL,
            "rotatedAt" INTEGER
        );
        CREATE INDEX "refreshToken_grantId" ON "refreshToken"("grantId");
        CREATE TABLE "connectCode" (
            "codeHash" TEXT PRIMARY KEY NOT NULL,
            "patientId" TEXT NOT NULL,
            "relatedPersonId" TEXT,
            "relationship" TEXT CHECK ("relationship" IN ('parent', 'guardian', 'caregiver')),
            "organizationId" TEXT NOT NULL,
            "purpose" TEXT NOT NULL CHECK ("purpose" IN ('connect', 'delegate')),
            "createdBy" TEXT NOT NULL,
            "createdAt" INTEGER NOT NULL,
            "expiresAt" INTEGER NOT NULL,
            "usedAt" INTEGER
        );
        CREATE INDEX "connectCode_expiresAt" ON "connectCode"("expiresAt");
        CREATE TABLE "authFailure" (
            "key" TEXT NOT NULL,
            "windowStart" INTEGER NOT NULL,
            "count" INTEGER NOT NULL,
            PRIMARY KEY ("key", "windowStart")
        ) WITHOUT ROWID;
        CREATE TABLE "assertionJti" (
            "clientId" TEXT NOT NULL,
            "jti" TEXT NOT NULL,
            "expiresAt" INTEGER NOT NULL,
            PRIMARY KEY ("clientId", "jti")
        ) WITHOUT ROWID;
        CREATE TABLE "auditEvent" (
            "seq" INTEGER PRIMARY KEY AUTOINCREMENT,
            "recorded" INTEGER NOT NULL,
            "clientId" TEXT,
            "actorType" TEXT NOT NULL,
            "actorId" TEXT,
            "patientId" TEXT,
            "action" TEXT NOT NULL CHECK ("action" IN ('C', 'R', 'U', 'D', 'E')),
            "interaction" TEXT NOT NULL,
            "resourceType" TEXT,
            "resourceId" TEXT,
            "outcome" INTEGER NOT NULL CHECK ("outcome" IN (0, 4, 8, 12)),
            "outcomeDescription" TEXT,
            "requestId" TEXT,
            "correlationId" TEXT,
            "traceId" TEXT,
            "remoteAddress" TEXT
        );
        CREATE INDEX "auditEvent_patientId_recorded" ON "auditEvent"("patientId", "recorded");
        CREATE INDEX "auditEvent_clientId_recorded" ON "auditEvent"("clientId", "recorded");
        """

    private static let auditTriggersSQL = """
        CREATE TRIGGER "auditEvent_noUpdate" BEFORE UPDATE ON "auditEvent"
        BEGIN SELECT RAISE(ABORT, 'auditEvent is append-only'); END;
        CREATE TRIGGER "auditEvent_noDelete" BEFORE DELETE ON "auditEvent"
        BEGIN SELECT RAISE(ABORT, 'auditEvent is append-only'); END;
        """

    /// The identity epoch: a counter that every change able to end a token's validity increases, in the same
    /// transaction, by trigger, whoever makes it (the server, or `zorgbrug admin` in another process). An
    /// authentication remembered at epoch N is still right while the epoch is N (see `AuthenticationCache`).
    /// Counted: any update or deletion of an access token (revocation, purge), of a client (disable, secret
    /// rotation, keys), and a grant's status or revocation (not its `lastUsedAt` touch). The store adds changes to
    /// a Patient (its birth date drives the WGBO age rules; `StoreSchema`).
    private static let epochSQL = """
        CREATE TABLE "identityEpoch" (
            "id" INTEGER PRIMARY KEY CHECK ("id" = 1),
            "value" INTEGER NOT NULL
        );
        INSERT INTO "identityEpoch" ("id", "value") VALUES (1, 0);
        CREATE TRIGGER "identityEpoch_accessToken_update" AFTER UPDATE ON "accessToken"
        BEGIN UPDATE "identityEpoch" SET "value" = "value" + 1 WHERE "id" = 1; END;
        CREATE TRIGGER "identityEpoch_accessToken_delete" AFTER DELETE ON "accessToken"
        BEGIN UPDATE "identityEpoch" SET "value" = "value" + 1 WHERE "id" = 1; END;
        CREATE TRIGGER "identityEpoch_client_update" AFTER UPDATE ON "client"
        BEGIN UPDATE "identityEpoch" SET "value" = "value" + 1 WHERE "id" = 1; END;
        CREATE TRIGGER "identityEpoch_client_delete" AFTER DELETE ON "client"
        BEGIN UPDATE "identityEpoch" SET "value" = "value" + 1 WHERE "id" = 1; END;
        CREATE TRIGGER "identityEpoch_grant_update" AFTER UPDATE ON "grant"
        WHEN OLD."status" IS NOT NEW."status" OR OLD."revokedAt" IS NOT NEW."revokedAt"
            OR OLD."patientId" IS NOT NEW."patientId" OR OLD."actorId" IS NOT NEW."actorId"
        BEGIN UPDATE "identityEpoch" SET "value" = "value" + 1 WHERE "id" = 1; END;
        CREATE TRIGGER "identityEpoch_grant_delete" AFTER DELETE ON "grant"
        BEGIN UPDATE "identityEpoch" SET "value" = "value" + 1 WHERE "id" = 1; END;
        """
}
