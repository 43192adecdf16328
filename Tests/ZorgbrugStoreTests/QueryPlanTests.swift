import Testing
import ZorgbrugCore

@testable import ZorgbrugStore

/// The searches that must stay index-driven at 1,000,000 rows, checked with EXPLAIN QUERY PLAN.
@Suite struct QueryPlanTests {
    private func store() throws -> ResourceStore {
        let store = try memoryStore()
        try store.writeSync { writer throws in
            for i in 0..<300 {
                _ = try writer.create(
                    task(
                        "t\(i)", patient: "p\(i % 30)", organization: "o\(i % 3)",
                        status: i % 4 == 0 ? "ready" : "completed",
                        extra: [
                            .init(
                                parameter: "authored-on",
                                value: .date(low: Int64(i) * 1000, high: Int64(i) * 1000 + 1000))
                        ]),
                    ifNoneExist: nil)
            }
        }
        return store
    }

    private static let patientAndStatus = [
        SearchCondition(parameter: "patient", match: .reference([("Patient", "p8")])),
        SearchCondition(parameter: "status", match: .token([TokenMatch(code: "ready")])),
    ]

    private static let queries: [(String, SearchQuery)] = [
        ("patient & status", SearchQuery(resourceType: "Task", scope: .unrestricted, conditions: patientAndStatus)),
        (
            "status & patient, newest first, paged",
            SearchQuery(
                resourceType: "Task", scope: .unrestricted, conditions: patientAndStatus.reversed(),
                sort: .lastUpdatedDescending,
                cursor: SearchCursor(lastUpdated: 5, id: "x"))
        ),
        (
            "patient & status in patient scope",
            SearchQuery(resourceType: "Task", scope: .patient("p8"), conditions: patientAndStatus)
        ),
        (
            "status OR with system",
            SearchQuery(
                resourceType: "Task", scope: .unrestricted,
                conditions: [
                    .init(
                        parameter: "status",
                        match: .token([
                            TokenMatch(system: .equals("http://hl7.org/fhir/task-status"), code: "ready"),
                            TokenMatch(code: "requested"),
                        ]))
                ])
        ),
        (
            "patient & _lastUpdated",
            SearchQuery(
                resourceType: "Task", scope: .unrestricted, conditions: [patientAndStatus[0]],
                lastUpdated: [DateBound(.ge, low: 0, high: 1)])
        ),
        ("type only", SearchQuery(resourceType: "Task", scope: .unrestricted)),
        ("patient scope only", SearchQuery(resourceType: "Task", scope: .patient("p7"))),
        ("organization scope only", SearchQuery(resourceType: "Task", scope: .organization("o1"))),
        (
            "date probe with patient",
            SearchQuery(
                resourceType: "Task", scope: .unrestricted,
                conditions: [
                    patientAndStatus[0],
                    .init(parameter: "authored-on", match: .date([DateBound(.ge, low: 0, high: 1)])),
                ])
        ),
    ]

    @Test(arguments: queries)
    func searchIsIndexDriven(name: String, query: SearchQuery) throws {
        let plan = try store().readSync { try $0.explainSearch(query) }
        let joined = plan.joined(separator: "\n")
        #expect(!plan.isEmpty)
        #expect(plan.allSatisfy { !$0.hasPrefix("SCAN") }, "full scan in plan for \(name):\n\(joined)")
        #expect(
            plan.contains { $0.hasPrefix("SEARCH r USING") }, "resource not reached by an index for \(name):\n\(joined)"
        )
    }

    @Test func patientAndStatusIsDrivenByTheReferenceIndex() throws {
        let plan = try store().readSync {
            try $0.explainSearch(
                SearchQuery(resourceType: "Task", scope: .unrestricted, conditions: Self.patientAndStatus))
        }
        let joined = plan.joined(separator: "\n")
        #expect(
            plan.contains {
                $0.contains("searchReference USING PRIMARY KEY (type=? AND param=? AND targetType=? AND targetId=?)")
            }, "\(joined)")
        #expect(plan.contains { $0.contains("(type=? AND id=?)") }, "\(joined)")
        #expect(
            !plan.contains { $0.contains("resource_type_lastUpdated") }, "walks the whole type in order:\n\(joined)")
        // And the answer is right.
        let ids = try store().ids(
            SearchQuery(resourceType: "Task", scope: .unrestricted, conditions: Self.patientAndStatus))
        #expect(ids == ["t8", "t68", "t128", "t188", "t248"])
        // The status is checked on the token index inside the driver's subquery, so only ready Tasks' rows are read.
        let (sql, _) = SearchSQL.page(
            SearchQuery(resourceType: "Task", scope: .unrestricted, conditions: Self.patientAndStatus), driver: 0)
        #expect(
            sql.contains("r.id IN (SELECT d.id FROM (SELECT type, id FROM searchReference WHERE")
                && sql.contains(") d WHERE EXISTS (SELECT 1 FROM searchToken x WHERE x.type = d.type AND x.id = d.id"),
            "\(sql)")
    }

    /// The pickup search (`Task?patient=X&status=ready`): with the patient known from the compartment parameter,
    /// the status is checked on the patient-clustered token index (all of the patient's rows on one page), not
    /// through the primary key (one page per task).
    @Test func aKnownPatientChecksTokensOnThePatientIndex() throws {
        let store = try store()
        var query = SearchQuery(resourceType: "Task", scope: .organization("o2"), conditions: Self.patientAndStatus)
        query.patientOfMatches = "p8"
        let plan = try store.readSync { try $0.explainSearch(query) }
        let joined = plan.joined(separator: "\n")
        #expect(plan.contains { $0.contains("searchReference USING PRIMARY KEY") }, "\(joined)")
        #expect(
            plan.contains { $0.contains("searchToken_patient (type=? AND patientId=? AND param=? AND code=?") },
            "\(joined)")
        #expect(plan.allSatisfy { !$0.hasPrefix("SCAN") }, "\(joined)")
        #expect(try store.ids(query) == ["t8", "t68", "t128", "t188", "t248"])

        // A patient scope alone (a PGO's `Task?status=ready`): the status drives, from the patient's index rows,
        // without counting how broad `ready` is over all patients.
        let scoped = SearchQuery(resourceType: "Task", scope: .patient("p8"), conditions: [Self.patientAndStatus[1]])
        let scopedPlan = try store.readSync { try $0.explainSearch(scoped) }
        #expect(scopedPlan.contains { $0.contains("searchToken_patient") }, "\(scopedPlan.joined(separator: "\n"))")
        #expect(scopedPlan.allSatisfy { !$0.hasPrefix("SCAN") })
        #expect(try store.readSync { try $0.chooseDriver(scoped) } == 0)
        #expect(try store.ids(scoped) == ["t8", "t68", "t128", "t188", "t248"])
    }

    /// A provider's search: one organization holds (nearly) all Tasks, so the organization index is no help and
    /// must not be preferred over the patient reference's primary-key lookups (it walked every Task of the
    /// organization: latency grew with the table).
    @Test func organizationScopeDoesNotDisplaceTheDriver() throws {
        let store = try memoryStore()
        try store.writeSync { writer throws in
            for i in 0..<300 {
                _ = try writer.create(
                    task("t\(i)", patient: "p\(i % 30)", organization: "o", status: i % 2 == 0 ? "ready" : "completed"),
                    ifNoneExist: nil)
            }
        }
        let query = SearchQuery(resourceType: "Task", scope: .organization("o"), conditions: Self.patientAndStatus)
        let plan = try store.readSync { try $0.explainSearch(query) }
        let joined = plan.joined(separator: "\n")
        #expect(plan.contains { $0.hasPrefix("SEARCH r USING") && $0.contains("(type=? AND id=?)") }, "\(joined)")
        #expect(!plan.contains { $0.contains("resource_type_organization") }, "\(joined)")
        #expect(try store.ids(query) == ["t8", "t38", "t68", "t98", "t128", "t158", "t188", "t218", "t248", "t278"])
        // Without a driver the organization's index still serves the walk.
        let unconditioned = SearchQuery(resourceType: "Task", scope: .organization("o"))
        #expect(
            try store.readSync { try $0.explainSearch(unconditioned) }.contains {
                $0.contains("resource_type_organization")
            })
    }

    @Test(arguments: [(nil, nil), ("Task", nil), ("Task", "t1")] as [(String?, String?)])
    func historyIsIndexDriven(type: String?, id: String?) throws {
        let cursor = HistoryCursor(lastUpdated: 99, type: "Task", id: "t9", versionId: 1)
        let plan = try store().readSync { reader throws in
            try reader.explainHistory(type: type, id: id, since: 5, scope: .unrestricted, count: 10, cursor: cursor)
        }
        #expect(plan.allSatisfy { !$0.hasPrefix("SCAN") }, "\(plan.joined(separator: "\n"))")
        #expect(plan.contains { $0.hasPrefix("SEARCH r USING") }, "\(plan.joined(separator: "\n"))")
    }

    /// More `ready` tasks than ``SearchSQL/broadDriverThreshold``, a few with an identifier.
    private func broadStore() throws -> ResourceStore {
        let store = try memoryStore()
        try store.writeSync { writer throws in
            for i in 0..<(SearchSQL.broadDriverThreshold + 100) {
                let identifier = SearchIndexEntry(
                    parameter: "identifier", value: .token(system: "urn:x", code: "\(i % 200)"))
                _ = try writer.create(task("t\(i)", patient: "p\(i % 50)", extra: [identifier]), ifNoneExist: nil)
            }
        }
        return store
    }

    private static let ready = SearchCondition(parameter: "status", match: .token([TokenMatch(code: "ready")]))

    @Test func broadTokenWalksTheOrderedIndexInsteadOfSortingAllMatches() throws {
        let store = try broadStore()
        let query = SearchQuery(resourceType: "Task", scope: .unrestricted, conditions: [Self.ready], count: 10)
        let plan = try store.readSync { try $0.explainSearch(query) }
        let joined = plan.joined(separator: "\n")
        #expect(plan.contains { $0.contains("resource_type_lastUpdated") }, "\(joined)")
        #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "\(joined)")
        #expect(plan.allSatisfy { !$0.hasPrefix("SCAN") }, "\(joined)")
        let page = try store.readSync { try $0.search(query) }
        #expect(page.resources.map(\.id) == (0..<10).map { "t\($0)" })
        #expect(page.next != nil)
    }

    @Test func selectiveTokenDrivesEvenBesideABroadOne() throws {
        let store = try broadStore()
        let identifier = SearchCondition(
            parameter: "identifier", match: .token([TokenMatch(system: .equals("urn:x"), code: "7")]))
        let query = SearchQuery(resourceType: "Task", scope: .unrestricted, conditions: [Self.ready, identifier])
        let plan = try store.readSync { try $0.explainSearch(query) }
        let joined = plan.joined(separator: "\n")
        #expect(
            plan.contains { $0.contains("searchToken USING PRIMARY KEY (type=? AND param=? AND code=? AND system=?)") },
            "\(joined)")
        #expect(!plan.contains { $0.contains("resource_type_lastUpdated") }, "\(joined)")
        #expect(try store.ids(query) == ["t7", "t207", "t407", "t607", "t807", "t1007"])
        // The broad-first order of conditions does not matter, and a patient scope still holds.
        let scoped = SearchQuery(resourceType: "Task", scope: .patient("p7"), conditions: [Self.ready])
        #expect(try store.ids(scoped).count == 22)
        #expect(try store.readSync { try $0.explainSearch(scoped) }.allSatisfy { !$0.hasPrefix("SCAN") })
    }
}
