import Testing
import ZorgbrugCore

@testable import ZorgbrugStore

@Suite struct HistoryTests {
    /// t1 v1 @1000, t2 v1 @1001, o1 v1 @1002, t1 v2 @1003, t1 v3 (delete) @1004.
    private func storeWithHistory() throws -> ResourceStore {
        let store = try memoryStore(ManualClock(start: 1_000))
        try store.createAll([task("t1", patient: "p1"), task("t2", patient: "p2")])
        try store.createAll([resource("Observation", "o1", [], patient: "p1")])
        _ = try store.writeSync { try $0.update(task("t1", patient: "p1", status: "completed"), ifMatch: 1) }
        _ = try store.writeSync { try $0.delete(type: "Task", id: "t1") }
        return store
    }

    private func keys(_ page: HistoryPage) -> [String] {
        page.versions.map { "\($0.type)/\($0.id)/\($0.versionId)\($0.isDeleted ? "d" : "")" }
    }

    @Test func instanceTypeAndSystemLevels() throws {
        let store = try storeWithHistory()
        try store.readSync { reader throws in
            let instance = try reader.history(
                type: "Task", id: "t1", since: nil, scope: .unrestricted, count: 10, cursor: nil)
            #expect(keys(instance) == ["Task/t1/3d", "Task/t1/2", "Task/t1/1"])
            #expect(instance.next == nil)
            let type = try reader.history(
                type: "Task", id: nil, since: nil, scope: .unrestricted, count: 10, cursor: nil)
            #expect(keys(type) == ["Task/t1/3d", "Task/t1/2", "Task/t2/1", "Task/t1/1"])
            let system = try reader.history(
                type: nil, id: nil, since: nil, scope: .unrestricted, count: 10, cursor: nil)
            #expect(keys(system) == ["Task/t1/3d", "Task/t1/2", "Observation/o1/1", "Task/t2/1", "Task/t1/1"])
        }
    }

    @Test func since() throws {
        let store = try storeWithHistory()
        let page = try store.readSync {
            try $0.history(type: nil, id: nil, since: 1_002, scope: .unrestricted, count: 10, cursor: nil)
        }
        #expect(keys(page) == ["Task/t1/3d", "Task/t1/2", "Observation/o1/1"])
    }

    @Test(arguments: [("Task", "t1"), ("Task", nil), (nil, nil)] as [(String?, String?)])
    func pagingVisitsEveryVersionOnce(type: String?, id: String?) throws {
        let store = try storeWithHistory()
        let full = try store.readSync {
            try $0.history(type: type, id: id, since: nil, scope: .unrestricted, count: 100, cursor: nil)
        }
        var collected: [String] = []
        var cursor: HistoryCursor?
        for _ in 0..<20 {
            let page = try store.readSync {
                try $0.history(type: type, id: id, since: nil, scope: .unrestricted, count: 2, cursor: cursor)
            }
            collected += keys(page)
            guard let next = page.next else { break }
            cursor = HistoryCursor(token: next.token)
        }
        #expect(collected == keys(full))
    }

    @Test func scopeUsesEachVersionsOwnPatient() throws {
        let store = try storeWithHistory()
        try store.readSync { reader throws in
            let p1 = try reader.history(type: nil, id: nil, since: nil, scope: .patient("p1"), count: 10, cursor: nil)
            #expect(keys(p1) == ["Task/t1/3d", "Task/t1/2", "Observation/o1/1", "Task/t1/1"])
            let p2 = try reader.history(
                type: "Task", id: "t1", since: nil, scope: .patient("p2"), count: 10, cursor: nil)
            #expect(p2.versions.isEmpty)
            let org = try reader.history(
                type: nil, id: nil, since: nil, scope: .organization("o"), count: 10, cursor: nil)
            #expect(org.versions.isEmpty)
        }
    }
}
