import GRDB
import ZorgbrugCore

/// Reads and writes the identity and audit tables on the caller's database connection.
///
/// Every method runs inside whatever transaction the caller has open (the store's writer or reader), so that
/// e.g. redeeming a connect code, creating the grant, storing tokens and appending the audit record commit
/// together or not at all. Methods that change several rows (``revokeGrant(id:by:reason:at:)``) use a savepoint,
/// so they are atomic even when called outside a transaction. Reading methods work on a read-only connection.
/// Times are UTC epoch milliseconds. Secrets are never passed in: only their hashes (see `SecretHasher`).
package struct IdentityRepository {
    let db: Database

    /// A repository over `db`; do not keep it beyond the transaction that handed you `db`.
    package init(_ db: Database) {
        self.db = db
    }

    // MARK: Clients

    /// Registers a client. Throws ``IdentityStoreError/duplicate(table:key:)`` when the id is taken.
    package func createClient(_ client: ClientRecord) throws {
        try db.execute(
            sql: """
                INSERT INTO "client" ("clientId", "kind", "organizationId", "displayName", "secretHash", "jwks",
                    "status", "createdAt", "updatedAt")
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                """,
            arguments: [
                client.clientID, client.kind.rawValue, client.organizationID, client.displayName, client.secretHash,
                client.jwks, client.status.rawValue, client.createdAt, client.updatedAt,
            ])
        guard db.changesCount == 1 else { throw IdentityStoreError.duplicate(table: "client", key: client.clientID) }
    }

    /// The client with this id, or `nil`. Runs on every authenticated request.
    package func client(id: String) throws -> ClientRecord? {
        try Row.fetchOne(
            db.cachedStatement(sql: #"SELECT \#(Self.clientColumns) FROM "client" WHERE "clientId" = ?"#),
            arguments: [id]
        ).map(Self.clientRecord)
    }

    /// All clients, ordered by id.
    package func listClients() throws -> [ClientRecord] {
        try Row.fetchAll(db, sql: #"SELECT \#(Self.clientColumns) FROM "client" ORDER BY "clientId""#)
            .map(Self.clientRecord)
    }

    /// Disables a client and revokes every access token it holds (its grants stay, so re-enabling is possible
    /// by the operator). Throws ``IdentityStoreError/notFound(table:key:)``.
    package func disableClient(id: String, at now: Int64) throws {
        try db.inSavepoint {
            try db.execute(
                sql: #"UPDATE "client" SET "status" = 'disabled', "updatedAt" = ? WHERE "clientId" = ?"#,
                arguments: [now, id])
            guard db.changesCount == 1 else { throw IdentityStoreError.notFound(table: "client", key: id) }
            try db.execute(
                sql: #"UPDATE "accessToken" SET "revokedAt" = ? WHERE "clientId" = ? AND "revokedAt" IS NULL"#,
                arguments: [now, id])
            return .commit
        }
    }

    /// Replaces a client's secret hash (the old secret stops working at once). Throws
    /// ``IdentityStoreError/notFound(table:key:)``.
    package func rotateSecret(clientID: String, newSecretHash: String, at now: Int64) throws {
        try db.execute(
            sql: #"UPDATE "client" SET "secretHash" = ?, "updatedAt" = ? WHERE "clientId" = ?"#,
            arguments: [newSecretHash, now, clientID])
        guard db.changesCount == 1 else { throw IdentityStoreError.notFound(table: "client", key: clientID) }
    }

    /// Replaces a client's registered JWKS (validate it first with `JWKSValidation`). Throws
    /// ``IdentityStoreError/notFound(table:key:)``.
    package func replaceJWKS(clientID: String, jwks: String, at now: Int64) throws {
        try db.execute(
            sql: #"UPDATE "client" SET "jwks" = ?, "updatedAt" = ? WHERE "clientId" = ?"#,
            arguments: [jwks, now, clientID])
        guard db.changesCount == 1 else { throw IdentityStoreError.notFound(table: "client", key: clientID) }
    }

    /// The columns ``clientRecord(_:)`` decodes, in order.
    static let clientColumns =
        #""clientId", "kind", "organizationId", "displayName", "secretHash", "jwks", "status", "createdAt", "updatedAt""#

    /// Decodes a row of ``clientColumns`` (by position: no column-name lookups on the per-request path).
    static func clientRecord(_ row: Row) throws -> ClientRecord {
        ClientRecord(
            clientID: try row.decode(String.self, atIndex: 0),
            kind: try enumValue(row.decode(String.self, atIndex: 1), "client", "kind"),
            organizationID: try row.decode(String?.self, atIndex: 2),
            displayName: try row.decode(String.self, atIndex: 3),
            secretHash: try row.decode(String?.self, atIndex: 4),
            jwks: try row.decode(String?.self, atIndex: 5),
            status: try enumValue(row.decode(String.self, atIndex: 6), "client", "status"),
            createdAt: try row.decode(Int64.self, atIndex: 7),
            updatedAt: try row.decode(Int64.self, atIndex: 8))
    }

    /// Decodes stored text into a string-backed enum, or throws ``IdentityStoreError/invalidStoredValue``.
    static func enumValue<Value: RawRepresentable>(_ text: String, _ table: String, _ column: String) throws -> Value
    where Value.RawValue == String {
        guard let value = Value(rawValue: text) else {
            throw IdentityStoreError.invalidStoredValue(table: table, column: column, value: text)
        }
        return value
    }

    /// Decodes a text column into a string-backed enum, or throws ``IdentityStoreError/invalidStoredValue``.
    static func enumValue<Value: RawRepresentable>(_ row: Row, _ table: String, _ column: String) throws -> Value
    where Value.RawValue == String {
        let text: String = try row.decode(forColumn: column)
        guard let value = Value(rawValue: text) else {
            throw IdentityStoreError.invalidStoredValue(table: table, column: column, value: text)
        }
        return value
    }

    /// As ``enumValue(_:_:_:)`` for a nullable column.
    static func optionalEnumValue<Value: RawRepresentable>(_ row: Row, _ table: String, _ column: String) throws -> Value?
    where Value.RawValue == String {
        guard let text: String = try row.decode(forColumn: column) else { return nil }
        guard let value = Value(rawValue: text) else {
            throw IdentityStoreError.invalidStoredValue(table: table, column: column, value: text)
        }
        return value
    }
}
