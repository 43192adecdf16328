import Foundation
import GRDB
import Testing
import ZorgbrugCore

@testable import ZorgbrugStore

@Suite struct IdentityConnectCodeTests {
    typealias T = IdentityTestDatabase

    @Test func aCodeIsRedeemedExactlyOnce() throws {
        let db = try T.queue()
        try db.write { db in
            let repository = IdentityRepository(db)
            try repository.storeConnectCode(T.code("c1"))
            guard case .redeemed(let record) = try repository.redeemConnectCode(hash: "c1", now: 500) else {
                Issue.record("expected a redemption")
                return
            }
            #expect(record.usedAt == 500)
            #expect(record.actor == .relatedPerson("rp1"))
            #expect(record.relationship == .parent)
            #expect(try repository.redeemConnectCode(hash: "c1", now: 600) == .alreadyUsed)
            #expect(try repository.connectCode(hash: "c1")?.usedAt == 500)
        }
    }

    @Test func expiredAndUnknownCodesFail() throws {
        let db = try T.queue()
        try db.write { db in
            let repository = IdentityRepository(db)
            try repository.storeConnectCode(T.code("c1", expiresAt: 1000))
            #expect(try repository.redeemConnectCode(hash: "c1", now: 1000) == .expired)
            #expect(try repository.connectCode(hash: "c1")?.usedAt == nil)
            #expect(try repository.redeemConnectCode(hash: "nope", now: 10) == .unknown)
            #expect(throws: IdentityStoreError.duplicate(table: "connectCode", key: "(hash)")) {
                try repository.storeConnectCode(T.code("c1"))
            }
            let patientCode = ConnectCodeRecord(
                codeHash: "c2", patientID: "p9", relatedPersonID: nil, relationship: nil, organizationID: "org-1",
                purpose: .delegate, createdBy: "g1", createdAt: 1, expiresAt: 2000)
            try repository.storeConnectCode(patientCode)
            #expect(try repository.redeemConnectCode(hash: "c2", now: 1999) == .redeemed({ var r = patientCode; r.usedAt = 1999; return r }()))
        }
    }

    @Test func concurrentRedemptionsOnAPoolSucceedOnce() async throws {
        let (pool, directory) = try T.pool()
        defer { try? FileManager.default.removeItem(at: directory) }
        try await pool.write { db in try IdentityRepository(db).storeConnectCode(T.code("c1")) }
        let outcomes = try await withThrowingTaskGroup(of: ConnectCodeRedemption.self) { group in
            for attempt in 0..<8 {
                group.addTask {
                    try await pool.write { db in try IdentityRepository(db).redeemConnectCode(hash: "c1", now: Int64(100 + attempt)) }
                }
            }
            var all: [ConnectCodeRedemption] = []
            for try await outcome in group { all.append(outcome) }
            return all
        }
        let redeemed = outcomes.filter { if case .redeemed = $0 { return true } else { return false } }
        #expect(redeemed.count == 1)
        #expect(outcomes.filter { $0 == .alreadyUsed }.count == 7)
        let used = try await pool.read { db in try IdentityRepository(db).connectCode(hash: "c1")?.usedAt }
        #expect(used != nil)
    }

    @Test func failuresAreCountedPerKeyAndWindow() throws {
        let db = try T.queue()
        try db.write { db in
            let repository = IdentityRepository(db)
            for _ in 0..<3 { try repository.recordFailure(key: "addr:192.0.2.1", windowStart: 900_000) }
            try repository.recordFailure(key: "addr:192.0.2.1", windowStart: 0)
            try repository.recordFailure(key: "client:pgo-1", windowStart: 900_000)
            #expect(try repository.failureCount(key: "addr:192.0.2.1", since: 900_000) == 3)
            #expect(try repository.failureCount(key: "addr:192.0.2.1", since: 0) == 4)
            #expect(try repository.failureCount(key: "client:pgo-1", since: 900_000) == 1)
            #expect(try repository.failureCount(key: "addr:198.51.100.7", since: 0) == 0)
            try repository.purgeExpired(now: 2_000_000, failureWindowsBefore: 900_000)
            #expect(try repository.failureCount(key: "addr:192.0.2.1", since: 0) == 3)
        }
    }

    @Test func theRateLimitPolicyLocksAfterStoredFailures() throws {
        let db = try T.queue()
        let policy = RateLimitPolicy.connectCodeRedemption
        let now: Int64 = 1_800_000_000_000
        try db.write { db in
            let repository = IdentityRepository(db)
            let windows = policy.windows(clientID: "pgo-1", sourceAddress: "192.0.2.1", now: now)
            func decision() throws -> RateLimitDecision {
                try policy.decide(windows.map { ($0, try repository.failureCount(key: $0.key, since: $0.start)) }, now: now)
            }
            for _ in 0..<4 {
                for window in windows { try repository.recordFailure(key: window.key, windowStart: window.start) }
            }
            #expect(try decision() == .allowed)
            for window in windows { try repository.recordFailure(key: window.key, windowStart: window.start) }
            #expect(try decision() == .locked(until: windows[0].end))
        }
    }
}
