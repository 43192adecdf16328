import Crypto
import CryptoExtras
import JWTKit

/// A client's signing key with its public JWKS: what a provider system holds to use `private_key_jwt`.
///
/// Zorgbrug never needs client private keys in production. This exists so that tests at every level (and local
/// demo scripts) can make a key, register its JWKS and sign assertions without importing swift-crypto or jwt-kit
/// themselves.
package struct ClientKeyPair: Sendable {
    /// Signing algorithm of the key.
    package enum Algorithm: String, Sendable, CaseIterable {
        case es256 = "ES256"
        case rs256 = "RS256"
    }

    private enum Key: Sendable {
        case ec(ES256PrivateKey)
        case rsa(JWTKit.Insecure.RSA.PrivateKey)
    }

    private let key: Key
    /// The key's algorithm.
    package let algorithm: Algorithm
    /// The key's `kid`.
    package let keyID: String
    /// The public key as one JWK (JSON object text).
    package let publicJWKJSON: String

    /// Generates a new key (P-256, or 2048-bit RSA, which takes a moment in debug builds).
    package static func generate(_ algorithm: Algorithm, keyID: String) throws -> ClientKeyPair {
        switch algorithm {
        case .es256:
            let privateKey = ES256PrivateKey()
            guard let parameters = privateKey.publicKey.parameters else {
                throw JWTError.generic(identifier: "ClientKeyPair", reason: "no EC parameters")
            }
            let jwk = #"{"kty":"EC","crv":"P-256","alg":"ES256","use":"sig","kid":"\#(keyID)","x":"\#(parameters.x)","y":"\#(parameters.y)"}"#
            return ClientKeyPair(key: .ec(privateKey), algorithm: .es256, keyID: keyID, publicJWKJSON: jwk)
        case .rs256:
            let backing = try _RSA.Signing.PrivateKey(keySize: .bits2048)
            let privateKey = try JWTKit.Insecure.RSA.PrivateKey(backing: backing)
            let (modulus, exponent) = try privateKey.publicKey.getKeyPrimitives()
            let jwk = #"{"kty":"RSA","alg":"RS256","use":"sig","kid":"\#(keyID)","n":"\#(Base64URL.encode(modulus))","e":"\#(Base64URL.encode(exponent))"}"#
            return ClientKeyPair(key: .rsa(privateKey), algorithm: .rs256, keyID: keyID, publicJWKJSON: jwk)
        }
    }

    private init(key: Key, algorithm: Algorithm, keyID: String, publicJWKJSON: String) {
        self.key = key
        self.algorithm = algorithm
        self.keyID = keyID
        self.publicJWKJSON = publicJWKJSON
    }

    /// A JWKS holding only this key's public part.
    package var publicJWKSJSON: String { #"{"keys":[\#(publicJWKJSON)]}"# }

    /// Signs an assertion with the given claims; `nil` claims are left out, so tests can omit any of them.
    ///
    /// Times are UTC epoch milliseconds (written as NumericDate seconds). `includeKeyID: false` leaves `kid`
    /// out of the header.
    package func signAssertion(
        issuer: String?, subject: String?, audience: [String], issuedAt: Int64?, expiresAt: Int64?,
        notBefore: Int64? = nil, jti: String?, includeKeyID: Bool = true
    ) async throws -> String {
        let claims = AssertionClaims(
            iss: issuer, sub: subject, aud: audience,
            exp: expiresAt.map { Double($0) / 1000 }, iat: issuedAt.map { Double($0) / 1000 },
            nbf: notBefore.map { Double($0) / 1000 }, jti: jti)
        let collection = JWTKeyCollection()
        switch key {
        case .ec(let privateKey): await collection.add(ecdsa: privateKey)
        case .rsa(let privateKey): await collection.add(rsa: privateKey, digestAlgorithm: .sha256)
        }
        var header = JWTHeader()
        if includeKeyID { header.kid = keyID }
        return try await collection.sign(claims, header: header)
    }
}
