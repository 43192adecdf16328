import Foundation
import GRDB
import ZorgbrugCore

@testable import ZorgbrugStore

/// Databases with only the identity migrations, and fixtures.
enum IdentityTestDatabase {
    static func queue() throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        var migrator = DatabaseMigrator()
        IdentitySchema.register(&migrator)
        try migrator.migrate(queue)
        return queue
    }

    /// A WAL `DatabasePool` in a fresh temporary directory; remove the directory when done.
    static func pool() throws -> (DatabasePool, URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("identity-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let pool = try DatabasePool(path: directory.appendingPathComponent("db.sqlite").path)
        var migrator = DatabaseMigrator()
        IdentitySchema.register(&migrator)
        try migrator.migrate(pool)
        return (pool, directory)
    }

    static func client(_ id: String = "pgo-1", kind: ClientKind = .pgo) -> ClientRecord {
        ClientRecord(
            clientID: id, kind: kind, organizationID: kind == .provider ? "org-1" : nil, displayName: "Client \(id)",
            secretHash: "hash-\(id)", jwks: nil, createdAt: 10, updatedAt: 10)
    }

    static func grant(_ id: String = "g1", client: String = "pgo-1", patient: String = "p1", actor: ActorReference = .patient("p1"),
                      relationship: DelegateRelationship? = nil) -> GrantRecord {
        GrantRecord(
            grantID: id, clientID: client, patientID: patient, actor: actor, relationship: relationship,
            organizationID: "org-1", createdAt: 100, lastUsedAt: 100)
    }

    static func accessToken(_ hash: String, grant: String? = "g1", client: String = "pgo-1") -> AccessTokenRecord {
        AccessTokenRecord(
            tokenHash: hash, clientID: client, grantID: grant, patientID: grant == nil ? nil : "p1",
            actor: grant == nil ? nil : .patient("p1"), organizationID: "org-1", scope: "patient/*.rs",
            issuedAt: 1000, expiresAt: 1000 + 900_000)
    }

    static func code(_ hash: String, expiresAt: Int64 = 10_000) -> ConnectCodeRecord {
        ConnectCodeRecord(
            codeHash: hash, patientID: "p1", relatedPersonID: "rp1", relationship: .parent, organizationID: "org-1",
            purpose: .connect, createdBy: "ehr", createdAt: 1, expiresAt: expiresAt)
    }
}
