import Crypto

/// Turns secrets into the hashes the database stores, and compares presented secrets with stored hashes.
///
/// - Access tokens, refresh tokens and client secrets have 256 bits of entropy: plain SHA-256 (hex) is enough,
///   because nobody can enumerate 2^256 candidates; it is also fast enough to run on every request.
/// - Connect codes have only 40 bits: they are hashed with HMAC-SHA256 keyed by the ``Pepper``, so that a stolen
///   database cannot be brute-forced offline without the pepper file.
///
/// All outputs are 64 lowercase hex characters and are stable across releases (they are database keys).
package struct SecretHasher: Sendable {
    private let pepper: SymmetricKey

    /// A hasher whose connect-code hashes are keyed by `pepper`.
    package init(pepper: Pepper) {
        self.pepper = SymmetricKey(data: pepper.bytes)
    }

    /// SHA-256 (hex) of a high-entropy secret: an access token, refresh token or client secret.
    /// SHA-256 of arbitrary bytes, lower-case hex (request fingerprints for `Idempotency-Key`, operator tokens).
    package static func sha256Hex(_ bytes: [UInt8]) -> String {
        Hex.encode(SHA256.hash(data: bytes))
    }

    package static func tokenHash(_ secret: String) -> String {
        Hex.encode(SHA256.hash(data: Array(secret.utf8)))
    }

    /// HMAC-SHA256 (hex) of a connect code's normalized form, keyed by the pepper.
    package func connectCodeHash(_ code: ConnectCode) -> String {
        Hex.encode(HMAC<SHA256>.authenticationCode(for: Array(code.normalized.utf8), using: pepper))
    }

    /// `true` when `secret` hashes to `storedHash`, compared in constant time.
    ///
    /// Use for client secrets (`client_secret_basic`), where the client row is found by its id and the secret
    /// is then checked; token lookups go by hash as a primary key instead.
    package static func matches(secret: String, storedHash: String) -> Bool {
        ConstantTime.equals(tokenHash(secret), storedHash)
    }
}
