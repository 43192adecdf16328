import Crypto
import Foundation
import JWTKit

/// Checks a JWKS document when a client registers it for `private_key_jwt`.
///
/// Accepted: a JSON object with a non-empty `keys` array of at most ``maximumKeyCount`` public keys, each either
/// `kty: EC` on `crv: P-256` (for ES256) or `kty: RSA` with a modulus of at least 2048 bits (for RS256); `alg`,
/// when present, must fit the key type; `use`, when present, must be `sig`; `kid`s must be unique. Refused:
/// private key material (`d`, `p`, `q`, `dp`, `dq`, `qi`, `oth`, `k`), symmetric (`oct`) and other key types,
/// points not on the curve. Registering a key the verifier cannot use would only fail later, at token time.
package enum JWKSValidation {
    /// The most keys a client may register (room for rollover, not a key store).
    package static let maximumKeyCount = 10

    /// Validates `json`; returns the `kid`s of the keys (empty strings for keys without one), in order.
    ///
    /// - Throws: ``JWKSValidationError`` naming the first problem and the key's index.
    @discardableResult
    package static func validate(_ json: String) throws(JWKSValidationError) -> [String] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)),
              let document = object as? [String: Any]
        else { throw JWKSValidationError(code: "not-json", message: "The JWKS is not a JSON object.", keyIndex: nil) }
        guard let keys = document["keys"] as? [Any] else {
            throw JWKSValidationError(code: "keys-missing", message: "The JWKS has no 'keys' array.", keyIndex: nil)
        }
        guard !keys.isEmpty else {
            throw JWKSValidationError(code: "keys-empty", message: "The JWKS 'keys' array is empty.", keyIndex: nil)
        }
        guard keys.count <= maximumKeyCount else {
            throw JWKSValidationError(
                code: "too-many-keys", message: "The JWKS has \(keys.count) keys; at most \(maximumKeyCount) are allowed.",
                keyIndex: nil)
        }
        var kids: [String] = []
        for (index, element) in keys.enumerated() {
            guard let key = element as? [String: Any] else {
                throw JWKSValidationError(code: "key-not-object", message: "Each key must be a JSON object.", keyIndex: index)
            }
            let kid = try validateKey(key, index: index)
            if !kid.isEmpty, kids.contains(kid) {
                throw JWKSValidationError(code: "kid-duplicate", message: "The kid '\(kid)' is used twice.", keyIndex: index)
            }
            kids.append(kid)
        }
        return kids
    }

    private static let privateMembers = ["d", "p", "q", "dp", "dq", "qi", "oth", "k"]

    private static func validateKey(_ key: [String: Any], index: Int) throws(JWKSValidationError) -> String {
        func fail(_ code: String, _ message: String) -> JWKSValidationError {
            JWKSValidationError(code: code, message: message, keyIndex: index)
        }
        if let member = privateMembers.first(where: { key[$0] != nil }) {
            throw fail("private-key-material", "The key contains the private member '\(member)'; register only public keys.")
        }
        let kid: String
        switch key["kid"] {
        case nil: kid = ""
        case let value as String where !value.isEmpty: kid = value
        default: throw fail("kid-invalid", "The kid must be a non-empty string.")
        }
        if let use = key["use"], (use as? String) != "sig" {
            throw fail("use-not-sig", "The key's 'use' must be 'sig'.")
        }
        let alg = key["alg"] as? String
        if key["alg"] != nil, alg == nil { throw fail("alg-invalid", "The alg must be a string.") }
        switch key["kty"] as? String {
        case "EC":
            if let alg, alg != "ES256" { throw fail("alg-not-supported", "An EC key must use ES256, not \(alg).") }
            guard key["crv"] as? String == "P-256" else {
                throw fail("curve-not-supported", "Only the P-256 curve is supported for EC keys.")
            }
            guard let x = (key["x"] as? String).flatMap(Base64URL.decode), x.count == 32,
                  let y = (key["y"] as? String).flatMap(Base64URL.decode), y.count == 32
            else { throw fail("key-invalid", "An EC key needs base64url x and y of 32 bytes each.") }
            guard (try? P256.Signing.PublicKey(rawRepresentation: x + y)) != nil else {
                throw fail("key-invalid", "The EC point is not on the P-256 curve.")
            }
        case "RSA":
            if let alg, alg != "RS256" { throw fail("alg-not-supported", "An RSA key must use RS256, not \(alg).") }
            guard let n = key["n"] as? String, let e = key["e"] as? String else {
                throw fail("key-invalid", "An RSA key needs n and e.")
            }
            do {
                _ = try JWTKit.Insecure.RSA.PublicKey(modulus: n, exponent: e)
            } catch {
                throw fail("key-invalid", "The RSA key is unusable; the modulus must be at least 2048 bits.")
            }
        case let other?:
            throw fail("kty-not-supported", "The key type '\(other)' is not supported; use EC (P-256) or RSA.")
        case nil:
            throw fail("kty-missing", "The key has no kty.")
        }
        return kid
    }
}

/// Why a JWKS was refused at registration.
package struct JWKSValidationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Stable code, e.g. `private-key-material`, `kty-not-supported`, `key-invalid`.
    package var code: String
    /// What is wrong and what to do, in English.
    package var message: String
    /// The offending key's index in `keys`, when the problem is in one key.
    package var keyIndex: Int?

    package init(code: String, message: String, keyIndex: Int?) {
        self.code = code
        self.message = message
        self.keyIndex = keyIndex
    }

    package var description: String {
        keyIndex.map { "\(code) (key \($0)): \(message)" } ?? "\(code): \(message)"
    }
}
