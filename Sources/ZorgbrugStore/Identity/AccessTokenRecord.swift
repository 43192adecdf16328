import ZorgbrugCore

/// An issued access token (a row of `accessToken`), found by the SHA-256 of the bearer token.
package struct AccessTokenRecord: Sendable, Hashable {
    /// `SecretHasher.tokenHash` of the bearer token.
    package var tokenHash: String
    package var clientID: String
    /// The grant of a patient-scoped token; `nil` for client-credentials tokens.
    package var grantID: String?
    package var patientID: String?
    /// Who acts (patient-scoped tokens).
    package var actor: ActorReference?
    package var organizationID: String?
    /// Space-separated scopes as granted.
    package var scope: String
    /// UTC epoch ms.
    package var issuedAt: Int64
    /// UTC epoch ms; the token is refused from this instant on.
    package var expiresAt: Int64
    /// Set when revoked (with its grant, or through `/oauth/revoke`).
    package var revokedAt: Int64?

    package init(
        tokenHash: String, clientID: String, grantID: String?, patientID: String?, actor: ActorReference?,
        organizationID: String?, scope: String, issuedAt: Int64, expiresAt: Int64, revokedAt: Int64? = nil
    ) {
        self.tokenHash = tokenHash
        self.clientID = clientID
        self.grantID = grantID
        self.patientID = patientID
        self.actor = actor
        self.organizationID = organizationID
        self.scope = scope
        self.issuedAt = issuedAt
        self.expiresAt = expiresAt
        self.revokedAt = revokedAt
    }

    /// `true` when not revoked and `now` (UTC epoch ms) is before ``expiresAt``. The caller must still check
    /// that the client is active and, for patient-scoped tokens, that the grant is.
    package func isUsable(at now: Int64) -> Bool { revokedAt == nil && now < expiresAt }
}
