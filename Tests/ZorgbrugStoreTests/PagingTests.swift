import Testing
import ZorgbrugCore

@testable import ZorgbrugStore

@Suite struct PagingTests {
    /// Reads every page of `query`, inserting `insertBetweenPages(pageNumber)` before each next page.
    private func allPages(
        _ store: ResourceStore, _ query: SearchQuery, insertBetweenPages: (Int) throws -> Void = { _ in }
    ) throws -> [String] {
        var query = query
        var ids: [String] = []
        var pageNumber = 0
        while true {
            let page = try store.readSync { try $0.search(query) }
            ids += page.resources.map(\.id)
            guard let next = page.next else { break }
            pageNumber += 1
            #expect(pageNumber < 100, "paging does not terminate")
            if pageNumber >= 100 { break }
            try insertBetweenPages(pageNumber)
            query.cursor = SearchCursor(token: next.token)
            #expect(query.cursor == next)
        }
        return ids
    }

    @Test(arguments: [SearchSort.lastUpdatedAscending, .lastUpdatedDescending])
    func everyMatchExactlyOnceWhileInserting(sort: SearchSort) throws {
        let clock = ManualClock()
        let store = try memoryStore(clock)
        // Groups of three share a timestamp, so pages split inside ties.
        var originals: [String] = []
        for i in 0..<25 {
            clock.set(1_000 + Int64(i / 3) * 10, step: 0)
            let id = "t\(String(i, radix: 36))-\(i)"
            originals.append(id)
            try store.createAll([task(id, patient: "p1")])
        }
        clock.set(5_000, step: 1)
        let query = SearchQuery(
            resourceType: "Task", scope: .unrestricted,
            conditions: [.init(parameter: "patient", match: .reference([("Patient", "p1")]))],
            sort: sort, count: 4)
        var inserted: [String] = []
        let ids = try allPages(store, query) { page in
            let id = "new\(page)"
            inserted.append(id)
            try store.createAll([task(id, patient: "p1")])
        }
        #expect(ids.count == Set(ids).count, "a resource was returned twice")
        #expect(Set(originals).isSubset(of: Set(ids)), "a resource was skipped")
        let expectedOrder = try store.ids(
            SearchQuery(
                resourceType: "Task", scope: .unrestricted, conditions: query.conditions, sort: sort, count: 1000)
        ).filter(Set(ids).contains)
        #expect(ids == expectedOrder)
        if sort == .lastUpdatedAscending {
            #expect(Set(ids) == Set(originals + inserted), "ascending paging reaches rows inserted meanwhile")
        }
    }

    @Test func pagingWithoutConditionsAndWithScope() throws {
        let store = try memoryStore()
        try store.createAll((0..<10).map { task("t\($0)", patient: $0 % 2 == 0 ? "even" : "odd") })
        let all = try allPages(store, SearchQuery(resourceType: "Task", scope: .unrestricted, count: 3))
        #expect(all == (0..<10).map { "t\($0)" })
        let even = try allPages(store, SearchQuery(resourceType: "Task", scope: .patient("even"), count: 2))
        #expect(even == ["t0", "t2", "t4", "t6", "t8"])
    }

    @Test func cursorTokensRoundTripAndRejectGarbage() {
        let cursor = SearchCursor(lastUpdated: -12, id: "a.b-c:d")
        #expect(SearchCursor(token: cursor.token) == cursor)
        #expect(cursor.token.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        for bad in ["", "!!!", "abc", HistoryCursor(lastUpdated: 1, type: "T", id: "i", versionId: 1).token] {
            #expect(SearchCursor(token: bad) == nil, "accepted \(bad)")
        }
        let history = HistoryCursor(lastUpdated: 99, type: "Task", id: "x:y", versionId: 3)
        #expect(HistoryCursor(token: history.token) == history)
        #expect(HistoryCursor(token: cursor.token) == nil)
    }

    @Test func base64URLRoundTripsEveryLength() {
        for length in 0..<10 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 97 &+ 251) }
            #expect(Base64URL.decode(Base64URL.encode(bytes)) == bytes)
        }
        #expect(Base64URL.decode("A") == nil)
    }
}
