import Foundation
import JWTKit

/// Checks a `private_key_jwt` client assertion (RFC 7523 §3, SMART Backend Services) against the client's
/// registered JWKS.
///
/// Order of checks, each with its own ``ClientAssertionError`` code: the token's shape (`malformed`), the header
/// `alg` (only ES256 and RS256; `none` and HS* are refused: `alg-not-allowed`), the JWKS (`jwks-invalid`), a key
/// for the header's `kid` and `alg` (`key-not-found`), the signature (`signature-invalid`), then the claims:
/// `iss` == `sub` == client id (`issuer-mismatch`), `aud` contains the token URL (`audience-mismatch`), `exp`
/// present (`malformed`) and not passed (`expired`), `iat`/`nbf` not in the future (`not-yet-valid`), `exp` at
/// most 5 minutes after `iat` and after now (`lifetime-too-long`), `jti` present (`jti-missing`).
/// Claims are only looked at after the signature verified.
///
/// Replay is NOT checked here: record the returned jti in the store (unique per client) before issuing a token.
package struct ClientAssertionVerifier: Sendable {
    /// The longest an assertion may be valid: 5 minutes, in milliseconds.
    package static let maximumLifetime: Int64 = 5 * 60 * 1000
    /// Tolerated clock difference between client and server, in milliseconds (30 s).
    package static let clockSkew: Int64 = 30 * 1000
    /// The only signing algorithms accepted.
    package static let allowedAlgorithms: Set<String> = ["ES256", "RS256"]

    package init() {}

    /// The unverified `iss` of an assertion, to look up which client's JWKS to verify it with.
    ///
    /// Never trust this value on its own: pass the client id you looked up to ``verify(_:clientID:jwksJSON:audience:now:)``.
    /// `nil` when the token is not a JWS with a string `iss`.
    package static func unverifiedIssuer(of assertion: String) -> String? {
        let parts = assertion.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let bytes = Base64URL.decode(parts[1]),
              let claims = try? JSONDecoder().decode(AssertionClaims.self, from: Data(bytes))
        else { return nil }
        return claims.iss
    }

    /// Verifies `assertion` for `clientID` against its registered JWKS.
    ///
    /// - Parameters:
    ///   - assertion: the `client_assertion` form parameter (compact JWS).
    ///   - clientID: the client the caller looked up (from `client_id` or ``unverifiedIssuer(of:)``).
    ///   - jwksJSON: the client's registered JWKS (validated at registration by ``JWKSValidation``).
    ///   - audience: this server's token endpoint URL, exactly as advertised in `.well-known/smart-configuration`.
    ///   - now: current time, UTC epoch milliseconds.
    /// - Returns: the jti and expiry to record against replay.
    /// - Throws: ``ClientAssertionError``.
    package func verify(
        _ assertion: String, clientID: String, jwksJSON: String, audience: String, now: Int64
    ) async throws(ClientAssertionError) -> VerifiedClientAssertion {
        let parts = assertion.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw .malformed("expected a compact JWS with three dot-separated parts")
        }
        guard let headerBytes = Base64URL.decode(parts[0]),
              let header = try? JSONDecoder().decode(JOSEHeader.self, from: Data(headerBytes))
        else { throw .malformed("the header is not base64url-encoded JSON") }
        guard let alg = header.alg else { throw .malformed("the header has no alg") }
        guard Self.allowedAlgorithms.contains(alg) else { throw .algNotAllowed(alg) }
        guard header.crit == nil else { throw .malformed("critical header extensions are not supported") }
        guard !parts[2].isEmpty, Base64URL.decode(parts[2]) != nil else { throw .signatureInvalid }

        let jwks: JWKS
        do {
            jwks = try JSONDecoder().decode(JWKS.self, from: Data(jwksJSON.utf8))
        } catch {
            throw .jwksInvalid("not a JWKS of EC or RSA keys")
        }
        let candidates = Self.candidateKeys(in: jwks, alg: alg, kid: header.kid)
        guard !candidates.isEmpty else {
            throw .keyNotFound(header.kid.map { "kid '\($0)', alg \(alg)" } ?? "alg \(alg)")
        }

        var verified: (claims: AssertionClaims, kid: String?)?
        for candidate in candidates {
            if let claims = try await Self.verifySignature(assertion, with: candidate, alg: alg) {
                verified = (claims, candidate.keyIdentifier?.string)
                break
            }
        }
        guard let (claims, keyID) = verified else { throw .signatureInvalid }
        return try Self.checkClaims(claims, clientID: clientID, audience: audience, now: now, keyID: keyID)
    }

    /// Keys usable for `alg`: matching `kid` when the header names one, of the key type `alg` needs, with no
    /// conflicting `alg` of their own.
    private static func candidateKeys(in jwks: JWKS, alg: String, kid: String?) -> [JWK] {
        jwks.keys.filter { key in
            if let kid, key.keyIdentifier?.string != kid { return false }
            if let keyAlg = key.algorithm, keyAlg.rawValue != alg { return false }
            switch alg {
            case "ES256": return key.keyType == .ecdsa && (key.curve == nil || key.curve?.rawValue == "P-256")
            case "RS256": return key.keyType == .rsa
            default: return false
            }
        }
    }

    /// The verified claims, or `nil` when the signature does not verify with this key.
    private static func verifySignature(
        _ assertion: String, with key: JWK, alg: String
    ) async throws(ClientAssertionError) -> AssertionClaims? {
        var key = key
        key.keyIdentifier = JWKIdentifier(string: key.keyIdentifier?.string ?? "registered")
        key.algorithm = JWK.Algorithm(rawValue: alg)
        let collection = JWTKeyCollection()
        do {
            try await collection.add(jwk: key)
        } catch {
            return nil
        }
        do {
            return try await collection.verify(assertion, as: AssertionClaims.self)
        } catch let error as JWTError where error.errorType == .malformedToken {
            throw .malformed("the claims are not a JSON object of the expected types")
        } catch {
            return nil
        }
    }

    private static func checkClaims(
        _ claims: AssertionClaims, clientID: String, audience: String, now: Int64, keyID: String?
    ) throws(ClientAssertionError) -> VerifiedClientAssertion {
        guard claims.iss == clientID else { throw .issuerMismatch("iss is '\(claims.iss ?? "")'") }
        guard claims.sub == clientID else { throw .issuerMismatch("sub is '\(claims.sub ?? "")'") }
        guard claims.aud.contains(audience) else { throw .audienceMismatch(expected: audience) }
        guard let expSeconds = claims.exp, expSeconds.isFinite else { throw .malformed("the exp claim is missing") }
        let exp = milliseconds(expSeconds)
        guard now < exp + clockSkew else { throw .expired }
        if let iatSeconds = claims.iat {
            guard iatSeconds.isFinite else { throw .malformed("iat is not a number") }
            let iat = milliseconds(iatSeconds)
            guard iat <= now + clockSkew else { throw .notYetValid }
            guard exp - iat <= maximumLifetime else { throw .lifetimeTooLong }
        }
        if let nbfSeconds = claims.nbf {
            guard nbfSeconds.isFinite else { throw .malformed("nbf is not a number") }
            guard milliseconds(nbfSeconds) <= now + clockSkew else { throw .notYetValid }
        }
        guard exp - now <= maximumLifetime + clockSkew else { throw .lifetimeTooLong }
        guard let jti = claims.jti, !jti.isEmpty else { throw .jtiMissing }
        return VerifiedClientAssertion(clientID: clientID, jti: jti, expiresAt: exp, keyID: keyID)
    }

    /// Seconds (NumericDate) to milliseconds, clamped so absurd values cannot overflow.
    private static func milliseconds(_ seconds: Double) -> Int64 {
        let clamped = min(max(seconds, -1e15), 1e15)
        return Int64(clamped * 1000)
    }
}

/// The JOSE header fields the verifier looks at.
private struct JOSEHeader: Decodable {
    var alg: String?
    var kid: String?
    var crit: [String]?
}
