/// Where a grant (a long-term consent) stands.
///
/// Stored as ``storedValue`` in `grant.status`, with `revokedBy`/`revokedAt` beside it for ``revoked(by:at:)``.
package enum GrantStatus: Sendable, Hashable {
    /// Usable.
    case active
    /// Unused for longer than the idle limit (180 days); a new connect code is needed.
    case lapsed
    /// Revoked at `at` (UTC epoch ms).
    case revoked(by: GrantRevoker, at: Int64)
    /// Ended by an age rule (a parent's grant on the patient's 16th birthday).
    case ended(DelegationRefusal)

    /// `active`, `lapsed`, `revoked` or `ended`.
    package var storedValue: String {
        switch self {
        case .active: "active"
        case .lapsed: "lapsed"
        case .revoked: "revoked"
        case .ended: "ended"
        }
    }

    /// `true` only for ``active``.
    package var isActive: Bool { self == .active }
}
