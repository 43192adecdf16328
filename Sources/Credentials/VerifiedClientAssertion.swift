/// A client assertion that passed every check of ``ClientAssertionVerifier``.
///
/// The caller must still refuse a replay: record (`clientID`, `jti`) until `expiresAt` in the store's unique
/// `assertionJti` table, in the same transaction that issues the token, and refuse the request when that insert
/// reports a replay.
package struct VerifiedClientAssertion: Sendable, Equatable {
    /// The authenticated client (`iss` == `sub`).
    package var clientID: String
    /// The assertion's unique id.
    package var jti: String
    /// `exp` in UTC epoch milliseconds: keep the jti at least until then.
    package var expiresAt: Int64
    /// The `kid` of the key that verified the signature, if the key had one.
    package var keyID: String?

    package init(clientID: String, jti: String, expiresAt: Int64, keyID: String?) {
        self.clientID = clientID
        self.jti = jti
        self.expiresAt = expiresAt
        self.keyID = keyID
    }
}
