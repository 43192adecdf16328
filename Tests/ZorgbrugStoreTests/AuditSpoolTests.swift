import Foundation
import GRDB
import Testing
import ZorgbrugCore

@testable import ZorgbrugStore

/// The audit spool: read-audit records committed to a file of their own and moved into `auditEvent` later, each
/// exactly once, whatever happens in between.
@Suite struct AuditSpoolTests {
    static func record(_ n: Int, patient: String = "p1") -> AuditRecord {
        AuditRecord(
            recorded: Int64(1_000 + n), agent: AuditAgent(clientID: "pgo-1", actorType: "Patient", actorID: patient),
            patientID: patient, action: .read, interaction: .read, resourceType: "Task", resourceID: "t\(n)",
            outcome: .success, requestID: "req-\(n)", correlationID: "corr-\(n)", traceID: "trace-\(n)",
            remoteAddress: "192.0.2.1")
    }

    static func auditTable(_ store: ResourceStore) throws -> [AuditRecord] {
        try store.readSync { reader in try reader.identity.auditEvents(limit: 1000).map(\.record) }
    }

    @Test func spooledRecordsReachTheAuditTableOnlyWhenDrainedInOrderAndOnce() async throws {
        let db = TemporaryDatabase()
        let store = try ResourceStore(path: db.path, clock: { 0 })
        try store.spoolAudit([Self.record(1), Self.record(2)])
        try store.spoolAudit([Self.record(3)])
        #expect(try store.spooledAuditCount() == 3)
        #expect(try Self.auditTable(store).isEmpty)
        // The store's file is not touched by spooling: the spool is a file of its own beside it.
        #expect(FileManager.default.fileExists(atPath: db.path + "-auditspool"))

        #expect(try await store.drainAuditSpool() == 3)
        #expect(try Self.auditTable(store) == [Self.record(1), Self.record(2), Self.record(3)])
        #expect(try store.spooledAuditCount() == 0)
        #expect(try await store.drainAuditSpool() == 0)
        #expect(try Self.auditTable(store).count == 3)
    }

    @Test func sequenceNumbersAreNotReusedAfterEverythingMoved() async throws {
        // Without AUTOINCREMENT an emptied spool would number its next record 1 again, under the mark: lost.
        let store = try ResourceStore.inMemory(clock: { 0 })
        try store.spoolAudit([Self.record(1), Self.record(2)])
        try await store.drainAuditSpool()
        try store.spoolAudit([Self.record(3)])
        #expect(try await store.drainAuditSpool() == 1)
        #expect(try Self.auditTable(store).map(\.requestID) == ["req-1", "req-2", "req-3"])
    }

    @Test func drainsMoreThanOneBatch() async throws {
        let store = try ResourceStore.inMemory(clock: { 0 })
        let count = ResourceStore.drainBatchSize * 2 + 7
        try store.spoolAudit((0..<count).map { Self.record($0) })
        #expect(try await store.drainAuditSpool() == count)
        let moved = try store.readSync { reader in
            try Int.fetchOne(reader.db, sql: #"SELECT count(*) FROM "auditEvent""#)
        }
        #expect(moved == count)
        #expect(try store.spooledAuditCount() == 0)
    }

    @Test func recordsLeftInTheSpoolByAnEndedRunMoveWhenTheStoreOpens() throws {
        // As after kill -9: committed to the spool, never moved.
        let db = TemporaryDatabase()
        do { _ = try ResourceStore(path: db.path, clock: { 0 }) }
        do {
            let spool = try AuditSpool(path: AuditSpool.path(forStore: db.path), durability: .full)
            try spool.append([Self.record(1), Self.record(2)])
        }
        let reopened = try ResourceStore(path: db.path, clock: { 0 })
        #expect(try Self.auditTable(reopened).map(\.requestID) == ["req-1", "req-2"])
        #expect(try reopened.spooledAuditCount() == 0)
    }

    @Test func aDrainCutShortAfterTheStoreCommittedMovesNothingTwice() throws {
        let db = TemporaryDatabase()
        let spoolPath = AuditSpool.path(forStore: db.path)
        do {
            let store = try ResourceStore(path: db.path, clock: { 0 })
            try store.spoolAudit([Self.record(1), Self.record(2)])
            try store.drainAuditSpoolSync()
        }
        // Put the moved records back into the spool, as if the process died between the store's commit and the
        // spool's delete (same sequence numbers, under the store's mark).
        do {
            let spool = try DatabaseQueue(path: spoolPath)
            try spool.write { db in
                for n in [1, 2] {
                    try db.execute(
                        sql: #"INSERT INTO "spooledAudit" ("seq", \#(AuditRecordColumns.names.map { "\"\($0)\"" }.joined(separator: ", "))) VALUES (?, \#(Array(repeating: "?", count: AuditRecordColumns.names.count).joined(separator: ", ")))"#,
                        arguments: [Int64(n)] + AuditRecordColumns.arguments(Self.record(n)))
                }
            }
        }
        let reopened = try ResourceStore(path: db.path, clock: { 0 })
        #expect(try Self.auditTable(reopened).map(\.requestID) == ["req-1", "req-2"])
        #expect(try reopened.spooledAuditCount() == 0)
    }

    @Test func aSpoolFileCreatedAnewIsCountedFromItsOwnStart() throws {
        let db = TemporaryDatabase()
        let spoolPath = AuditSpool.path(forStore: db.path)
        do {
            let store = try ResourceStore(path: db.path, clock: { 0 })
            try store.spoolAudit([Self.record(1), Self.record(2), Self.record(3)])
        }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: spoolPath + suffix) }
        do {
            // The new spool numbers from 1 again, under the old spool's mark of 3.
            let spool = try AuditSpool(path: spoolPath, durability: .full)
            try spool.append([Self.record(4)])
        }
        let reopened = try ResourceStore(path: db.path, clock: { 0 })
        #expect(try Self.auditTable(reopened).map(\.requestID) == ["req-1", "req-2", "req-3", "req-4"])
    }

    @Test func concurrentSpoolingAndDrainingMoveEveryRecordExactlyOnce() async throws {
        let db = TemporaryDatabase()
        let store = try ResourceStore(path: db.path, durability: .off, clock: { 0 })
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<8 {
                group.addTask {
                    for n in 0..<50 { try store.spoolAudit([Self.record(writer * 1000 + n)]) }
                }
            }
            for _ in 0..<4 {
                group.addTask {
                    for _ in 0..<20 { try await store.drainAuditSpool() }
                }
            }
            try await group.waitForAll()
        }
        try await store.drainAuditSpool()
        let moved = try store.readSync { reader in try reader.identity.auditEvents(limit: 1000).map(\.record.requestID) }
        let expected = (0..<8).flatMap { writer in (0..<50).map { "req-\(writer * 1000 + $0)" } }
        #expect(moved.count == expected.count)
        #expect(Set(moved.compactMap { $0 }) == Set(expected))
    }

    @Test func aBackupHoldsTheRecordsSpooledBeforeIt() async throws {
        let db = TemporaryDatabase()
        let store = try ResourceStore(path: db.path, clock: { 0 })
        try store.spoolAudit([Self.record(1)])
        let target = db.directory + "/backup.sqlite"
        try await store.backup(to: target)
        let copy = try ResourceStore(path: target, clock: { 0 })
        #expect(try Self.auditTable(copy).map(\.requestID) == ["req-1"])
    }

    @Test func aSpoolThatIsNotADatabaseStopsTheStoreFromOpening() throws {
        let db = TemporaryDatabase()
        do { _ = try ResourceStore(path: db.path, clock: { 0 }) }
        let spoolPath = AuditSpool.path(forStore: db.path)
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: spoolPath + suffix) }
        try Data(repeating: 0x5A, count: 8192).write(to: URL(fileURLWithPath: spoolPath))
        #expect {
            _ = try ResourceStore(path: db.path, clock: { 0 })
        } throws: { error in
            guard let error = error as? StoreError else { return false }
            return error.code == .corrupt && error.message.contains(spoolPath) && error.message.contains("move it aside")
        }
    }
}
