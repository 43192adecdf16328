import Foundation
import Testing
import ZorgbrugCore

@testable import ZorgbrugStore

@Suite struct ConditionalCreateTests {
    private static let identifier = SearchIndexEntry(
        parameter: "identifier", value: .token(system: "urn:x", code: "42"))

    private static let condition = ConditionalCreate(
        criteriaKey: "identifier=urn:x|42",
        query: SearchQuery(
            resourceType: "Task", scope: .unrestricted,
            conditions: [
                .init(parameter: "identifier", match: .token([TokenMatch(system: .equals("urn:x"), code: "42")]))
            ]))

    private func candidate(_ id: String = UUID().uuidString) -> NewResource {
        task(id, patient: "p1", extra: [Self.identifier])
    }

    @Test func createsOnceThenFindsTheExisting() throws {
        let store = try memoryStore()
        let first = try store.writeSync { try $0.create(candidate("a"), ifNoneExist: Self.condition) }
        let second = try store.writeSync { try $0.create(candidate("b"), ifNoneExist: Self.condition) }
        guard case .created(let created) = first, case .existing(let existing) = second else {
            Issue.record("got \(first) and \(second)")
            return
        }
        #expect(created.id == "a")
        #expect(existing == created)
        #expect(try store.readSync { try $0.current(type: "Task", id: "b") } == nil)
    }

    @Test func severalMatchesIsDuplicate() throws {
        let store = try memoryStore()
        try store.createAll([candidate("a"), candidate("b")])
        #expect {
            try store.writeSync { try $0.create(candidate("c"), ifNoneExist: Self.condition) }
        } throws: { error in
            (error as? StoreError)?.code == .duplicate
        }
        #expect(try store.readSync { try $0.rowCount(of: "resource") } == 2)
    }

    @Test func staleKeyOfAChangedResourceIsTakenOver() throws {
        let store = try memoryStore()
        _ = try store.writeSync { try $0.create(candidate("a"), ifNoneExist: Self.condition) }
        // "a" loses the identifier: the key row still names it, but it no longer matches.
        _ = try store.writeSync { try $0.update(task("a", patient: "p1"), ifMatch: nil) }
        let again = try store.writeSync { try $0.create(candidate("b"), ifNoneExist: Self.condition) }
        #expect(again == .created(again.resource))
        #expect(again.resource.id == "b")
        // And the key now protects "b".
        let third = try store.writeSync { try $0.create(candidate("c"), ifNoneExist: Self.condition) }
        #expect(third == .existing(again.resource))
    }

    @Test func staleKeyOfADeletedResourceIsTakenOver() throws {
        let store = try memoryStore()
        _ = try store.writeSync { try $0.create(candidate("a"), ifNoneExist: Self.condition) }
        _ = try store.writeSync { try $0.delete(type: "Task", id: "a") }
        let again = try store.writeSync { try $0.create(candidate("b"), ifNoneExist: Self.condition) }
        #expect(again == .created(again.resource))
    }

    @Test func keyIsClaimedByTheWinnerWhenTheSearchCannotSeeIt() throws {
        // Simulates a racing creator whose resource this transaction's search misses: the key row exists
        // and points at a live, matching resource, so the unique index makes this create lose.
        let store = try memoryStore()
        try store.createAll([candidate("winner")])
        let outcome = try store.writeSync { writer throws in
            try writer.execute(
                sql: "INSERT INTO conditionalCreate (type, criteriaKey, resourceId) VALUES (?, ?, ?)",
                arguments: ["Task", Self.condition.criteriaKey, "winner"])
            return try writer.claimCriteriaKey(Self.condition, type: "Task", id: "loser")
        }
        #expect(outcome?.id == "winner")
    }

    @Test func fiftyConcurrentIdenticalCreatesMakeOneResource() async throws {
        let db = TemporaryDatabase()
        let store = try ResourceStore(path: db.path, clock: ManualClock().closure)
        let outcomes = try await withThrowingTaskGroup(of: CreateOutcome.self) { group in
            for _ in 0..<50 {
                group.addTask {
                    try await store.write { try $0.create(candidate(), ifNoneExist: Self.condition) }
                }
            }
            var all: [CreateOutcome] = []
            for try await outcome in group { all.append(outcome) }
            return all
        }
        try expectOneWinner(outcomes, store: store, attempts: 50)
    }

    @Test func concurrentCreatesThroughTwoConnectionPoolsMakeOneResource() async throws {
        let db = TemporaryDatabase()
        let first = try ResourceStore(path: db.path, clock: ManualClock().closure)
        let second = try ResourceStore(path: db.path, clock: ManualClock().closure)
        let outcomes = try await withThrowingTaskGroup(of: CreateOutcome.self) { group in
            for i in 0..<40 {
                let store = i % 2 == 0 ? first : second
                group.addTask {
                    try await store.write { try $0.create(candidate(), ifNoneExist: Self.condition) }
                }
            }
            var all: [CreateOutcome] = []
            for try await outcome in group { all.append(outcome) }
            return all
        }
        try expectOneWinner(outcomes, store: first, attempts: 40)
    }

    private func expectOneWinner(_ outcomes: [CreateOutcome], store: ResourceStore, attempts: Int) throws {
        let created = outcomes.filter { if case .created = $0 { true } else { false } }
        #expect(outcomes.count == attempts)
        #expect(created.count == 1)
        #expect(Set(outcomes.map(\.resource.id)).count == 1)
        #expect(try store.readSync { try $0.count(Self.condition.query) } == 1)
        #expect(try store.readSync { try $0.rowCount(of: "resource") } == 1)
    }
}
