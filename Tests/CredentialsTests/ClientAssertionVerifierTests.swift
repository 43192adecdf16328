import Testing

@testable import Credentials

@Suite struct ClientAssertionVerifierTests {
    static let now: Int64 = 1_800_000_000_000
    static let audience = "https://zorgbrug.example/oauth/token"
    static let client = "provider-1"

    static func sign(
        _ key: ClientKeyPair, iss: String? = client, sub: String? = client, aud: [String] = [audience],
        iat: Int64? = now, exp: Int64? = now + 60_000, nbf: Int64? = nil, jti: String? = "jti-1", kid: Bool = true
    ) async throws -> String {
        try await key.signAssertion(
            issuer: iss, subject: sub, audience: aud, issuedAt: iat, expiresAt: exp, notBefore: nbf, jti: jti,
            includeKeyID: kid)
    }

    static func verify(_ token: String, jwks: String, now: Int64 = now) async -> Result<VerifiedClientAssertion, ClientAssertionError> {
        do {
            return .success(
                try await ClientAssertionVerifier().verify(token, clientID: client, jwksJSON: jwks, audience: audience, now: now))
        } catch {
            return .failure(error)
        }
    }

    static func code(_ token: String, jwks: String, now: Int64 = now) async -> String? {
        if case .failure(let error) = await verify(token, jwks: jwks, now: now) { return error.code }
        return nil
    }

    @Test(arguments: ClientKeyPair.Algorithm.allCases)
    func acceptsAValidAssertion(algorithm: ClientKeyPair.Algorithm) async throws {
        let key = try #require(algorithm == .es256 ? TestKeys.es256 : TestKeys.rs256)
        let token = try await Self.sign(key)
        let result = try await Self.verify(token, jwks: key.publicJWKSJSON).get()
        #expect(result == VerifiedClientAssertion(clientID: Self.client, jti: "jti-1", expiresAt: Self.now + 60_000, keyID: key.keyID))
        #expect(ClientAssertionVerifier.unverifiedIssuer(of: token) == Self.client)
    }

    @Test func picksTheKeyByKidOrTriesEveryKeyOfTheRightType() async throws {
        let ec = try #require(TestKeys.es256)
        let other = try #require(TestKeys.es256Other)
        let rsa = try #require(TestKeys.rs256)
        let jwks = #"{"keys":[\#(rsa.publicJWKJSON),\#(ec.publicJWKJSON),\#(other.publicJWKJSON)]}"#
        let withKid = try await Self.sign(other, aud: ["https://elsewhere", Self.audience])
        #expect(try await Self.verify(withKid, jwks: jwks).get().keyID == "ec-2")
        let withoutKid = try await Self.sign(other, kid: false)
        #expect(try await Self.verify(withoutKid, jwks: jwks).get().keyID == "ec-2")
    }

    @Test func toleratesSmallClockSkew() async throws {
        let key = try #require(TestKeys.es256)
        let justExpired = try await Self.sign(key, iat: Self.now - 60_000, exp: Self.now - 10_000)
        #expect(await Self.code(justExpired, jwks: key.publicJWKSJSON) == nil)
        let slightlyAhead = try await Self.sign(key, iat: Self.now + 10_000, exp: Self.now + 70_000)
        #expect(await Self.code(slightlyAhead, jwks: key.publicJWKSJSON) == nil)
    }

    @Test(arguments: ["", "abc", "a.b", "a.b.c.d", ".b.c", "%%%.b.c"])
    func refusesMalformedTokens(token: String) async throws {
        let key = try #require(TestKeys.es256)
        #expect(await Self.code(token, jwks: key.publicJWKSJSON) == "malformed")
    }

    @Test func refusesHeadersWithoutAlgOrWithCriticalExtensions() async throws {
        let key = try #require(TestKeys.es256)
        let signed = try await Self.sign(key).split(separator: ".")
        let noAlg = TestKeys.segment(#"{"kid":"ec-1"}"#) + "." + signed[1] + "." + signed[2]
        #expect(await Self.code(noAlg, jwks: key.publicJWKSJSON) == "malformed")
        let crit = TestKeys.segment(#"{"alg":"ES256","kid":"ec-1","crit":["x"]}"#) + "." + signed[1] + "." + signed[2]
        #expect(await Self.code(crit, jwks: key.publicJWKSJSON) == "malformed")
    }

    @Test(arguments: ["none", "None", "HS256", "HS512", "RS512", "PS256", "ES384", "EdDSA"])
    func refusesDisallowedAlgorithms(alg: String) async throws {
        let key = try #require(TestKeys.es256)
        let signed = try await Self.sign(key).split(separator: ".")
        let token = TestKeys.segment(#"{"alg":"\#(alg)","kid":"ec-1"}"#) + "." + signed[1] + "." + (alg == "none" ? "" : signed[2])
        #expect(await Self.code(token, jwks: key.publicJWKSJSON) == "alg-not-allowed")
    }

    @Test func refusesUnknownKeys() async throws {
        let ec = try #require(TestKeys.es256)
        let rsa = try #require(TestKeys.rs256)
        let other = try #require(TestKeys.es256Other)
        #expect(await Self.code(try await Self.sign(ec), jwks: rsa.publicJWKSJSON) == "key-not-found")
        #expect(await Self.code(try await Self.sign(ec), jwks: other.publicJWKSJSON) == "key-not-found")
        #expect(await Self.code(try await Self.sign(ec), jwks: #"{"keys":"nope"}"#) == "jwks-invalid")
        #expect(await Self.code(try await Self.sign(ec), jwks: "garbage") == "jwks-invalid")
    }

    @Test func refusesBadSignatures() async throws {
        let ec = try #require(TestKeys.es256)
        let other = try #require(TestKeys.es256Other)
        let rsa = try #require(TestKeys.rs256)
        // Signed by another key that claims no kid.
        #expect(await Self.code(try await Self.sign(other, kid: false), jwks: ec.publicJWKSJSON) == "signature-invalid")
        // Claims swapped under a valid signature.
        let genuine = try await Self.sign(ec).split(separator: ".")
        let forged = try await Self.sign(ec, jti: "jti-2").split(separator: ".")
        let tampered = [genuine[0], forged[1], genuine[2]].joined(separator: ".")
        #expect(await Self.code(tampered, jwks: ec.publicJWKSJSON) == "signature-invalid")
        let rsaParts = try await Self.sign(rsa).split(separator: ".")
        let truncated = [rsaParts[0], rsaParts[1], rsaParts[2].dropLast(4)].joined(separator: ".")
        #expect(await Self.code(truncated, jwks: rsa.publicJWKSJSON) == "signature-invalid")
        let empty = [genuine[0], genuine[1], ""].joined(separator: ".")
        #expect(await Self.code(empty, jwks: ec.publicJWKSJSON) == "signature-invalid")
    }

    @Test func refusesWrongIssuerSubjectOrAudience() async throws {
        let key = try #require(TestKeys.rs256)
        let jwks = key.publicJWKSJSON
        #expect(await Self.code(try await Self.sign(key, iss: "other"), jwks: jwks) == "issuer-mismatch")
        #expect(await Self.code(try await Self.sign(key, iss: nil), jwks: jwks) == "issuer-mismatch")
        #expect(await Self.code(try await Self.sign(key, sub: "other"), jwks: jwks) == "issuer-mismatch")
        #expect(await Self.code(try await Self.sign(key, aud: ["https://zorgbrug.example/oauth/token/"]), jwks: jwks) == "audience-mismatch")
        #expect(await Self.code(try await Self.sign(key, aud: []), jwks: jwks) == "audience-mismatch")
    }

    @Test func refusesBadLifetimes() async throws {
        let key = try #require(TestKeys.es256)
        let jwks = key.publicJWKSJSON
        let now = Self.now
        #expect(await Self.code(try await Self.sign(key, exp: nil), jwks: jwks) == "malformed")
        #expect(await Self.code(try await Self.sign(key, iat: now - 120_000, exp: now - 60_000), jwks: jwks) == "expired")
        #expect(await Self.code(try await Self.sign(key, iat: now, exp: now + 600_000), jwks: jwks) == "lifetime-too-long")
        #expect(await Self.code(try await Self.sign(key, iat: nil, exp: now + 600_000), jwks: jwks) == "lifetime-too-long")
        #expect(await Self.code(try await Self.sign(key, iat: now - 240_000, exp: now + 120_000), jwks: jwks) == "lifetime-too-long")
        #expect(await Self.code(try await Self.sign(key, iat: now, exp: now + 300_000), jwks: jwks) == nil)
        #expect(await Self.code(try await Self.sign(key, iat: now + 120_000, exp: now + 180_000), jwks: jwks) == "not-yet-valid")
        #expect(await Self.code(try await Self.sign(key, nbf: now + 120_000), jwks: jwks) == "not-yet-valid")
    }

    @Test func requiresAJti() async throws {
        let key = try #require(TestKeys.es256)
        #expect(await Self.code(try await Self.sign(key, jti: nil), jwks: key.publicJWKSJSON) == "jti-missing")
        #expect(await Self.code(try await Self.sign(key, jti: ""), jwks: key.publicJWKSJSON) == "jti-missing")
    }

    @Test func errorsCarryStableCodesAndHelpfulMessages() {
        #expect(ClientAssertionError.expired.code == "expired")
        #expect(ClientAssertionError.algNotAllowed("none").message.contains("ES256 or RS256"))
        #expect(ClientAssertionError.malformed("x") == ClientAssertionError.malformed("y"))
        #expect(ClientAssertionVerifier.unverifiedIssuer(of: "not-a-jwt") == nil)
    }
}
