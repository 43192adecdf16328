import Foundation
import GRDB
import Testing
import ZorgbrugCore

@testable import ZorgbrugStore

@Suite struct IdentityAuditTests {
    typealias T = IdentityTestDatabase

    static func record(_ recorded: Int64, patient: String?, client: String? = "pgo-1", outcome: AuditOutcome = .success) -> AuditRecord {
        AuditRecord(
            recorded: recorded, agent: AuditAgent(clientID: client, actorType: "Patient", actorID: patient), patientID: patient,
            action: .read, interaction: .read, resourceType: "Observation", resourceID: "o1", outcome: outcome,
            outcomeDescription: outcome == .success ? nil : "not-found", requestID: "req-\(recorded)",
            correlationID: "corr", traceID: "trace", remoteAddress: "192.0.2.1")
    }

    @Test func appendsAndReadsBackInSequence() throws {
        let db = try T.queue()
        try db.write { db in
            let repository = IdentityRepository(db)
            let first = try repository.appendAudit(Self.record(100, patient: "p1"))
            let second = try repository.appendAudit(Self.record(200, patient: "p2", client: "ehr"))
            let third = try repository.appendAudit(Self.record(300, patient: "p1", outcome: .minorFailure))
            #expect(first < second && second < third)
            let all = try repository.auditEvents()
            #expect(all.map(\.seq) == [first, second, third])
            #expect(all[0].record == Self.record(100, patient: "p1"))
            #expect(try repository.auditEvents(patientID: "p1").map(\.seq) == [first, third])
            #expect(try repository.auditEvents(patientID: "p1", since: 150).map(\.seq) == [third])
            #expect(try repository.auditEvents(agentClientID: "ehr").map(\.seq) == [second])
            #expect(try repository.auditEvents(afterSeq: first, limit: 1).map(\.seq) == [second])
            #expect(try repository.auditEvents(limit: 0).count == 1)
            #expect(try repository.auditEvents(patientID: "p3").isEmpty)
            #expect(try repository.auditEvents(patientID: "p1").last?.record.outcome == .minorFailure)
        }
    }

    @Test func auditRecordsCannotBeUpdatedOrDeleted() throws {
        let db = try T.queue()
        try db.write { db in _ = try IdentityRepository(db).appendAudit(Self.record(100, patient: "p1")) }
        for sql in [
            #"UPDATE "auditEvent" SET "patientId" = 'p2'"#,
            #"DELETE FROM "auditEvent""#,
            #"DELETE FROM "auditEvent" WHERE "seq" = 1"#,
        ] {
            #expect(throws: DatabaseError.self) { try db.write { db in try db.execute(sql: sql) } }
        }
        let events = try db.read { db in try IdentityRepository(db).auditEvents() }
        #expect(events.count == 1)
        #expect(events.first?.record.patientID == "p1")
        do {
            try db.write { db in try db.execute(sql: #"UPDATE "auditEvent" SET "outcome" = 0"#) }
        } catch let error as DatabaseError {
            #expect(error.message?.contains("append-only") == true)
        }
    }

    @Test func theAppendOnlyGuaranteeHoldsOnAFileDatabase() async throws {
        let (pool, directory) = try T.pool()
        defer { try? FileManager.default.removeItem(at: directory) }
        try await pool.write { db in
            let repository = IdentityRepository(db)
            for index in 0..<5 { try repository.appendAudit(Self.record(Int64(index), patient: "p1")) }
        }
        await #expect(throws: DatabaseError.self) {
            try await pool.write { db in try db.execute(sql: #"DELETE FROM "auditEvent""#) }
        }
        let count = try await pool.read { db in try IdentityRepository(db).auditEvents(patientID: "p1").count }
        #expect(count == 5)
    }
}
