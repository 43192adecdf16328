/// Who or what revoked a grant. Stored as its raw value in `grant.revokedBy`.
package enum GrantRevoker: String, Sendable, Hashable, CaseIterable {
    /// The patient (or their delegate) withdrew consent.
    case patient
    /// The care provider ended it.
    case provider
    /// A rotated refresh token was presented again: the grant's tokens may be stolen.
    case reuseDetected = "reuse-detected"
    /// The operator, with `zorgbrug admin`.
    case `operator`
}
