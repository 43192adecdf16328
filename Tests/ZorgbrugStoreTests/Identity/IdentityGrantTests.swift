import GRDB
import Testing
import ZorgbrugCore

@testable import ZorgbrugStore

@Suite struct IdentityGrantTests {
    typealias T = IdentityTestDatabase

    static func seeded() throws -> DatabaseQueue {
        let db = try T.queue()
        try db.write { db in
            let repository = IdentityRepository(db)
            try repository.createClient(T.client("pgo-1"))
            try repository.createClient(T.client("pgo-2"))
            try repository.createGrant(T.grant("g1"))
            try repository.createGrant(T.grant("g2", client: "pgo-2", actor: .relatedPerson("rp1"), relationship: .parent))
            try repository.createGrant(T.grant("g3", patient: "p2", actor: .patient("p2")))
        }
        return db
    }

    @Test func grantsRoundTripAndAreListedByPatientAndClient() throws {
        let db = try Self.seeded()
        try db.write { db in
            let repository = IdentityRepository(db)
            #expect(try repository.grant(id: "g1") == T.grant("g1"))
            let parent = try #require(try repository.grant(id: "g2"))
            #expect(parent.actor == .relatedPerson("rp1"))
            #expect(parent.party == .relatedPerson(.parent))
            #expect(parent.context.actor.reference == "RelatedPerson/rp1")
            #expect(try repository.grant(id: "missing") == nil)
            #expect(try repository.grants(patientID: "p1").map(\.grantID) == ["g1", "g2"])
            #expect(try repository.grants(clientID: "pgo-1").map(\.grantID) == ["g1", "g3"])
            #expect(throws: IdentityStoreError.duplicate(table: "grant", key: "g1")) { try repository.createGrant(T.grant("g1")) }
        }
    }

    @Test func aGrantNeedsARegisteredClient() throws {
        let db = try T.queue()
        #expect(throws: DatabaseError.self) {
            try db.write { db in try IdentityRepository(db).createGrant(T.grant("g1", client: "nobody")) }
        }
    }

    @Test func touchMovesLastUsedForwardOnlyOnActiveGrants() throws {
        let db = try Self.seeded()
        try db.write { db in
            let repository = IdentityRepository(db)
            #expect(try repository.touchGrant(id: "g1", lastUsedAt: 500))
            #expect(try repository.touchGrant(id: "g1", lastUsedAt: 300))
            #expect(try repository.grant(id: "g1")?.lastUsedAt == 500)
            try repository.revokeGrant(id: "g1", by: .patient, reason: "patient-request", at: 600)
            #expect(try !repository.touchGrant(id: "g1", lastUsedAt: 700))
            #expect(try !repository.touchGrant(id: "missing", lastUsedAt: 700))
        }
    }

    @Test func revokingAGrantRevokesAllItsTokensAtomically() throws {
        let db = try Self.seeded()
        try db.write { db in
            let repository = IdentityRepository(db)
            try repository.storeAccessToken(T.accessToken("a1"))
            try repository.storeAccessToken(T.accessToken("a2"))
            try repository.storeAccessToken(T.accessToken("other", grant: "g3"))
            try repository.storeRefreshToken(RefreshTokenRecord(tokenHash: "r1", grantID: "g1", createdAt: 1000))
            try repository.storeRefreshToken(RefreshTokenRecord(tokenHash: "r0", grantID: "g1", state: .rotated, createdAt: 900, rotatedAt: 1000))

            #expect(try repository.revokeGrant(id: "g1", by: .reuseDetected, reason: "reuse-detected", at: 2000))
            let grant = try #require(try repository.grant(id: "g1"))
            #expect(grant.status == .revoked(by: .reuseDetected, at: 2000))
            #expect(grant.revokeReason == "reuse-detected")
            #expect(try repository.accessToken(hash: "a1")?.revokedAt == 2000)
            #expect(try repository.accessToken(hash: "a2")?.isUsable(at: 1500) == false)
            #expect(try repository.accessToken(hash: "other")?.revokedAt == nil)
            #expect(try repository.refreshToken(hash: "r1")?.state == .revoked)
            #expect(try repository.refreshToken(hash: "r0")?.state == .revoked)

            // A second revocation keeps the first.
            #expect(try !repository.revokeGrant(id: "g1", by: .operator, reason: nil, at: 3000))
            #expect(try repository.grant(id: "g1")?.status == .revoked(by: .reuseDetected, at: 2000))
            #expect(throws: IdentityStoreError.notFound(table: "grant", key: "nope")) {
                try repository.revokeGrant(id: "nope", by: .patient, reason: nil, at: 1)
            }
        }
    }

    @Test func statusChangesFromTheLifecycleArePersisted() throws {
        let db = try Self.seeded()
        try db.write { db in
            let repository = IdentityRepository(db)
            try repository.storeAccessToken(T.accessToken("a2", grant: "g2", client: "pgo-2"))
            try repository.setGrantStatus(id: "g2", .ended(.patientOfAge), at: 5000)
            #expect(try repository.grant(id: "g2")?.status == .ended(.patientOfAge))
            #expect(try repository.accessToken(hash: "a2")?.revokedAt == 5000)
            try repository.setGrantStatus(id: "g1", .lapsed, at: 5000)
            #expect(try repository.grant(id: "g1")?.status == .lapsed)
            try repository.setGrantStatus(id: "g3", .revoked(by: .provider, at: 6000), at: 6000)
            #expect(try repository.grant(id: "g3")?.status == .revoked(by: .provider, at: 6000))
            #expect(throws: IdentityStoreError.notFound(table: "grant", key: "nope")) {
                try repository.setGrantStatus(id: "nope", .lapsed, at: 1)
            }
        }
    }

    @Test func aFailedTransactionLeavesTheGrantUntouched() throws {
        let db = try Self.seeded()
        struct Abort: Error {}
        #expect(throws: Abort.self) {
            try db.write { db in
                try IdentityRepository(db).revokeGrant(id: "g1", by: .patient, reason: nil, at: 10)
                throw Abort()
            }
        }
        #expect(try db.read { db in try IdentityRepository(db).grant(id: "g1")?.status } == .active)
    }
}
