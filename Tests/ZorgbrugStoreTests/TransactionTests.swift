import Foundation
import Testing
import ZorgbrugCore

@testable import ZorgbrugStore

@Suite struct TransactionTests {
    @Test func throwingInsideWriteLeavesNoPartialState() async throws {
        let db = TemporaryDatabase()
        let store = try ResourceStore(path: db.path, clock: ManualClock().closure)
        try store.createAll([task("kept", patient: "p0")])
        await #expect(throws: Boom.self) {
            try await store.write { writer throws in
                _ = try writer.create(task("lost", patient: "p1"), ifNoneExist: nil)
                _ = try writer.update(task("kept", patient: "p0", status: "completed"), ifMatch: 1)
                try writer.saveIdempotency(
                    clientID: "c", key: "k", requestHash: "h", status: 201, headers: [], body: [])
                throw Boom()
            }
        }
        try store.readSync { reader throws in
            #expect(try reader.current(type: "Task", id: "lost") == nil)
            #expect(try reader.current(type: "Task", id: "kept")?.versionId == 1)
            #expect(try reader.idempotencyRecord(clientID: "c", key: "k") == nil)
            #expect(try reader.rowCount(of: "resource") == 1)
            #expect(try reader.rowCount(of: "resourceVersion") == 1)
            #expect(try reader.rowCount(of: "searchToken") == 1)
            #expect(try reader.rowCount(of: "searchReference") == 1)
        }
    }

    @Test func storeErrorInsideWriteRollsBackEarlierWrites() throws {
        let store = try memoryStore()
        try store.createAll([task("a")])
        #expect {
            try store.writeSync { writer throws in
                _ = try writer.create(task("b"), ifNoneExist: nil)
                _ = try writer.create(task("a"), ifNoneExist: nil)
            }
        } throws: { error in
            (error as? StoreError)?.code == .duplicate
        }
        #expect(try store.readSync { try $0.current(type: "Task", id: "b") } == nil)
    }

    @Test func reopenedFileStoreFindsEverything() throws {
        let db = TemporaryDatabase()
        do {
            let store = try ResourceStore(path: db.path, durability: .normal, clock: ManualClock().closure)
            try store.createAll([task("t1", patient: "p1"), task("t2", patient: "p2")])
            _ = try store.writeSync { try $0.update(task("t1", patient: "p1", status: "completed"), ifMatch: 1) }
            _ = try store.writeSync { try $0.delete(type: "Task", id: "t2") }
        }
        let reopened = try ResourceStore(path: db.path, clock: ManualClock().closure)
        try reopened.readSync { reader throws in
            #expect(try reader.current(type: "Task", id: "t1")?.versionId == 2)
            #expect(try reader.current(type: "Task", id: "t2")?.isDeleted == true)
            #expect(try reader.version(type: "Task", id: "t1", versionId: 1)?.json["status"] == "ready")
            let completed = SearchQuery(
                resourceType: "Task", scope: .unrestricted,
                conditions: [.init(parameter: "status", match: .token([TokenMatch(code: "completed")]))])
            #expect(try reader.search(completed).resources.map(\.id) == ["t1"])
            let history = try reader.history(
                type: nil, id: nil, since: nil, scope: .unrestricted, count: 10, cursor: nil)
            #expect(history.versions.count == 4)
        }
    }

    @Test(arguments: [(Durability.full, "2"), (.normal, "1"), (.off, "0")])
    func durabilityAndWAL(durability: Durability, synchronous: String) throws {
        let db = TemporaryDatabase()
        let store = try ResourceStore(path: db.path, durability: durability, clock: ManualClock().closure)
        try store.writeSync { writer throws in
            #expect(try writer.pragma("synchronous") == synchronous)
            #expect(try writer.pragma("journal_mode") == "wal")
            #expect(try writer.pragma("foreign_keys") == "1")
            #expect(try writer.pragma("busy_timeout") == "10000")
        }
    }

    @Test func unwritableLocationIsAnIOError() {
        #expect {
            _ = try ResourceStore(path: "/proc/zorgbrug/nope/db.sqlite", clock: { 0 })
        } throws: { error in
            (error as? StoreError)?.code == .io
        }
    }

    @Test func notADatabaseIsCorrupt() throws {
        let db = TemporaryDatabase()
        try FileManager.default.createDirectory(atPath: db.directory + "/nested", withIntermediateDirectories: true)
        try Data(repeating: 0x41, count: 8192).write(to: URL(fileURLWithPath: db.path))
        #expect {
            _ = try ResourceStore(path: db.path, clock: { 0 })
        } throws: { error in
            guard let error = error as? StoreError else { return false }
            return error.code == .corrupt && !error.message.localizedCaseInsensitiveContains("sqlite")
        }
    }

    @Test func backupWhileRunningIsReadable() async throws {
        let db = TemporaryDatabase()
        let store = try ResourceStore(path: db.path, clock: ManualClock().closure)
        try store.createAll([task("t1", patient: "p1")])
        let target = db.directory + "/backup.sqlite"
        try await store.backup(to: target)
        let copy = try ResourceStore(path: target, clock: { 0 })
        #expect(try copy.readSync { try $0.current(type: "Task", id: "t1")?.patientId } == "p1")
        await #expect(throws: StoreError.self) { try await store.backup(to: target) }
    }

    @Test func migrationsAreIdempotentOnReopen() throws {
        let db = TemporaryDatabase()
        _ = try ResourceStore(path: db.path, clock: { 0 })
        _ = try ResourceStore(path: db.path, clock: { 0 })
        let names = StoreSchema.migrator.migrations
        #expect(
            names == [
                "createResourceTables", "createSearchIndexTables", "createConditionalCreateTable",
                "createIdempotencyKeyTable",
                "identity-v1-tables", "identity-v1-audit-append-only", "identity-v2-epoch",
                "identityEpochOnPatientChange", "addSearchTokenPatientIndex",
            ])
    }
}
