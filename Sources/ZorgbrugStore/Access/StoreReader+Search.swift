import GRDB

extension StoreReader {
    /// One page of the current, non-deleted resources matching `query`, inside its scope, in its sort order.
    ///
    /// ``SearchPage/next`` is set when more matches follow; pass it back as ``SearchQuery/cursor`` with an
    /// otherwise identical query for the next page. ``SearchPage/total`` is set when
    /// ``SearchQuery/includeTotal`` is.
    ///
    /// - Throws: ``StoreError``.
    package func search(_ query: SearchQuery) throws(StoreError) -> SearchPage {
        let count = SearchSQL.pageSize(query.count)
        let (sql, arguments) = SearchSQL.page(query, driver: try chooseDriver(query))
        var resources = try fetchAll(sql: sql, arguments: arguments)
        var next: SearchCursor?
        if resources.count > count {
            resources.removeLast(resources.count - count)
            if let last = resources.last {
                next = SearchCursor(lastUpdated: last.lastUpdated, id: last.id)
            }
        }
        let total = query.includeTotal ? try self.count(query) : nil
        return SearchPage(resources: resources, next: next, total: total)
    }

    /// The number of current, non-deleted resources matching `query` inside its scope, over all pages
    /// (`_summary=count`). The cursor and page size are ignored.
    ///
    /// - Throws: ``StoreError``.
    package func count(_ query: SearchQuery) throws(StoreError) -> Int {
        let (sql, arguments) = SearchSQL.count(query)
        return try mappingErrors {
            let statement = try db.cachedStatement(sql: sql)
            return try Int.fetchOne(statement, arguments: arguments) ?? 0
        }
    }

    /// The condition to drive `query`'s page from: the first candidate that is selective by nature or whose
    /// index rows stay under ``SearchSQL/broadDriverThreshold``; `nil` to walk the ordered index (see
    /// ``SearchSQL``).
    func chooseDriver(_ query: SearchQuery) throws(StoreError) -> Int? {
        let threshold = SearchSQL.broadDriverThreshold
        for index in SearchSQL.driverCandidates(query.conditions) {
            guard SearchSQL.isPossiblyBroad(query.conditions[index].match, in: query) else { return index }
            let (sql, arguments) = SearchSQL.driverProbe(query, condition: index, limit: threshold)
            let found = try mappingErrors {
                try Int.fetchOne(db.cachedStatement(sql: sql), arguments: arguments) ?? 0
            }
            if found < threshold { return index }
        }
        return nil
    }

    /// `true` when the current version of `query.resourceType/id` matches `query` (conditions and scope).
    func matches(_ query: SearchQuery, id: String) throws(StoreError) -> Bool {
        let (sql, arguments) = SearchSQL.matches(query, id: id)
        return try mappingErrors {
            let statement = try db.cachedStatement(sql: sql)
            return try Int.fetchOne(statement, arguments: arguments) != nil
        }
    }

    /// SQLite's plan for `query`'s page statement, one `detail` line per step (for tests and diagnostics).
    func explainSearch(_ query: SearchQuery) throws(StoreError) -> [String] {
        let (sql, arguments) = SearchSQL.page(query, driver: try chooseDriver(query))
        return try mappingErrors {
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN \(sql)", arguments: arguments)
                .map { try $0.decode(String.self, atIndex: 3) }  // columns: id, parent, notused, detail
        }
    }
}
