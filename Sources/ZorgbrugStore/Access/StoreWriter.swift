import FHIR
import Foundation
import GRDB

/// Read and write access inside one ``ResourceStore/write(_:)`` transaction.
///
/// Valid only inside the closure it was passed to. Everything written through it commits together when the
/// closure returns, or not at all when it throws.
package final class StoreWriter: StoreReader {
    private let clock: @Sendable () -> Int64

    init(db: Database, clock: @escaping @Sendable () -> Int64) {
        self.clock = clock
        super.init(db: db)
    }

    /// Stores `resource` as version 1 (https://hl7.org/fhir/R4/http.html#create).
    ///
    /// With `ifNoneExist`, first searches `ifNoneExist.query`: one match → ``CreateOutcome/existing(_:)`` and
    /// nothing is written; several → `duplicate`; none → the resource is created. A unique index on
    /// (type, criteriaKey) backs this up, so identical conditional creates never both create.
    ///
    /// - Throws: ``StoreError`` `duplicate` when `type/id` exists already or the condition matches several
    ///   resources.
    package func create(_ resource: NewResource, ifNoneExist: ConditionalCreate?) throws(StoreError) -> CreateOutcome {
        if let condition = ifNoneExist {
            var query = condition.query
            query.count = 2
            query.cursor = nil
            query.includeTotal = false
            let matches = try search(query).resources
            if matches.count > 1 {
                throw StoreError.duplicate(
                    "The If-None-Exist criteria match several \(query.resourceType) resources; make the criteria more selective."
                )
            }
            if let existing = matches.first {
                return .existing(existing)
            }
            if let winner = try claimCriteriaKey(condition, type: resource.type, id: resource.id) {
                return .existing(winner)
            }
        }
        let stored = makeVersion(of: resource, versionId: 1, lastUpdated: clock(), isDeleted: false)
        let text = String(decoding: stored.text, as: UTF8.self)
        do {
            try execute(
                sql: """
                    INSERT INTO resource (type, id, versionId, lastUpdated, deleted, patientId, organizationId, json)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: Self.rowArguments(stored, text: text))
        } catch where error.code == .duplicate {
            throw StoreError.duplicate(
                "\(resource.type)/\(resource.id) exists already; ids are assigned by the server, use a new one.",
                cause: error.cause)
        }
        try insertVersion(stored, text: text)
        try insertIndex(resource.index, type: resource.type, id: resource.id, patientId: resource.patientId)
        return .created(stored)
    }

    /// Stores `resource` as the next version of an existing resource and replaces its search index
    /// (https://hl7.org/fhir/R4/http.html#update). Update-as-create is not supported.
    ///
    /// - Parameter ifMatch: the version the caller last read; `nil` skips the check.
    /// - Throws: ``StoreError`` `notFound` (never existed), `gone` (deleted), `versionConflict` (`ifMatch` is
    ///   not the current version; ``StoreError/currentVersion`` says which is).
    package func update(_ resource: NewResource, ifMatch: Int?) throws(StoreError) -> UpdateOutcome {
        guard let current = try currentState(type: resource.type, id: resource.id) else {
            throw StoreError.notFound(type: resource.type, id: resource.id)
        }
        if current.isDeleted { throw StoreError.gone(type: resource.type, id: resource.id) }
        if let ifMatch, ifMatch != current.versionId { throw StoreError.versionConflict(current: current.versionId) }
        let stored = makeVersion(
            of: resource, versionId: current.versionId + 1, lastUpdated: max(clock(), current.lastUpdated),
            isDeleted: false)
        let text = String(decoding: stored.text, as: UTF8.self)
        try replaceCurrent(stored, text: text)
        try insertVersion(stored, text: text)
        try deleteIndex(type: resource.type, id: resource.id)
        try insertIndex(resource.index, type: resource.type, id: resource.id, patientId: resource.patientId)
        return .updated(stored)
    }

    /// Deletes `type/id` logically (https://hl7.org/fhir/R4/http.html#delete): writes a tombstone version
    /// (kept in history, returned by ``current(type:id:)`` with `isDeleted`) and drops its search index rows.
    ///
    /// - Returns: the tombstone, or `nil` when the resource does not exist or is deleted already (idempotent).
    /// - Throws: ``StoreError``.
    package func delete(type: String, id: String) throws(StoreError) -> StoredResource? {
        guard let current = try currentState(type: type, id: id), !current.isDeleted else { return nil }
        let tombstone = NewResource(
            type: type, id: id, json: JSONObject(), patientId: current.patientId, organizationId: current.organizationId
        )
        let stored = makeVersion(
            of: tombstone, versionId: current.versionId + 1, lastUpdated: max(clock(), current.lastUpdated),
            isDeleted: true)
        let text = String(decoding: stored.text, as: UTF8.self)
        try replaceCurrent(stored, text: text)
        try insertVersion(stored, text: text)
        try deleteIndex(type: type, id: id)
        return stored
    }

    /// Saves the first response to a request with an `Idempotency-Key`, stamped with the store's clock.
    ///
    /// - Throws: ``StoreError`` `duplicate` when a record for (`clientID`, `key`) exists: read it with
    ///   ``idempotencyRecord(clientID:key:)`` in the same transaction before doing the work.
    package func saveIdempotency(
        clientID: String, key: String, requestHash: String, status: Int, headers: [(String, String)], body: [UInt8]
    ) throws(StoreError) {
        do {
            try execute(
                sql: """
                    INSERT INTO idempotencyKey (clientId, key, requestHash, status, headers, body, createdAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    clientID, key, requestHash, status, HeaderCoding.encode(headers),
                    Data(body), clock(),
                ])
        } catch where error.code == .duplicate {
            throw StoreError.duplicate(
                "Idempotency-Key \(key) was used already; send a new key for a new request.", cause: error.cause)
        }
    }

    /// Removes idempotency records created before `olderThan` (epoch ms) and returns how many.
    ///
    /// - Throws: ``StoreError``.
    package func purgeIdempotency(olderThan: Int64) throws(StoreError) -> Int {
        try mappingErrors {
            try db.cachedStatement(sql: "DELETE FROM idempotencyKey WHERE createdAt < ?").execute(arguments: [olderThan]
            )
            return db.changesCount
        }
    }
}
