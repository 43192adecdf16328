/// The state of a stored refresh token. Stored as its raw value in `refreshToken.state`.
package enum RefreshTokenState: String, Sendable, Hashable, CaseIterable {
    /// The current refresh token of its grant; may be exchanged once.
    case active
    /// Already exchanged for a newer one; presenting it again means it was copied.
    case rotated
    /// Revoked with its grant.
    case revoked
}

/// Refresh-token rotation with reuse detection (OAuth 2.0 Security BCP §4.14).
///
/// Each refresh returns a new refresh token and marks the presented one `rotated`. A rotated token presented again
/// means two parties hold it (the legitimate app and a thief); since we cannot tell which is which, the whole grant
/// is revoked (`revokedBy` `reuse-detected`) and the patient must connect again.
package enum RefreshRotation {
    /// Decides what to do with a presented refresh token.
    ///
    /// - Parameters:
    ///   - state: the stored token's state, `nil` when no token has the presented hash.
    ///   - grantClientID: the client the token's grant belongs to (`nil` when the token is unknown).
    ///   - presentingClientID: the authenticated client presenting it.
    ///   - grant: the grant's ``GrantLifecycle/use(at:today:birthDate:)`` transition, evaluated by the caller.
    package static func decide(
        state: RefreshTokenState?, grantClientID: String?, presentingClientID: String, grant: GrantTransition?
    ) -> RefreshDecision {
        guard let state, let grantClientID, let grant else { return .refuse(.unknownToken) }
        // Another client presenting a token is refused without touching the grant, so a client cannot revoke
        // someone else's grant by replaying a leaked token.
        guard grantClientID == presentingClientID else { return .refuse(.clientMismatch) }
        switch state {
        case .revoked:
            return .refuse(.tokenRevoked)
        case .rotated:
            if case .revoked = grant.lifecycle.status { return .refuse(.grantUnusable(grant.refusal ?? .revoked(.reuseDetected))) }
            return .reuseDetected
        case .active:
            if let refusal = grant.refusal { return .refuse(.grantUnusable(refusal)) }
            return .rotate
        }
    }
}

/// What ``RefreshRotation/decide(state:grantClientID:presentingClientID:grant:)`` asks the owner to do.
package enum RefreshDecision: Sendable, Hashable {
    /// In one transaction: mark the presented token `rotated`, store a new refresh token and access token,
    /// persist the grant's new `lastUsedAt`.
    case rotate
    /// In one transaction: revoke the grant with ``GrantRevoker/reuseDetected`` and all its tokens; audit it;
    /// answer `invalid_grant`.
    case reuseDetected
    /// Answer `invalid_grant`; persist nothing (except a grant transition that changed status).
    case refuse(RefreshRefusal)
}

/// Why a refresh was refused.
package enum RefreshRefusal: Sendable, Hashable {
    /// No refresh token with that hash.
    case unknownToken
    /// The token belongs to another client's grant.
    case clientMismatch
    /// The token was revoked (with its grant).
    case tokenRevoked
    /// The grant itself can no longer be used.
    case grantUnusable(GrantRefusal)
}
