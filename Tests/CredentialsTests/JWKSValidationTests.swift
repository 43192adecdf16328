import Testing

@testable import Credentials

@Suite struct JWKSValidationTests {
    @Test func acceptsGeneratedPublicKeys() throws {
        let ec = try #require(TestKeys.es256)
        let rsa = try #require(TestKeys.rs256)
        #expect(try JWKSValidation.validate(ec.publicJWKSJSON) == ["ec-1"])
        #expect(try JWKSValidation.validate(#"{"keys":[\#(ec.publicJWKJSON),\#(rsa.publicJWKJSON)]}"#) == ["ec-1", "rsa-1"])
    }

    @Test func acceptsKeysWithoutKidOrAlg() throws {
        let ec = try #require(TestKeys.es256)
        let stripped = ec.publicJWKJSON
            .replacingOccurrences(of: #""alg":"ES256","#, with: "")
            .replacingOccurrences(of: #""kid":"ec-1","#, with: "")
        #expect(try JWKSValidation.validate(#"{"keys":[\#(stripped)]}"#) == [""])
    }

    static let ecPoint = #""x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0""#

    @Test(arguments: [
        ("not json", "not-json"),
        ("[]", "not-json"),
        (#"{"kys":[]}"#, "keys-missing"),
        (#"{"keys":[]}"#, "keys-empty"),
        (#"{"keys":[1]}"#, "key-not-object"),
        (#"{"keys":[{"kty":"oct","k":"c2VjcmV0"}]}"#, "private-key-material"),
        (#"{"keys":[{"kty":"oct","kid":"h"}]}"#, "kty-not-supported"),
        (#"{"keys":[{"kid":"a"}]}"#, "kty-missing"),
        (#"{"keys":[{"kty":"EC","crv":"P-256",\#(ecPoint),"d":"jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI"}]}"#, "private-key-material"),
        (#"{"keys":[{"kty":"EC","crv":"P-384",\#(ecPoint)}]}"#, "curve-not-supported"),
        (#"{"keys":[{"kty":"EC","crv":"P-256","alg":"ES384",\#(ecPoint)}]}"#, "alg-not-supported"),
        (#"{"keys":[{"kty":"EC","crv":"P-256","alg":"HS256",\#(ecPoint)}]}"#, "alg-not-supported"),
        (#"{"keys":[{"kty":"EC","crv":"P-256","use":"enc",\#(ecPoint)}]}"#, "use-not-sig"),
        (#"{"keys":[{"kty":"EC","crv":"P-256","x":"AAAA","y":"AAAA"}]}"#, "key-invalid"),
        (#"{"keys":[{"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}]}"#, "key-invalid"),
        (#"{"keys":[{"kty":"EC","crv":"P-256","kid":"",\#(ecPoint)}]}"#, "kid-invalid"),
        (#"{"keys":[{"kty":"EC","crv":"P-256","kid":"a",\#(ecPoint)},{"kty":"EC","crv":"P-256","kid":"a",\#(ecPoint)}]}"#, "kid-duplicate"),
        (#"{"keys":[{"kty":"RSA","n":"AQAB"}]}"#, "key-invalid"),
        (#"{"keys":[{"kty":"RSA","n":"wRGT","e":"AQAB"}]}"#, "key-invalid"),
        (#"{"keys":[{"kty":"RSA","alg":"PS256","n":"wRGT","e":"AQAB"}]}"#, "alg-not-supported"),
    ])
    func refuses(json: String, code: String) {
        #expect(Self.failure(json)?.code == code)
    }

    static func failure(_ json: String) -> JWKSValidationError? {
        do {
            try JWKSValidation.validate(json)
            return nil
        } catch {
            return error
        }
    }

    @Test func refusesRSAPrivateKeyAndTooManyKeys() throws {
        let rsa = try #require(TestKeys.rs256)
        let withPrivate = rsa.publicJWKJSON.replacingOccurrences(of: #""kty":"RSA","#, with: #""kty":"RSA","p":"AQAB","#)
        let privateFailure = Self.failure(#"{"keys":[\#(withPrivate)]}"#)
        #expect(privateFailure?.code == "private-key-material")
        #expect(privateFailure?.keyIndex == 0)
        let ec = try #require(TestKeys.es256)
        let eleven = Array(repeating: ec.publicJWKJSON.replacingOccurrences(of: #""kid":"ec-1","#, with: ""), count: 11)
        #expect(Self.failure(#"{"keys":[\#(eleven.joined(separator: ","))]}"#)?.code == "too-many-keys")
    }
}
