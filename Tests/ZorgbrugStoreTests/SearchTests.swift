import Testing
import ZorgbrugCore

@testable import ZorgbrugStore

@Suite struct SearchTests {
    private func query(_ type: String, _ conditions: SearchCondition...) -> SearchQuery {
        SearchQuery(resourceType: type, scope: .unrestricted, conditions: conditions)
    }

    private func tokenStore() throws -> ResourceStore {
        let store = try memoryStore()
        try store.createAll([
            resource("Observation", "sys-a", [.init(parameter: "code", value: .token(system: "http://a", code: "1"))]),
            resource("Observation", "sys-b", [.init(parameter: "code", value: .token(system: "http://b", code: "1"))]),
            resource("Observation", "no-sys", [.init(parameter: "code", value: .token(system: nil, code: "1"))]),
            resource("Observation", "other", [.init(parameter: "code", value: .token(system: "http://a", code: "2"))]),
            resource("Observation", "none", []),
        ])
        return store
    }

    @Test(arguments: [
        (TokenMatch(system: .any, code: "1"), ["sys-a", "sys-b", "no-sys"]),
        (TokenMatch(system: .equals("http://a"), code: "1"), ["sys-a"]),
        (TokenMatch(system: .none, code: "1"), ["no-sys"]),
        (TokenMatch(system: .equals("http://a"), code: nil), ["sys-a", "other"]),
        (TokenMatch(system: .none, code: nil), ["no-sys"]),
        (TokenMatch(system: .equals("http://c"), code: "1"), []),
    ])
    func tokenSystemForms(match: TokenMatch, expected: [String]) throws {
        let store = try tokenStore()
        let ids = try store.ids(query("Observation", .init(parameter: "code", match: .token([match]))))
        #expect(Set(ids) == Set(expected))
    }

    @Test func tokenValuesAreOred() throws {
        let store = try tokenStore()
        let ids = try store.ids(
            query(
                "Observation",
                .init(
                    parameter: "code",
                    match: .token([
                        TokenMatch(system: .equals("http://b"), code: "1"), TokenMatch(system: .any, code: "2"),
                    ]))))
        #expect(Set(ids) == ["sys-b", "other"])
        #expect(try store.ids(query("Observation", .init(parameter: "code", match: .token([])))) == [])
    }

    @Test func tokenNotIncludesResourcesWithoutTheParameter() throws {
        let store = try tokenStore()
        let ids = try store.ids(
            query(
                "Observation", .init(parameter: "code", match: .tokenNot([TokenMatch(system: .any, code: "1")]))))
        #expect(Set(ids) == ["other", "none"])
    }

    @Test(arguments: [
        (StringMatchMode.prefix, "jan", ["jan", "jansen", "jans"]),
        (StringMatchMode.exact, "jan", ["jan"]),
        (StringMatchMode.contains, "ans", ["jansen", "jans", "hans"]),
        (StringMatchMode.prefix, "x", []),
        (StringMatchMode.prefix, "", ["jan", "jansen", "jans", "hans"]),
    ])
    func stringModes(mode: StringMatchMode, value: String, expected: [String]) throws {
        let store = try memoryStore()
        try store.createAll(
            ["jan", "jansen", "hans"].map { resource("Patient", $0, [.init(parameter: "name", value: .string($0))]) })
        try store.createAll([
            resource(
                "Patient", "jans",
                [.init(parameter: "family", value: .string("x")), .init(parameter: "name", value: .string("jans"))])
        ])
        let ids = try store.ids(query("Patient", .init(parameter: "name", match: .string([value], mode: mode))))
        #expect(Set(ids) == Set(expected))
    }

    @Test func stringPrefixHandlesNonASCII() throws {
        let store = try memoryStore()
        try store.createAll([
            resource("Patient", "a", [.init(parameter: "name", value: .string("zoë"))]),
            resource("Patient", "b", [.init(parameter: "name", value: .string("zo"))]),
            resource("Patient", "c", [.init(parameter: "name", value: .string("zp"))]),
        ])
        #expect(
            Set(try store.ids(query("Patient", .init(parameter: "name", match: .string(["zo"], mode: .prefix))))) == [
                "a", "b",
            ])
        #expect(
            try store.ids(query("Patient", .init(parameter: "name", match: .string(["zoë"], mode: .prefix)))) == ["a"])
    }

    @Test func referenceAndUri() throws {
        let store = try memoryStore()
        try store.createAll([
            task("t1", patient: "p1", extra: [.init(parameter: "instantiates", value: .uri("http://q/1"))]),
            task("t2", patient: "p2", extra: [.init(parameter: "instantiates", value: .uri("http://q/2"))]),
            task("t3", patient: "p3"),
        ])
        let refs = try store.ids(
            query(
                "Task", .init(parameter: "patient", match: .reference([("Patient", "p1"), ("Patient", "p3")]))))
        #expect(refs == ["t1", "t3"])
        #expect(try store.ids(query("Task", .init(parameter: "patient", match: .reference([("Group", "p1")])))) == [])
        #expect(try store.ids(query("Task", .init(parameter: "instantiates", match: .uri(["http://q/2"])))) == ["t2"])
    }

    @Test func missing() throws {
        let store = try memoryStore()
        try store.createAll([task("t1", patient: "p1"), task("t2")])
        #expect(try store.ids(query("Task", .init(parameter: "patient", match: .missing(true)))) == ["t2"])
        #expect(try store.ids(query("Task", .init(parameter: "patient", match: .missing(false)))) == ["t1"])
    }

    @Test func conditionsAreAnded() throws {
        let store = try memoryStore()
        try store.createAll([
            task("t1", patient: "p1", status: "ready"),
            task("t2", patient: "p1", status: "completed"),
            task("t3", patient: "p2", status: "ready"),
        ])
        let ids = try store.ids(
            query(
                "Task",
                .init(parameter: "patient", match: .reference([("Patient", "p1")])),
                .init(parameter: "status", match: .token([TokenMatch(code: "ready")]))))
        #expect(ids == ["t1"])
    }

    @Test func otherTypesAreNeverReturned() throws {
        let store = try memoryStore()
        try store.createAll([
            resource("Observation", "x", [.init(parameter: "status", value: .token(system: nil, code: "final"))]),
            resource("Condition", "x", [.init(parameter: "status", value: .token(system: nil, code: "final"))]),
        ])
        let found = try store.readSync {
            try $0.search(
                self.query("Observation", .init(parameter: "status", match: .token([TokenMatch(code: "final")]))))
        }
        #expect(found.resources.map(\.type) == ["Observation"])
    }

    // Parameter range [100, 200); each resource has one date range.
    private static let dateRanges: [(String, Int64, Int64)] = [
        ("before", 50, 60), ("overlapStart", 90, 110), ("inside", 120, 150), ("overlapEnd", 190, 210),
        ("after", 200, 300), ("equal", 100, 200), ("covering", 50, 300),
    ]

    @Test(arguments: [
        (DatePrefix.eq, ["inside", "equal"]),
        (.ne, ["before", "overlapStart", "overlapEnd", "after", "covering"]),
        (.gt, ["overlapEnd", "after", "covering"]),
        (.lt, ["before", "overlapStart", "covering"]),
        (.ge, ["inside", "overlapEnd", "after", "equal", "covering"]),
        (.le, ["before", "overlapStart", "inside", "equal", "covering"]),
        (.sa, ["after"]),
        (.eb, ["before"]),
    ])
    func datePrefixes(prefix: DatePrefix, expected: [String]) throws {
        let store = try memoryStore()
        try store.createAll(
            Self.dateRanges.map { id, low, high in
                resource("Encounter", id, [.init(parameter: "date", value: .date(low: low, high: high))])
            })
        let ids = try store.ids(
            query("Encounter", .init(parameter: "date", match: .date([DateBound(prefix, low: 100, high: 200)]))))
        #expect(Set(ids) == Set(expected))
    }

    @Test func dateBoundsAreOred() throws {
        let store = try memoryStore()
        try store.createAll(
            Self.dateRanges.map { id, low, high in
                resource("Encounter", id, [.init(parameter: "date", value: .date(low: low, high: high))])
            })
        let ids = try store.ids(
            query(
                "Encounter",
                .init(
                    parameter: "date",
                    match: .date([DateBound(.sa, low: 100, high: 200), DateBound(.eb, low: 100, high: 200)]))))
        #expect(Set(ids) == ["after", "before"])
    }

    @Test(
        arguments: [
            (DatePrefix.eq, 1_500, 2_500, ["b"]),
            (.ne, 1_500, 2_500, ["a", "c"]),
            (.gt, 2_000, 2_001, ["c"]),
            (.ge, 2_000, 2_001, ["b", "c"]),
            (.lt, 2_000, 2_001, ["a"]),
            (.le, 2_000, 2_001, ["a", "b"]),
            (.sa, 1_000, 2_000, ["b", "c"]),
            (.eb, 2_000, 3_000, ["a"]),
        ] as [(DatePrefix, Int64, Int64, [String])])
    func lastUpdated(prefix: DatePrefix, low: Int64, high: Int64, expected: [String]) throws {
        let clock = ManualClock()
        let store = try memoryStore(clock)
        for (id, time) in [("a", Int64(1_000)), ("b", 2_000), ("c", 3_000)] {
            clock.set(time)
            try store.createAll([task(id)])
        }
        let ids = try store.ids(
            SearchQuery(
                resourceType: "Task", scope: .unrestricted, lastUpdated: [DateBound(prefix, low: low, high: high)]))
        #expect(ids == expected)
    }

    @Test func lastUpdatedBoundsAreAnded() throws {
        let clock = ManualClock()
        let store = try memoryStore(clock)
        for (id, time) in [("a", Int64(1_000)), ("b", 2_000), ("c", 3_000)] {
            clock.set(time)
            try store.createAll([task(id, patient: "p")])
        }
        let bounds = [DateBound(.ge, low: 1_500, high: 1_501), DateBound(.lt, low: 2_500, high: 2_501)]
        #expect(try store.ids(SearchQuery(resourceType: "Task", scope: .unrestricted, lastUpdated: bounds)) == ["b"])
        // Same with a driving condition (the `+r.lastUpdated` form).
        let driven = SearchQuery(
            resourceType: "Task", scope: .unrestricted,
            conditions: [.init(parameter: "patient", match: .reference([("Patient", "p")]))],
            lastUpdated: bounds)
        #expect(try store.ids(driven) == ["b"])
    }

    @Test func sortBothWaysWithTieBreakOnId() throws {
        let clock = ManualClock()
        let store = try memoryStore(clock)
        clock.set(1_000, step: 0)
        try store.createAll([task("b"), task("a")])
        clock.set(2_000, step: 0)
        try store.createAll([task("c")])
        #expect(
            try store.ids(SearchQuery(resourceType: "Task", scope: .unrestricted, sort: .lastUpdatedAscending)) == [
                "a", "b", "c",
            ])
        #expect(
            try store.ids(SearchQuery(resourceType: "Task", scope: .unrestricted, sort: .lastUpdatedDescending)) == [
                "c", "b", "a",
            ])
        let driven = SearchQuery(
            resourceType: "Task", scope: .unrestricted,
            conditions: [.init(parameter: "status", match: .token([TokenMatch(code: "ready")]))],
            sort: .lastUpdatedDescending)
        #expect(try store.ids(driven) == ["c", "b", "a"])
    }

    @Test func countAndTotal() throws {
        let store = try memoryStore()
        try store.createAll((0..<7).map { task("t\($0)", status: $0 < 5 ? "ready" : "completed") })
        let ready = SearchQuery(
            resourceType: "Task", scope: .unrestricted,
            conditions: [.init(parameter: "status", match: .token([TokenMatch(code: "ready")]))],
            count: 2, includeTotal: true)
        let page = try store.readSync { try $0.search(ready) }
        #expect(page.resources.count == 2)
        #expect(page.total == 5)
        #expect(try store.readSync { try $0.count(ready) } == 5)
        var withoutTotal = ready
        withoutTotal.includeTotal = false
        #expect(try store.readSync { try $0.search(withoutTotal) }.total == nil)
        var zero = ready
        zero.count = 0
        let empty = try store.readSync { try $0.search(zero) }
        #expect(empty.resources.isEmpty)
        #expect(empty.total == 5)
    }
}
