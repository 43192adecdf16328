import FHIR
import Testing
import ZorgbrugCore

@testable import ZorgbrugStore

@Suite struct ResourceLifecycleTests {
    @Test func createSetsMetaAndReadsBack() throws {
        let clock = ManualClock(start: 1_763_866_251_123)
        let store = try memoryStore(clock)
        let created = try store.writeSync { try $0.create(task("t1", patient: "p1"), ifNoneExist: nil) }
        guard case .created(let stored) = created else {
            Issue.record("expected .created, got \(created)")
            return
        }
        #expect(stored.versionId == 1)
        #expect(stored.lastUpdated == 1_763_866_251_123)
        #expect(!stored.isDeleted)
        #expect(stored.patientId == "p1")
        #expect(stored.json["id"] == "t1")
        #expect(stored.json["resourceType"] == "Task")
        #expect(stored.json["meta"]?["versionId"] == "1")
        #expect(stored.json["meta"]?["lastUpdated"] == "2025-11-23T02:50:51.123Z")
        #expect(stored.json["status"] == "ready")

        let read = try store.readSync { try $0.current(type: "Task", id: "t1") }
        #expect(read == stored)
        #expect(try store.readSync { try $0.current(type: "Task", id: "nope") } == nil)
        #expect(try store.readSync { try $0.current(type: "Patient", id: "t1") } == nil)
    }

    @Test func createWithExistingIdIsDuplicate() throws {
        let store = try memoryStore()
        try store.createAll([task("t1")])
        #expect {
            try store.writeSync { try $0.create(task("t1"), ifNoneExist: nil) }
        } throws: { error in
            (error as? StoreError)?.code == .duplicate
        }
        #expect(try store.readSync { try $0.rowCount(of: "resourceVersion") } == 1)
    }

    @Test func updateCreatesNextVersionAndKeepsOldOnes() throws {
        let store = try memoryStore()
        try store.createAll([task("t1", status: "ready")])
        let outcome = try store.writeSync { try $0.update(task("t1", status: "in-progress"), ifMatch: 1) }
        #expect(outcome.resource.versionId == 2)
        #expect(outcome.resource.json["meta"]?["versionId"] == "2")

        try store.readSync { reader throws in
            #expect(try reader.current(type: "Task", id: "t1")?.json["status"] == "in-progress")
            #expect(try reader.version(type: "Task", id: "t1", versionId: 1)?.json["status"] == "ready")
            #expect(try reader.version(type: "Task", id: "t1", versionId: 2)?.json["status"] == "in-progress")
            #expect(try reader.version(type: "Task", id: "t1", versionId: 3) == nil)
        }
    }

    @Test func updateReplacesSearchIndex() throws {
        let store = try memoryStore()
        try store.createAll([task("t1", status: "ready")])
        _ = try store.writeSync { try $0.update(task("t1", status: "completed"), ifMatch: nil) }
        let byStatus = { (code: String) in
            SearchQuery(
                resourceType: "Task", scope: .unrestricted,
                conditions: [SearchCondition(parameter: "status", match: .token([TokenMatch(code: code)]))])
        }
        #expect(try store.ids(byStatus("ready")) == [])
        #expect(try store.ids(byStatus("completed")) == ["t1"])
        #expect(try store.readSync { try $0.rowCount(of: "searchToken") } == 1)
    }

    @Test func updateWithStaleVersionIsConflict() throws {
        let store = try memoryStore()
        try store.createAll([task("t1")])
        _ = try store.writeSync { try $0.update(task("t1", status: "in-progress"), ifMatch: 1) }
        #expect {
            try store.writeSync { try $0.update(task("t1", status: "completed"), ifMatch: 1) }
        } throws: { error in
            let error = error as? StoreError
            return error?.code == .versionConflict && error?.currentVersion == 2
        }
        #expect(try store.readSync { try $0.current(type: "Task", id: "t1")?.versionId } == 2)
    }

    @Test func updateOfMissingIsNotFoundAndOfDeletedIsGone() throws {
        let store = try memoryStore()
        #expect {
            try store.writeSync { try $0.update(task("ghost"), ifMatch: nil) }
        } throws: { error in
            (error as? StoreError)?.code == .notFound
        }
        try store.createAll([task("t1")])
        _ = try store.writeSync { try $0.delete(type: "Task", id: "t1") }
        #expect {
            try store.writeSync { try $0.update(task("t1"), ifMatch: nil) }
        } throws: { error in
            (error as? StoreError)?.code == .gone
        }
    }

    @Test func deleteWritesTombstoneAndDropsIndex() throws {
        let store = try memoryStore()
        try store.createAll([task("t1", patient: "p1")])
        let tombstone = try store.writeSync { try $0.delete(type: "Task", id: "t1") }
        #expect(tombstone?.versionId == 2)
        #expect(tombstone?.isDeleted == true)
        #expect(tombstone?.patientId == "p1")
        #expect(tombstone?.json["status"] == nil)
        #expect(tombstone?.json["meta"]?["versionId"] == "2")

        try store.readSync { reader throws in
            let current = try reader.current(type: "Task", id: "t1")
            #expect(current?.isDeleted == true)
            #expect(try reader.version(type: "Task", id: "t1", versionId: 1)?.isDeleted == false)
            for table in ["searchToken", "searchReference"] {
                #expect(try reader.rowCount(of: table) == 0)
            }
            #expect(try reader.search(SearchQuery(resourceType: "Task", scope: .unrestricted)).resources.isEmpty)
        }
    }

    @Test func deleteIsIdempotent() throws {
        let store = try memoryStore()
        try store.createAll([task("t1")])
        #expect(try store.writeSync { try $0.delete(type: "Task", id: "t1") } != nil)
        #expect(try store.writeSync { try $0.delete(type: "Task", id: "t1") } == nil)
        #expect(try store.writeSync { try $0.delete(type: "Task", id: "never") } == nil)
        #expect(try store.readSync { try $0.rowCount(of: "resourceVersion") } == 2)
    }

    @Test func lastUpdatedNeverDecreasesWhenTheClockGoesBack() throws {
        let clock = ManualClock(start: 5_000)
        let store = try memoryStore(clock)
        try store.createAll([task("t1")])
        clock.set(1_000)
        let updated = try store.writeSync { try $0.update(task("t1"), ifMatch: nil) }
        #expect(updated.resource.lastUpdated == 5_000)
    }

    @Test func asyncReadAndWrite() async throws {
        let store = try memoryStore()
        let created = try await store.write { try $0.create(task("t1"), ifNoneExist: nil) }
        let read = try await store.read { try $0.current(type: "Task", id: "t1") }
        #expect(read == created.resource)
    }

    @Test func resourcesForIncludeSkipMissingDeletedAndDuplicates() throws {
        let store = try memoryStore()
        try store.createAll([task("a"), task("b"), task("c")])
        _ = try store.writeSync { try $0.delete(type: "Task", id: "b") }
        let found = try store.readSync { reader throws in
            try reader.resources(
                [("Task", "c"), ("Task", "b"), ("Task", "missing"), ("Task", "a"), ("Task", "c")], scope: .unrestricted)
        }
        #expect(found.map(\.id) == ["c", "a"])
    }

    @Test func referencingForRevinclude() throws {
        let store = try memoryStore()
        try store.createAll([task("a", patient: "p1"), task("b", patient: "p2"), task("c", patient: "p1")])
        let found = try store.readSync { reader throws in
            try reader.referencing(
                sourceType: "Task", parameter: "patient", targets: [("Patient", "p1")], scope: .unrestricted,
                limit: 10)
        }
        #expect(found.map(\.id) == ["a", "c"])
        let limited = try store.readSync { reader throws in
            try reader.referencing(
                sourceType: "Task", parameter: "patient", targets: [("Patient", "p1"), ("Patient", "p2")],
                scope: .unrestricted, limit: 2)
        }
        #expect(limited.map(\.id) == ["a", "b"])
    }
}
