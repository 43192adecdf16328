import GRDB

/// The store's schema as an ordered list of named migrations.
///
/// Rules (see docs/STORAGE.md): a migration that has shipped is never edited, only followed by a new one;
/// names are stable descriptive strings; migrations use raw SQL only, never application types.
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("createResourceTables", migrate: createResourceTables)
        migrator.registerMigration("createSearchIndexTables", migrate: createSearchIndexTables)
        migrator.registerMigration("createConditionalCreateTable", migrate: createConditionalCreateTable)
        migrator.registerMigration("createIdempotencyKeyTable", migrate: createIdempotencyKeyTable)
        IdentitySchema.register(&migrator)
        migrator.registerMigration("identityEpochOnPatientChange", migrate: createPatientEpochTriggers)
        migrator.registerMigration("addSearchTokenPatientIndex", migrate: addSearchTokenPatientIndex)
        return migrator
    }

    /// Token rows carry their resource's `patientId`, indexed so that one patient's rows lie side by side:
    /// `Task?patient=X&status=ready` then checks `status` on one index page instead of one page per task of the
    /// patient (`SearchSQL`), and a write adds its token rows to one page of this index (patient first, then the
    /// parameter). Existing rows take the `patientId` of their resource.
    private static func addSearchTokenPatientIndex(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE searchToken ADD COLUMN patientId TEXT;
                UPDATE searchToken SET patientId =
                    (SELECT r.patientId FROM resource r WHERE r.type = searchToken.type AND r.id = searchToken.id);
                CREATE INDEX searchToken_patient ON searchToken(type, patientId, param, code, system, id);
                """)
    }

    /// A change to a Patient (update, logical delete) increases the identity epoch (`IdentitySchema`): its birth
    /// date decides the WGBO age rules an authentication depends on.
    private static func createPatientEpochTriggers(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TRIGGER identityEpoch_patient_update AFTER UPDATE ON resource WHEN NEW.type = 'Patient'
                BEGIN UPDATE identityEpoch SET value = value + 1 WHERE id = 1; END;
                CREATE TRIGGER identityEpoch_patient_delete AFTER DELETE ON resource WHEN OLD.type = 'Patient'
                BEGIN UPDATE identityEpoch SET value = value + 1 WHERE id = 1; END;
                """)
    }

    /// Current versions and all versions. Rowid tables: rows hold whole resources, too big for WITHOUT ROWID.
    private static func createResourceTables(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE resource (
                    type TEXT NOT NULL,
                    id TEXT NOT NULL,
                    versionId INTEGER NOT NULL,
                    lastUpdated INTEGER NOT NULL,
                    deleted INTEGER NOT NULL DEFAULT 0,
                    patientId TEXT,
                    organizationId TEXT,
                    json TEXT NOT NULL,
                    PRIMARY KEY (type, id)
                );
                CREATE INDEX resource_type_lastUpdated ON resource(type, lastUpdated, id);
                CREATE INDEX resource_type_patient ON resource(type, patientId, lastUpdated, id);
                CREATE INDEX resource_type_organization ON resource(type, organizationId, lastUpdated, id);

                CREATE TABLE resourceVersion (
                    type TEXT NOT NULL,
                    id TEXT NOT NULL,
                    versionId INTEGER NOT NULL,
                    lastUpdated INTEGER NOT NULL,
                    deleted INTEGER NOT NULL DEFAULT 0,
                    patientId TEXT,
                    organizationId TEXT,
                    json TEXT NOT NULL,
                    PRIMARY KEY (type, id, versionId)
                );
                CREATE INDEX resourceVersion_lastUpdated ON resourceVersion(lastUpdated, type, id, versionId);
                CREATE INDEX resourceVersion_type_lastUpdated ON resourceVersion(type, lastUpdated, id, versionId);
                CREATE INDEX resourceVersion_patient ON resourceVersion(patientId, lastUpdated) WHERE patientId IS NOT NULL;
                CREATE INDEX resourceVersion_organization ON resourceVersion(organizationId, lastUpdated)
                    WHERE organizationId IS NOT NULL;
                """)
    }

    /// One table per search parameter type. The primary key serves `param = value` lookups as an index seek
    /// (and makes the table covering); the `(type, id)` index serves replacement on update and the
    /// per-resource probes of AND-ed conditions. Small rows: WITHOUT ROWID.
    private static func createSearchIndexTables(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE searchToken (
                    type TEXT NOT NULL, id TEXT NOT NULL, param TEXT NOT NULL, system TEXT NOT NULL, code TEXT NOT NULL,
                    PRIMARY KEY (type, param, code, system, id)
                ) WITHOUT ROWID;
                CREATE INDEX searchToken_resource ON searchToken(type, id);

                CREATE TABLE searchString (
                    type TEXT NOT NULL, id TEXT NOT NULL, param TEXT NOT NULL, value TEXT NOT NULL,
                    PRIMARY KEY (type, param, value, id)
                ) WITHOUT ROWID;
                CREATE INDEX searchString_resource ON searchString(type, id);

                CREATE TABLE searchReference (
                    type TEXT NOT NULL, id TEXT NOT NULL, param TEXT NOT NULL, targetType TEXT NOT NULL, targetId TEXT NOT NULL,
                    PRIMARY KEY (type, param, targetType, targetId, id)
                ) WITHOUT ROWID;
                CREATE INDEX searchReference_resource ON searchReference(type, id);

                CREATE TABLE searchDate (
                    type TEXT NOT NULL, id TEXT NOT NULL, param TEXT NOT NULL, low INTEGER NOT NULL, high INTEGER NOT NULL,
                    PRIMARY KEY (type, param, low, high, id)
                ) WITHOUT ROWID;
                CREATE INDEX searchDate_resource ON searchDate(type, id);

                CREATE TABLE searchUri (
                    type TEXT NOT NULL, id TEXT NOT NULL, param TEXT NOT NULL, value TEXT NOT NULL,
                    PRIMARY KEY (type, param, value, id)
                ) WITHOUT ROWID;
                CREATE INDEX searchUri_resource ON searchUri(type, id);
                """)
    }

    /// The unique (type, criteriaKey) row that makes `If-None-Exist` creates race-free.
    private static func createConditionalCreateTable(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE conditionalCreate (
                    type TEXT NOT NULL, criteriaKey TEXT NOT NULL, resourceId TEXT NOT NULL,
                    PRIMARY KEY (type, criteriaKey)
                ) WITHOUT ROWID;
                """)
    }

    /// First responses to requests carrying an `Idempotency-Key`.
    private static func createIdempotencyKeyTable(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE idempotencyKey (
                    clientId TEXT NOT NULL,
                    key TEXT NOT NULL,
                    requestHash TEXT NOT NULL,
                    status INTEGER NOT NULL,
                    headers TEXT NOT NULL,
                    body BLOB NOT NULL,
                    createdAt INTEGER NOT NULL,
                    PRIMARY KEY (clientId, key)
                );
                CREATE INDEX idempotencyKey_createdAt ON idempotencyKey(createdAt);
                """)
    }
}
