import GRDB
import Testing
import ZorgbrugCore

@testable import ZorgbrugStore

@Suite struct IdentityTokenTests {
    typealias T = IdentityTestDatabase

    static func seeded() throws -> DatabaseQueue {
        let db = try T.queue()
        try db.write { db in
            let repository = IdentityRepository(db)
            try repository.createClient(T.client("pgo-1"))
            try repository.createClient(T.client("ehr", kind: .provider))
            try repository.createGrant(T.grant("g1"))
        }
        return db
    }

    @Test func accessTokensRoundTripAndExpire() throws {
        let db = try Self.seeded()
        try db.write { db in
            let repository = IdentityRepository(db)
            let token = T.accessToken("a1")
            try repository.storeAccessToken(token)
            try repository.storeAccessToken(T.accessToken("a2", grant: nil, client: "ehr"))
            #expect(try repository.accessToken(hash: "a1") == token)
            #expect(try repository.accessToken(hash: "a2")?.actor == nil)
            #expect(try repository.accessToken(hash: "nope") == nil)
            #expect(token.isUsable(at: token.expiresAt - 1))
            #expect(!token.isUsable(at: token.expiresAt))
            #expect(throws: IdentityStoreError.duplicate(table: "accessToken", key: "(hash)")) {
                try repository.storeAccessToken(token)
            }
        }
    }

    @Test func revokeOneAccessTokenOrAllOfAGrant() throws {
        let db = try Self.seeded()
        try db.write { db in
            let repository = IdentityRepository(db)
            try repository.storeAccessToken(T.accessToken("a1"))
            try repository.storeAccessToken(T.accessToken("a2"))
            try repository.storeRefreshToken(RefreshTokenRecord(tokenHash: "r1", grantID: "g1", createdAt: 1))
            #expect(try repository.revokeAccessToken(hash: "a1", at: 10))
            #expect(try !repository.revokeAccessToken(hash: "a1", at: 20))
            #expect(try !repository.revokeAccessToken(hash: "unknown", at: 20))
            #expect(try repository.accessToken(hash: "a1")?.revokedAt == 10)
            #expect(try repository.revokeTokens(grantID: "g1", at: 30) == 2)
            #expect(try repository.accessToken(hash: "a1")?.revokedAt == 10)
            #expect(try repository.accessToken(hash: "a2")?.revokedAt == 30)
            #expect(try repository.refreshToken(hash: "r1")?.state == .revoked)
            // The grant itself stays active: only revokeGrant changes it.
            #expect(try repository.grant(id: "g1")?.status == .active)
        }
    }

    @Test func refreshTokensRotateOnce() throws {
        let db = try Self.seeded()
        try db.write { db in
            let repository = IdentityRepository(db)
            try repository.storeRefreshToken(RefreshTokenRecord(tokenHash: "r1", grantID: "g1", createdAt: 1))
            #expect(try repository.refreshToken(hash: "r1") == RefreshTokenRecord(tokenHash: "r1", grantID: "g1", createdAt: 1))
            #expect(try repository.markRotated(hash: "r1", at: 5))
            #expect(try !repository.markRotated(hash: "r1", at: 6))
            #expect(try repository.refreshToken(hash: "r1") == RefreshTokenRecord(tokenHash: "r1", grantID: "g1", state: .rotated, createdAt: 1, rotatedAt: 5))
            #expect(try !repository.markRotated(hash: "unknown", at: 6))
            #expect(try repository.refreshToken(hash: "unknown") == nil)
            #expect(throws: IdentityStoreError.duplicate(table: "refreshToken", key: "(hash)")) {
                try repository.storeRefreshToken(RefreshTokenRecord(tokenHash: "r1", grantID: "g1", createdAt: 1))
            }
        }
    }

    @Test func assertionJtisAreSingleUsePerClient() throws {
        let db = try Self.seeded()
        try db.write { db in
            let repository = IdentityRepository(db)
            try repository.recordAssertionJti(clientID: "ehr", jti: "j1", expiresAt: 1000)
            try repository.recordAssertionJti(clientID: "pgo-1", jti: "j1", expiresAt: 1000)
            #expect(throws: IdentityStoreError.assertionReplay(clientID: "ehr", jti: "j1")) {
                try repository.recordAssertionJti(clientID: "ehr", jti: "j1", expiresAt: 2000)
            }
            // Purged only well after expiry (beyond clock skew); then the verifier refuses it as expired anyway.
            try repository.purgeExpired(now: 1000 + 299_000, failureWindowsBefore: 0)
            #expect(throws: IdentityStoreError.self) { try repository.recordAssertionJti(clientID: "ehr", jti: "j1", expiresAt: 1) }
            try repository.purgeExpired(now: 1000 + 301_000, failureWindowsBefore: 0)
            try repository.recordAssertionJti(clientID: "ehr", jti: "j1", expiresAt: 9_999_999)
        }
    }
}
