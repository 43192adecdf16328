/// A registered OAuth client (a row of `client`).
package struct ClientRecord: Sendable, Hashable {
    package var clientID: String
    package var kind: ClientKind
    /// The provider's Organization (`provider` clients); `nil` for PGOs and public clients.
    package var organizationID: String?
    package var displayName: String
    /// SHA-256 hex of the client secret (`client_secret_basic`); `nil` for key-only and public clients.
    package var secretHash: String?
    /// The registered JWKS (`private_key_jwt`), validated by `JWKSValidation` before it is stored.
    package var jwks: String?
    package var status: ClientStatus
    /// UTC epoch ms.
    package var createdAt: Int64
    /// UTC epoch ms.
    package var updatedAt: Int64

    package init(
        clientID: String, kind: ClientKind, organizationID: String?, displayName: String, secretHash: String?,
        jwks: String?, status: ClientStatus = .active, createdAt: Int64, updatedAt: Int64
    ) {
        self.clientID = clientID
        self.kind = kind
        self.organizationID = organizationID
        self.displayName = displayName
        self.secretHash = secretHash
        self.jwks = jwks
        self.status = status
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// What kind of client: a provider's source system, a PGO back end, or a public client (`bp`, no secret).
package enum ClientKind: String, Sendable, Hashable, CaseIterable {
    case provider
    case pgo
    case `public`
}

/// Whether a client may obtain tokens.
package enum ClientStatus: String, Sendable, Hashable, CaseIterable {
    case active
    /// Refused at the token endpoint; its existing tokens must be refused too (check the client on each request
    /// or revoke them).
    case disabled
}
