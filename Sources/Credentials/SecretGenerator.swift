/// Makes the secrets Zorgbrug hands out: client secrets, access and refresh tokens, and connect codes.
///
/// Tokens and client secrets carry 256 bits from the CSPRNG, encoded as 43 base64url characters (URL- and
/// header-safe, no padding). Connect codes carry 40 bits (see ``ConnectCode``). Only hashes of these are stored
/// (``SecretHasher``).
package struct SecretGenerator: Sendable {
    /// Random bytes in a token or client secret (256 bits).
    package static let tokenByteCount = 32

    private let random: RandomBytesSource

    /// A generator drawing from `random`; pass ``RandomBytesSource/system`` in production.
    package init(random: RandomBytesSource = .system) {
        self.random = random
    }

    /// A new opaque secret of 256 bits, base64url without padding (43 characters). Use for access tokens,
    /// refresh tokens and client secrets.
    package func token() -> String {
        Base64URL.encode(random.bytes(Self.tokenByteCount))
    }

    /// A new client secret; the same form as ``token()``.
    package func clientSecret() -> String { token() }

    /// A new connect code (40 bits, `XXXX-XXXX`).
    package func connectCode() -> ConnectCode {
        ConnectCode(randomBytes: random.bytes(ConnectCode.entropyBits / 8))
    }
}
