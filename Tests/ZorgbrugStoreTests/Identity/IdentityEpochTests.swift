import FHIR
import GRDB
import Testing
import ZorgbrugCore

@testable import ZorgbrugStore

/// The identity epoch moves, by trigger, with every change that can end a token's validity, and with nothing else
/// an authentication depends on only loosely (the hourly `lastUsedAt` touch, new tokens, audit records).
@Suite struct IdentityEpochTests {
    typealias T = IdentityTestDatabase

    /// Two clients and a grant (as for the token tests), and two access tokens of the grant.
    static func seeded() throws -> DatabaseQueue {
        let db = try IdentityTokenTests.seeded()
        try db.write { db in
            let repository = IdentityRepository(db)
            try repository.storeAccessToken(T.accessToken("a1"))
            try repository.storeAccessToken(T.accessToken("a2"))
        }
        return db
    }

    /// The epoch change `change` causes.
    static func delta(_ db: DatabaseQueue, _ change: (IdentityRepository) throws -> Void) throws -> Int64 {
        try db.write { db in
            let repository = IdentityRepository(db)
            let before = try repository.epoch()
            try change(repository)
            return try repository.epoch() - before
        }
    }

    @Test func revocationsAndClientChangesMoveTheEpoch() throws {
        let db = try Self.seeded()
        #expect(try Self.delta(db) { try $0.revokeAccessToken(hash: "a1", at: 2000) } == 1)
        #expect(try Self.delta(db) { _ = try $0.revokeTokens(grantID: "g1", at: 2000) } >= 1)
        #expect(try Self.delta(db) { try $0.rotateSecret(clientID: "pgo-1", newSecretHash: "new", at: 2000) } == 1)
        #expect(try Self.delta(db) { try $0.replaceJWKS(clientID: "ehr", jwks: #"{"keys":[]}"#, at: 2000) } == 1)
        #expect(try Self.delta(db) { try $0.disableClient(id: "ehr", at: 2000) } == 1)
        #expect(try Self.delta(db) { _ = try $0.revokeGrant(id: "g1", by: .patient, reason: nil, at: 2000) } >= 1)
    }

    @Test func grantStatusChangesMoveTheEpoch() throws {
        let db = try Self.seeded()
        // The grant's row, and each of its two tokens revoked with it (row triggers).
        #expect(try Self.delta(db) { try $0.setGrantStatus(id: "g1", .lapsed, at: 2000) } == 3)
    }

    @Test func touchesNewTokensAndAuditRecordsLeaveItAlone() throws {
        let db = try Self.seeded()
        #expect(try Self.delta(db) { _ = try $0.touchGrant(id: "g1", lastUsedAt: 5000) } == 0)
        #expect(try Self.delta(db) { try $0.storeAccessToken(T.accessToken("a3")) } == 0)
        #expect(try Self.delta(db) { try $0.createGrant(T.grant("g2")) } == 0)
        let record = IdentityAuditTests.record(100, patient: "p1")
        #expect(try Self.delta(db) { _ = try $0.appendAudit(record) } == 0)
    }

    @Test func patientChangesMoveItOtherResourcesDoNot() throws {
        let store = try ResourceStore.inMemory(clock: { 1000 })
        func epoch() throws -> Int64 { try store.readSync { try $0.identity.epoch() } }
        func resource(_ type: String, _ id: String, _ json: JSONObject) -> NewResource {
            NewResource(type: type, id: id, json: json, patientId: type == "Patient" ? id : "p1", organizationId: "org-1")
        }
        let start = try epoch()
        try store.writeSync { writer in
            _ = try writer.create(resource("Patient", "p1", ["resourceType": "Patient", "birthDate": "2010-01-01"]), ifNoneExist: nil)
            _ = try writer.create(resource("Task", "t1", ["resourceType": "Task", "status": "ready"]), ifNoneExist: nil)
        }
        #expect(try epoch() == start)  // a new patient has no tokens yet
        try store.writeSync { writer in
            _ = try writer.update(resource("Task", "t1", ["resourceType": "Task", "status": "completed"]), ifMatch: 1)
        }
        #expect(try epoch() == start)
        try store.writeSync { writer in
            _ = try writer.update(resource("Patient", "p1", ["resourceType": "Patient", "birthDate": "2008-01-01"]), ifMatch: 1)
        }
        #expect(try epoch() == start + 1)
        try store.writeSync { writer in _ = try writer.delete(type: "Patient", id: "p1") }
        #expect(try epoch() == start + 2)
    }
}
