import FHIR
import Foundation
import GRDB

/// Read access inside one ``ResourceStore/read(_:)`` or ``ResourceStore/write(_:)`` transaction.
///
/// Valid only inside the closure it was passed to: do not keep it or hand it to another task. Every method
/// sees the same snapshot (plus, in a write, the transaction's own changes). Hot paths use cached prepared
/// statements.
package class StoreReader {
    let db: Database

    init(db: Database) {
        self.db = db
    }

    /// The columns ``decodeResource(_:)`` expects, in order, for a table aliased `r`.
    static let resourceColumns =
        "r.type, r.id, r.versionId, r.lastUpdated, r.deleted, r.patientId, r.organizationId, r.json, json_valid(r.json)"

    /// The latest version of `type/id`, including a deletion tombstone (``StoredResource/isDeleted``); `nil`
    /// when the resource never existed. Not filtered by scope: check ``AccessScope/permits(_:)``.
    ///
    /// - Throws: ``StoreError`` (`corrupt` when the stored JSON cannot be read back).
    package func current(type: String, id: String) throws(StoreError) -> StoredResource? {
        try fetchOne(
            sql: "SELECT \(Self.resourceColumns) FROM resource r WHERE r.type = ? AND r.id = ?",
            arguments: [type, id])
    }

    /// Version `versionId` of `type/id` (a tombstone when that version was a deletion); `nil` when there is
    /// no such version. Not filtered by scope: check ``AccessScope/permits(_:)``.
    ///
    /// - Throws: ``StoreError``.
    package func version(type: String, id: String, versionId: Int) throws(StoreError) -> StoredResource? {
        try fetchOne(
            sql:
                "SELECT \(Self.resourceColumns) FROM resourceVersion r WHERE r.type = ? AND r.id = ? AND r.versionId = ?",
            arguments: [type, id, versionId])
    }

    /// The current, non-deleted versions of the referenced resources that are inside `scope` (for
    /// `_include`), in the order of `refs`, each at most once; missing, deleted and out-of-scope ones are
    /// left out.
    ///
    /// - Throws: ``StoreError``.
    package func resources(_ refs: [(type: String, id: String)], scope: AccessScope) throws(StoreError)
        -> [StoredResource]
    {
        var seen = Set<String>()
        var result: [StoredResource] = []
        for ref in refs where seen.insert("\(ref.type)/\(ref.id)").inserted {
            guard let resource = try current(type: ref.type, id: ref.id), !resource.isDeleted, scope.permits(resource)
            else { continue }
            result.append(resource)
        }
        return result
    }

    /// The current, non-deleted `sourceType` resources inside `scope` whose `parameter` references any of
    /// `targets` (for `_revinclude`), oldest first, at most `limit`.
    ///
    /// - Throws: ``StoreError``.
    package func referencing(
        sourceType: String, parameter: String, targets: [(type: String, id: String)],
        scope: AccessScope, limit: Int
    ) throws(StoreError) -> [StoredResource] {
        guard !targets.isEmpty, limit > 0 else { return [] }
        let query = SearchQuery(
            resourceType: sourceType, scope: scope,
            conditions: [SearchCondition(parameter: parameter, match: .reference(targets))],
            count: limit)
        return try search(query).resources
    }

    /// The saved first response for `key` sent by `clientID`, or `nil`.
    ///
    /// - Throws: ``StoreError`` (`corrupt` when the stored headers cannot be read back).
    package func idempotencyRecord(clientID: String, key: String) throws(StoreError) -> IdempotencyRecord? {
        let found: (String, Int, String, [UInt8], Int64)? = try mappingErrors {
            let statement = try db.cachedStatement(
                sql: """
                    SELECT requestHash, status, headers, body, createdAt FROM idempotencyKey WHERE clientId = ? AND key = ?
                    """)
            guard let row = try Row.fetchOne(statement, arguments: [clientID, key]) else { return nil }
            let body: [UInt8] = try row.decode(DatabaseValue.self, atIndex: 3).bytes
            return (
                try row.decode(String.self, atIndex: 0), try row.decode(Int.self, atIndex: 1),
                try row.decode(String.self, atIndex: 2), body, try row.decode(Int64.self, atIndex: 4)
            )
        }
        guard let (requestHash, status, headersText, body, createdAt) = found else { return nil }
        return IdempotencyRecord(
            requestHash: requestHash, status: status, headers: try HeaderCoding.decode(headersText), body: body,
            createdAt: createdAt)
    }

    // MARK: - Shared helpers

    /// Runs a cached statement that selects ``resourceColumns`` and decodes at most one row.
    func fetchOne(sql: String, arguments: StatementArguments) throws(StoreError) -> StoredResource? {
        try mappingErrors {
            let statement = try db.cachedStatement(sql: sql)
            guard let row = try Row.fetchOne(statement, arguments: arguments) else { return nil }
            return try Self.decodeResource(row)
        }
    }

    /// Runs a cached statement that selects ``resourceColumns`` and decodes every row.
    func fetchAll(sql: String, arguments: StatementArguments) throws(StoreError) -> [StoredResource] {
        try mappingErrors {
            let statement = try db.cachedStatement(sql: sql)
            let rows = try Row.fetchCursor(statement, arguments: arguments)
            var result: [StoredResource] = []
            while let row = try rows.next() {
                result.append(try Self.decodeResource(row))
            }
            return result
        }
    }

    /// Decodes a row of ``resourceColumns``. The JSON stays text until someone asks for the object (see
    /// ``StoredResource``); SQLite's `json_valid` in the same row tells damaged text from good.
    static func decodeResource(_ row: Row) throws -> StoredResource {
        let type = try row.decode(String.self, atIndex: 0)
        let id = try row.decode(String.self, atIndex: 1)
        guard try row.decode(Bool.self, atIndex: 8) else {
            throw StoreError.corrupt(
                "The stored JSON of \(type)/\(id) cannot be parsed; restore the database from a backup.",
                cause: StoredJSONDamaged(type: type, id: id))
        }
        let text = try row.withUnsafeData(atIndex: 7) { data in data.map { [UInt8]($0) } ?? [] }
        guard text.first == UInt8(ascii: "{") else {
            throw StoreError.corrupt(
                "The stored JSON of \(type)/\(id) is not an object; restore the database from a backup.",
                cause: StoredJSONDamaged(type: type, id: id))
        }
        return StoredResource(
            type: type, id: id,
            versionId: try row.decode(Int.self, atIndex: 2),
            lastUpdated: try row.decode(Int64.self, atIndex: 3),
            isDeleted: try row.decode(Bool.self, atIndex: 4),
            text: text,
            patientId: try row.decode(String?.self, atIndex: 5),
            organizationId: try row.decode(String?.self, atIndex: 6))
    }
}

/// The cause of a `corrupt` error for a stored resource whose JSON text SQLite does not accept as a JSON object.
struct StoredJSONDamaged: Error, CustomStringConvertible {
    let type: String
    let id: String
    var description: String { "json_valid() is false for the stored JSON of \(type)/\(id)" }
}

extension DatabaseValue {
    /// The bytes of a BLOB or TEXT value; empty for anything else.
    fileprivate var bytes: [UInt8] {
        switch storage {
        case .blob(let data): [UInt8](data)
        case .string(let text): Array(text.utf8)
        default: []
        }
    }
}
