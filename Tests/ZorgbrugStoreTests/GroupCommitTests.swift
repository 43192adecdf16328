import Foundation
import Testing
import ZorgbrugCore

@testable import ZorgbrugStore

/// Concurrent ``ResourceStore/write(_:)`` calls share one commit, yet each keeps the outcome of its own transaction.
@Suite struct GroupCommitTests {
    /// Holds the writer inside a write while `submit` starts more writes, so that those form one batch; returns
    /// what `submit` returned once the writer is released.
    private func holdingTheWriter<R>(_ store: ResourceStore, while submit: () -> R) async throws -> R {
        let entered = AsyncSignal()
        // Blocks the writer's own queue, never a cooperative thread.
        let release = DispatchSemaphore(value: 0)
        let holder = Task.detached {
            try await store.write { writer throws in
                _ = try writer.create(task("holder", patient: "p"), ifNoneExist: nil)
                entered.fire()
                release.wait()
            }
        }
        await entered.wait()
        let submitted = submit()
        // Give every write time to reach the queue behind the held one.
        try await Task.sleep(for: .milliseconds(200))
        release.signal()
        try await holder.value
        return submitted
    }

    @Test(arguments: [true, false])
    func aFailingWriteInABatchRollsBackOnlyItself(file: Bool) async throws {
        let db = TemporaryDatabase()
        let store = try file ? ResourceStore(path: db.path, clock: ManualClock().closure) : memoryStore()
        try store.createAll([task("existing", patient: "p")])
        let writes: [(String, @Sendable (StoreWriter) throws -> Int)] = [
            ("ok1", { try $0.create(task("a", patient: "p"), ifNoneExist: nil).resource.versionId }),
            (
                "boom",
                { writer in
                    _ = try writer.create(task("lost", patient: "p"), ifNoneExist: nil)
                    throw Boom()
                }
            ),
            ("duplicate", { try $0.create(task("existing", patient: "p"), ifNoneExist: nil).resource.versionId }),
            (
                "ok2",
                { try $0.update(task("existing", patient: "p", status: "completed"), ifMatch: 1).resource.versionId }
            ),
        ]
        let started = try await holdingTheWriter(store) {
            writes.map { name, body in (name, Task { try await store.write(body) }) }
        }
        var results: [String: Result<Int, any Error>] = [:]
        for (name, task) in started {
            results[name] = await task.result
        }
        #expect((try? results["ok1"]?.get()) == 1)
        #expect((try? results["ok2"]?.get()) == 2)
        #expect(throws: Boom.self) { try results["boom"]?.get() }
        #expect { try results["duplicate"]?.get() } throws: { ($0 as? StoreError)?.code == .duplicate }
        try store.readSync { reader throws in
            #expect(try reader.current(type: "Task", id: "holder") != nil)
            #expect(try reader.current(type: "Task", id: "a") != nil)
            #expect(try reader.current(type: "Task", id: "lost") == nil)
            #expect(try reader.current(type: "Task", id: "existing")?.versionId == 2)
            #expect(try reader.rowCount(of: "resourceVersion") == 4)
        }
    }

    @Test func manyConcurrentWritesAllCommitInOrderOfTheirOwnTransactions() async throws {
        let db = TemporaryDatabase()
        let store = try ResourceStore(path: db.path, clock: ManualClock().closure)
        try store.createAll([task("counter", patient: "p")])
        // Each write reads the current version and writes the next: lost updates would show as conflicts.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<50 {
                group.addTask {
                    _ = try await store.write { writer throws in
                        let current = try writer.current(type: "Task", id: "counter")!
                        return try writer.update(task("counter", patient: "p"), ifMatch: current.versionId)
                    }
                }
                group.addTask {
                    _ = try await store.write { try $0.create(task(UUID().uuidString, patient: "q"), ifNoneExist: nil) }
                }
            }
            try await group.waitForAll()
        }
        try store.readSync { reader throws in
            #expect(try reader.current(type: "Task", id: "counter")?.versionId == 51)
            #expect(try reader.rowCount(of: "resource") == 51)
        }
    }
}
