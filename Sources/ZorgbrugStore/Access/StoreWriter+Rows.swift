import FHIR
import GRDB
import ZorgbrugCore

extension StoreWriter {
    /// The stored form of `resource` as version `versionId`: `resourceType`, `id` and `meta` set in its JSON
    /// (a tombstone's JSON is reduced to those).
    func makeVersion(of resource: NewResource, versionId: Int, lastUpdated: Int64, isDeleted: Bool) -> StoredResource {
        var json = isDeleted ? JSONObject() : resource.json
        var meta = json["meta"]?.objectValue ?? JSONObject()
        meta["versionId"] = .string(String(versionId))
        meta["lastUpdated"] = .string(InstantText.format(lastUpdated))
        json["resourceType"] = .string(resource.type)
        json["id"] = .string(resource.id)
        json["meta"] = .object(meta)
        return StoredResource(
            type: resource.type, id: resource.id, versionId: versionId, lastUpdated: lastUpdated, isDeleted: isDeleted,
            json: json, patientId: resource.patientId, organizationId: resource.organizationId)
    }

    /// Arguments in ``StoreReader/resourceColumns`` order; `text` is `r.text` as a string, computed once per
    /// version by the caller (the current row and the history row store the same text).
    static func rowArguments(_ r: StoredResource, text: String) -> StatementArguments {
        [r.type, r.id, r.versionId, r.lastUpdated, r.isDeleted, r.patientId, r.organizationId, text]
    }

    /// Runs a cached statement.
    func execute(sql: String, arguments: StatementArguments) throws(StoreError) {
        try mappingErrors { try db.cachedStatement(sql: sql).execute(arguments: arguments) }
    }

    /// Overwrites the `resource` row with `stored` (`text`: its serialized JSON).
    func replaceCurrent(_ stored: StoredResource, text: String) throws(StoreError) {
        try execute(
            sql: """
                UPDATE resource SET versionId = ?, lastUpdated = ?, deleted = ?, patientId = ?, organizationId = ?, json = ?
                WHERE type = ? AND id = ?
                """,
            arguments: [
                stored.versionId, stored.lastUpdated, stored.isDeleted, stored.patientId, stored.organizationId,
                text, stored.type, stored.id,
            ])
    }

    /// Appends `stored` to the version history (`text`: its serialized JSON).
    func insertVersion(_ stored: StoredResource, text: String) throws(StoreError) {
        try execute(
            sql: """
                INSERT INTO resourceVersion (type, id, versionId, lastUpdated, deleted, patientId, organizationId, json)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: Self.rowArguments(stored, text: text))
    }

    /// Writes the search index rows of `type/id`, which belongs to `patientId`; repeated entries are stored once.
    func insertIndex(_ entries: [SearchIndexEntry], type: String, id: String, patientId: String?) throws(StoreError) {
        for entry in entries {
            switch entry.value {
            case .token(let system, let code):
                try execute(
                    sql: "INSERT OR IGNORE INTO searchToken (type, id, param, system, code, patientId) VALUES (?, ?, ?, ?, ?, ?)",
                    arguments: [type, id, entry.parameter, system ?? "", code, patientId])
            case .string(let value):
                try execute(
                    sql: "INSERT OR IGNORE INTO searchString (type, id, param, value) VALUES (?, ?, ?, ?)",
                    arguments: [type, id, entry.parameter, value])
            case .reference(let targetType, let targetId):
                try execute(
                    sql:
                        "INSERT OR IGNORE INTO searchReference (type, id, param, targetType, targetId) VALUES (?, ?, ?, ?, ?)",
                    arguments: [type, id, entry.parameter, targetType, targetId])
            case .date(let low, let high):
                try execute(
                    sql: "INSERT OR IGNORE INTO searchDate (type, id, param, low, high) VALUES (?, ?, ?, ?, ?)",
                    arguments: [type, id, entry.parameter, low, high])
            case .uri(let value):
                try execute(
                    sql: "INSERT OR IGNORE INTO searchUri (type, id, param, value) VALUES (?, ?, ?, ?)",
                    arguments: [type, id, entry.parameter, value])
            }
        }
    }

    /// Removes every search index row of `type/id`.
    func deleteIndex(type: String, id: String) throws(StoreError) {
        for table in ["searchToken", "searchString", "searchReference", "searchDate", "searchUri"] {
            try execute(sql: "DELETE FROM \(table) WHERE type = ? AND id = ?", arguments: [type, id])
        }
    }

    /// Records that `type/id` is being created for `condition.criteriaKey`.
    ///
    /// - Returns: `nil` when the key is ours; the resource that won the key when an identical conditional
    ///   create got there first and it still matches (only possible where the search cannot see the winner,
    ///   e.g. several database servers; SQLite's write lock already serialises creates). A key left over by a
    ///   resource that was since deleted or changed is taken over.
    func claimCriteriaKey(_ condition: ConditionalCreate, type: String, id: String) throws(StoreError)
        -> StoredResource?
    {
        do {
            try execute(
                sql: "INSERT INTO conditionalCreate (type, criteriaKey, resourceId) VALUES (?, ?, ?)",
                arguments: [type, condition.criteriaKey, id])
            return nil
        } catch where error.code == .duplicate {
            let winnerID = try mappingErrors {
                try String.fetchOne(
                    db.cachedStatement(
                        sql: "SELECT resourceId FROM conditionalCreate WHERE type = ? AND criteriaKey = ?"),
                    arguments: [type, condition.criteriaKey])
            }
            if let winnerID, let winner = try current(type: type, id: winnerID), !winner.isDeleted,
                try matches(condition.query, id: winnerID)
            {
                return winner
            }
            try execute(
                sql: "UPDATE conditionalCreate SET resourceId = ? WHERE type = ? AND criteriaKey = ?",
                arguments: [id, type, condition.criteriaKey])
            return nil
        }
    }
}

/// The bookkeeping columns of a current version, without its JSON.
struct CurrentState {
    var versionId: Int
    var lastUpdated: Int64
    var isDeleted: Bool
    var patientId: String?
    var organizationId: String?
}

extension StoreWriter {
    /// The bookkeeping of `type/id`'s current version, without parsing its JSON; `nil` when it never existed.
    func currentState(type: String, id: String) throws(StoreError) -> CurrentState? {
        try mappingErrors {
            let statement = try db.cachedStatement(
                sql: """
                    SELECT versionId, lastUpdated, deleted, patientId, organizationId FROM resource WHERE type = ? AND id = ?
                    """)
            guard let row = try Row.fetchOne(statement, arguments: [type, id]) else { return nil }
            return CurrentState(
                versionId: try row.decode(Int.self, atIndex: 0), lastUpdated: try row.decode(Int64.self, atIndex: 1),
                isDeleted: try row.decode(Bool.self, atIndex: 2), patientId: try row.decode(String?.self, atIndex: 3),
                organizationId: try row.decode(String?.self, atIndex: 4))
        }
    }
}
