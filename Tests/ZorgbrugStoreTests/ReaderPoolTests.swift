import Foundation
import Testing
import ZorgbrugCore

@testable import ZorgbrugStore

/// The file store's read connections (`ReaderPool`): reads on the calling thread, each a snapshot, connections
/// reused, and closed before the writer so that a released store leaves no WAL behind.
@Suite struct ReaderPoolTests {
    @Test func releasedFileStoreCheckpointsAndRemovesItsWAL() async throws {
        let db = TemporaryDatabase()
        do {
            let store = try ResourceStore(path: db.path, clock: ManualClock().closure)
            try store.createAll([task("t1", patient: "p1")])
            // Several readers open at once, so the pool holds more than one connection when the store goes.
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<8 {
                    group.addTask { _ = try await store.read { try $0.current(type: "Task", id: "t1") } }
                }
                try await group.waitForAll()
            }
            #expect(FileManager.default.fileExists(atPath: db.path + "-wal"))
        }
        #expect(!FileManager.default.fileExists(atPath: db.path + "-wal"))
        let reopened = try ResourceStore(path: db.path, clock: ManualClock().closure)
        #expect(try reopened.readSync { try $0.current(type: "Task", id: "t1") }?.versionId == 1)
    }

    @Test func everyReadSeesTheWritesCommittedBeforeIt() async throws {
        let db = TemporaryDatabase()
        let store = try ResourceStore(path: db.path, clock: ManualClock().closure)
        try store.createAll([task("t", patient: "p")])
        for version in 2...20 {
            _ = try await store.write {
                try $0.update(task("t", patient: "p", status: "v\(version)"), ifMatch: version - 1)
            }
            // Reads run concurrently on pooled connections that last read an older snapshot.
            let seen = try await withThrowingTaskGroup(of: Int?.self) { group in
                for _ in 0..<4 {
                    group.addTask { try await store.read { try $0.current(type: "Task", id: "t") }?.versionId }
                }
                return try await group.reduce(into: [Int?]()) { $0.append($1) }
            }
            #expect(seen == Array(repeating: version, count: 4))
        }
    }

    @Test func aReadThatThrowsLeavesItsConnectionUsable() async throws {
        let db = TemporaryDatabase()
        let store = try ResourceStore(path: db.path, clock: ManualClock().closure)
        try store.createAll([task("a", patient: "p")])
        await #expect(throws: Boom.self) {
            try await store.read { reader throws in
                _ = try reader.current(type: "Task", id: "a")
                throw Boom()
            }
        }
        // The same (only) connection serves the next read, which must not be stuck in the old snapshot.
        try store.createAll([task("b", patient: "p")])
        #expect(try store.readSync { try $0.current(type: "Task", id: "b") } != nil)
    }

    @Test func readsDoNotWaitForAWriteInProgress() async throws {
        let db = TemporaryDatabase()
        let store = try ResourceStore(path: db.path, clock: ManualClock().closure)
        try store.createAll([task("a", patient: "p")])
        let entered = AsyncSignal()
        // Blocks the writer's own queue, never a cooperative thread.
        let release = DispatchSemaphore(value: 0)
        let writing = Task {
            try await store.write { writer throws in
                _ = try writer.create(task("b", patient: "p"), ifNoneExist: nil)
                entered.fire()
                release.wait()
            }
        }
        await entered.wait()
        // WAL: the open write transaction does not block readers, and they do not see it yet.
        #expect(try store.readSync { try $0.current(type: "Task", id: "a") } != nil)
        #expect(try store.readSync { try $0.current(type: "Task", id: "b") } == nil)
        release.signal()
        try await writing.value
        #expect(try store.readSync { try $0.current(type: "Task", id: "b") } != nil)
    }
}
