/// Failures of ``IdentityRepository`` that callers are expected to handle (other database errors propagate as is
/// and are server errors).
package enum IdentityStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A row with this key already exists (`table`, key).
    case duplicate(table: String, key: String)
    /// No row with this key (`table`, key).
    case notFound(table: String, key: String)
    /// This client already used this assertion `jti`: refuse the request (`invalid_client`).
    case assertionReplay(clientID: String, jti: String)
    /// A stored value is outside its enumeration (the database was edited by hand or by a newer version).
    case invalidStoredValue(table: String, column: String, value: String)

    /// Stable code: `duplicate`, `not-found`, `assertion-replay`.
    package var code: String {
        switch self {
        case .duplicate: "duplicate"
        case .notFound: "not-found"
        case .assertionReplay: "assertion-replay"
        case .invalidStoredValue: "invalid-stored-value"
        }
    }

    package var description: String {
        switch self {
        case .duplicate(let table, let key): "A \(table) with key \(key) already exists."
        case .notFound(let table, let key): "No \(table) with key \(key)."
        case .assertionReplay(let clientID, _): "Client \(clientID) presented an assertion jti it used before."
        case .invalidStoredValue(let table, let column, let value):
            "The stored \(table).\(column) value '\(value)' is not known to this version of Zorgbrug."
        }
    }
}
