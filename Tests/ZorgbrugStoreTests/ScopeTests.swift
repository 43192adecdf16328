import Testing
import ZorgbrugCore

@testable import ZorgbrugStore

/// A row of another patient or organization is never returned by any list-returning read.
@Suite struct ScopeTests {
    private func store() throws -> ResourceStore {
        let store = try memoryStore()
        try store.createAll([
            task("mine", patient: "p1", organization: "o1"),
            task("theirs", patient: "p2", organization: "o2"),
            task("nobody"),
        ])
        return store
    }

    private static let scopes: [(AccessScope, String)] = [
        (.patient("p1"), "mine"), (.organization("o1"), "mine"), (.patient("p2"), "theirs"),
        (.organization("o2"), "theirs"),
    ]

    @Test(arguments: scopes)
    func search(scope: AccessScope, visible: String) throws {
        let store = try store()
        let unconditioned = SearchQuery(resourceType: "Task", scope: scope)
        #expect(try store.ids(unconditioned) == [visible])
        // Conditions that match every row, including a driving one, do not widen the scope.
        let broad = SearchQuery(
            resourceType: "Task", scope: scope,
            conditions: [
                .init(parameter: "status", match: .token([TokenMatch(code: "ready")])),
                .init(parameter: "patient", match: .reference([("Patient", "p1"), ("Patient", "p2")])),
            ], includeTotal: true)
        let page = try store.readSync { try $0.search(broad) }
        #expect(page.resources.map(\.id) == [visible])
        #expect(page.total == 1)
        #expect(try store.readSync { try $0.count(broad) } == 1)
    }

    @Test(arguments: scopes)
    func history(scope: AccessScope, visible: String) throws {
        let store = try store()
        let page = try store.readSync {
            try $0.history(type: nil, id: nil, since: nil, scope: scope, count: 10, cursor: nil)
        }
        #expect(page.versions.map(\.id) == [visible])
    }

    @Test(arguments: scopes)
    func includeAndRevinclude(scope: AccessScope, visible: String) throws {
        let store = try store()
        let included = try store.readSync {
            try $0.resources([("Task", "mine"), ("Task", "theirs"), ("Task", "nobody")], scope: scope)
        }
        #expect(included.map(\.id) == [visible])
        let referencing = try store.readSync {
            try $0.referencing(
                sourceType: "Task", parameter: "patient", targets: [("Patient", "p1"), ("Patient", "p2")], scope: scope,
                limit: 10)
        }
        #expect(referencing.map(\.id) == [visible])
    }

    @Test func permits() throws {
        #expect(AccessScope.unrestricted.permits(patientId: nil, organizationId: nil))
        #expect(AccessScope.patient("p").permits(patientId: "p", organizationId: nil))
        #expect(!AccessScope.patient("p").permits(patientId: nil, organizationId: "p"))
        #expect(!AccessScope.organization("o").permits(patientId: "o", organizationId: nil))
        #expect(AccessScope.organization("o").permits(patientId: nil, organizationId: "o"))
    }
}
