import ZorgbrugCore

/// An issued refresh token (a row of `refreshToken`). Always tied to a grant.
package struct RefreshTokenRecord: Sendable, Hashable {
    /// `SecretHasher.tokenHash` of the refresh token.
    package var tokenHash: String
    package var grantID: String
    package var state: RefreshTokenState
    /// UTC epoch ms.
    package var createdAt: Int64
    /// When it was exchanged for a newer one.
    package var rotatedAt: Int64?

    package init(tokenHash: String, grantID: String, state: RefreshTokenState = .active, createdAt: Int64, rotatedAt: Int64? = nil) {
        self.tokenHash = tokenHash
        self.grantID = grantID
        self.state = state
        self.createdAt = createdAt
        self.rotatedAt = rotatedAt
    }
}
