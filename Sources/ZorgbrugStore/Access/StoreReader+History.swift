import GRDB

extension StoreReader {
    /// Versions newest first, deletions included (https://hl7.org/fhir/R4/http.html#history).
    ///
    /// - Parameters:
    ///   - type: limit to one resource type (type-level history); `nil` for all types (system level).
    ///   - id: with `type`, limit to one resource (instance level); ignored without `type`.
    ///   - since: `_since`: only versions with `lastUpdated >= since` (epoch ms).
    ///   - scope: only versions whose own patient/organization is inside it.
    ///   - count: the page size; negative counts as 0.
    ///   - cursor: where the page starts (from a previous ``HistoryPage/next``).
    /// - Throws: ``StoreError``.
    package func history(
        type: String?, id: String?, since: Int64?, scope: AccessScope, count: Int, cursor: HistoryCursor?
    ) throws(StoreError) -> HistoryPage {
        let limit = SearchSQL.pageSize(count)
        let (sql, arguments) = Self.historySQL(
            type: type, id: id, since: since, scope: scope, count: limit, cursor: cursor)
        var versions = try fetchAll(sql: sql, arguments: arguments)
        var next: HistoryCursor?
        if versions.count > limit {
            versions.removeLast(versions.count - limit)
            if let last = versions.last {
                next = HistoryCursor(
                    lastUpdated: last.lastUpdated, type: last.type, id: last.id, versionId: last.versionId)
            }
        }
        return HistoryPage(versions: versions, next: next)
    }

    /// SQLite's plan for a history page (for tests and diagnostics).
    func explainHistory(
        type: String?, id: String?, since: Int64?, scope: AccessScope, count: Int, cursor: HistoryCursor?
    ) throws(StoreError) -> [String] {
        let (sql, arguments) = Self.historySQL(
            type: type, id: id, since: since, scope: scope, count: count, cursor: cursor)
        return try mappingErrors {
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN \(sql)", arguments: arguments)
                .map { try $0.decode(String.self, atIndex: 3) }  // columns: id, parent, notused, detail
        }
    }

    /// The statement of one history page of `limit` versions (plus one, to know whether more follow).
    private static func historySQL(
        type: String?, id: String?, since: Int64?, scope: AccessScope, count limit: Int, cursor: HistoryCursor?
    ) -> (String, StatementArguments) {
        var clauses: [String] = []
        var arguments: [DatabaseValue] = []
        let instanceID = type == nil ? nil : id
        if let type {
            clauses.append("r.type = ?")
            arguments.append(type.databaseValue)
        }
        if let instanceID {
            clauses.append("r.id = ?")
            arguments.append(instanceID.databaseValue)
        }
        if let since {
            clauses.append("r.lastUpdated >= ?")
            arguments.append(since.databaseValue)
        }
        switch scope {
        case .unrestricted: break
        case .patient(let patientId):
            clauses.append("r.patientId = ?")
            arguments.append(patientId.databaseValue)
        case .organization(let organizationId):
            clauses.append("r.organizationId = ?")
            arguments.append(organizationId.databaseValue)
        }
        if let cursor {
            // Compare only the columns that vary at this level, in index order, so the index serves the range.
            if instanceID != nil {
                clauses.append("(r.lastUpdated, r.versionId) < (?, ?)")
                arguments += [cursor.lastUpdated.databaseValue, cursor.versionId.databaseValue]
            } else if type != nil {
                clauses.append("(r.lastUpdated, r.id, r.versionId) < (?, ?, ?)")
                arguments += [
                    cursor.lastUpdated.databaseValue, cursor.id.databaseValue, cursor.versionId.databaseValue,
                ]
            } else {
                clauses.append("(r.lastUpdated, r.type, r.id, r.versionId) < (?, ?, ?, ?)")
                arguments += [
                    cursor.lastUpdated.databaseValue, cursor.type.databaseValue, cursor.id.databaseValue,
                    cursor.versionId.databaseValue,
                ]
            }
        }
        arguments.append((SearchSQL.pageSize(limit) + 1).databaseValue)
        let whereSQL = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
        let sql = """
            SELECT \(resourceColumns) FROM resourceVersion r \(whereSQL) \
            ORDER BY r.lastUpdated DESC, r.type DESC, r.id DESC, r.versionId DESC LIMIT ?
            """
        return (sql, StatementArguments(arguments))
    }
}
