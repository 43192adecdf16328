/// Why a `private_key_jwt` client assertion (RFC 7523) was refused.
///
/// An open set: a struct over a private enum, so codes can be added without breaking callers. ``code`` is stable
/// (log it, map it to OAuth `invalid_client`); ``message`` says what was wrong and what the client should do.
/// Every refusal maps to `invalid_client` on the wire; do not tell the client more than that in production
/// responses, but log the code.
package struct ClientAssertionError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Kind: String, Sendable {
        case malformed = "malformed"
        case algNotAllowed = "alg-not-allowed"
        case jwksInvalid = "jwks-invalid"
        case keyNotFound = "key-not-found"
        case signatureInvalid = "signature-invalid"
        case issuerMismatch = "issuer-mismatch"
        case audienceMismatch = "audience-mismatch"
        case expired = "expired"
        case notYetValid = "not-yet-valid"
        case lifetimeTooLong = "lifetime-too-long"
        case jtiMissing = "jti-missing"
    }

    private let kind: Kind
    /// What was wrong and how to fix it, in English (for logs and developer-facing error descriptions).
    package let message: String

    private init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The stable code, e.g. `signature-invalid`.
    package var code: String { kind.rawValue }
    package var description: String { "\(code): \(message)" }

    /// Equal when the codes are equal (messages may differ in detail).
    package static func == (lhs: Self, rhs: Self) -> Bool { lhs.kind == rhs.kind }

    /// Not a compact JWS (three base64url parts), or the header or claims are not valid JSON, or `exp` is absent.
    package static func malformed(_ detail: String) -> Self { .init(.malformed, "The client assertion is malformed: \(detail).") }
    /// The header's `alg` is not ES256 or RS256 (`none` and HMAC algorithms are always refused).
    package static func algNotAllowed(_ alg: String) -> Self {
        .init(.algNotAllowed, "The assertion algorithm '\(alg)' is not allowed; sign with ES256 or RS256.")
    }
    /// The client's registered JWKS could not be read.
    package static func jwksInvalid(_ detail: String) -> Self {
        .init(.jwksInvalid, "The client's registered JWKS cannot be used (\(detail)); re-register the client's keys.")
    }
    /// No registered key matches the header's `kid` and `alg`.
    package static func keyNotFound(_ detail: String) -> Self {
        .init(.keyNotFound, "No registered key matches the assertion (\(detail)); register the signing key in the client's JWKS.")
    }
    /// The signature does not verify with any matching registered key.
    package static let signatureInvalid = Self(.signatureInvalid, "The assertion signature does not verify with the client's registered keys.")
    /// `iss` or `sub` is not the client id.
    package static func issuerMismatch(_ detail: String) -> Self {
        .init(.issuerMismatch, "The assertion's iss and sub must both be the client id (\(detail)).")
    }
    /// `aud` does not contain the token endpoint URL.
    package static func audienceMismatch(expected: String) -> Self {
        .init(.audienceMismatch, "The assertion's aud must contain the token endpoint URL \(expected).")
    }
    /// `exp` has passed.
    package static let expired = Self(.expired, "The assertion has expired; create a fresh one for each token request.")
    /// `nbf` or `iat` lies in the future beyond the allowed clock skew.
    package static let notYetValid = Self(.notYetValid, "The assertion is not yet valid (iat or nbf in the future); check the client's clock.")
    /// `exp` is more than five minutes after `iat` or after now.
    package static let lifetimeTooLong = Self(.lifetimeTooLong, "The assertion may be valid for at most 5 minutes; lower exp.")
    /// `jti` is absent or empty.
    package static let jtiMissing = Self(.jtiMissing, "The assertion must carry a unique jti.")
}
