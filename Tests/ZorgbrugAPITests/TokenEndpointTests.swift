import Credentials
import FHIR
import Foundation
import Testing
import ZorgbrugClient

/// `/oauth/token` and `/oauth/revoke` as an attacker would try them.
@Suite("Token endpoint")
struct TokenEndpointTests {
    func token(_ server: TestServer, _ form: [(String, String)], headers: [(String, String)] = []) async throws -> FHIRClientResponse {
        try await server.client().post(path: "/oauth/token", form: form, headers: headers)
    }

    @Test("client_secret_basic: right secret gets a 15-minute token, wrong secret or unknown client gets 401 invalid_client")
    func basic() async throws {
        try await withServer { server in
            let registered = try await server.identity.createOrganization(name: "Org", identifier: nil, newID: "org")
            let client = try await server.identity.registerClient(kind: .provider, displayName: "ECD", organizationID: registered.id, jwks: nil, clientID: "ecd")
            let ok = try await token(server, [("grant_type", "client_credentials")], headers: [World.basic("ecd", try #require(client.secret))])
            #expect(ok.status == 200)
            #expect(ok.resource?["expires_in"]?.numberValue?.int == 900)
            #expect(ok.resource?["organization"]?.stringValue == "Organization/org")
            #expect(ok.headers["Cache-Control"] == "no-store")
            let wrong = try await token(server, [("grant_type", "client_credentials")], headers: [World.basic("ecd", "guess")])
            #expect(wrong.status == 401)
            #expect(wrong.resource?["error"]?.stringValue == "invalid_client")
            let unknown = try await token(server, [("grant_type", "client_credentials")], headers: [World.basic("nobody", "x")])
            #expect(unknown.status == 401)
            let unsupported = try await token(server, [("grant_type", "password")], headers: [World.basic("ecd", try #require(client.secret))])
            #expect(unsupported.resource?["error"]?.stringValue == "unsupported_grant_type")
            let missing = try await token(server, [])
            #expect(missing.status == 400)
            #expect(missing.resource?["error"]?.stringValue == "invalid_request")
        }
    }

    @Test("an expired token is refused; a disabled client's tokens stop working at once")
    func expiryAndDisable() async throws {
        try await withServer { server in
            let world = try await World.make(server)
            let before = try await world.providerA.read(type: "Patient", id: world.patientA)
            #expect(before.status == 200)
            server.clock.advance(milliseconds: 15 * 60 * 1000 + 1)
            let expired = try await world.providerA.read(type: "Patient", id: world.patientA)
            #expect(expired.status == 401)
            #expect(expired.errorCode == "token-expired")
            let fresh = try await World.providerToken(server, clientID: "provider-b", secret: try await server.identity.rotateSecret(clientID: "provider-b"))
            try await server.identity.disableClient(clientID: "provider-b")
            let disabled = try await server.client(token: fresh).read(type: "Patient", id: world.patientB)
            #expect(disabled.status == 401)
            let garbage = try await server.client(token: "not-a-token").read(type: "Patient", id: world.patientA)
            #expect(garbage.status == 401)
            #expect(garbage.errorCode == "token-invalid")
            let none = try await server.client().read(type: "Patient", id: world.patientA)
            #expect(none.status == 401)
            #expect(none.errorCode == "authentication-required")
            #expect(none.headers["WWW-Authenticate"]?.hasPrefix("Bearer") == true)
        }
    }

    @Test("private_key_jwt with ES256 and RS256; replayed, expired, wrong audience and unsigned assertions are refused", arguments: [ClientKeyPair.Algorithm.es256, .rs256])
    func privateKeyJWT(algorithm: ClientKeyPair.Algorithm) async throws {
        try await withServer { server in
            let organization = try await server.identity.createOrganization(name: "Org", identifier: nil, newID: "org")
            let keys = try ClientKeyPair.generate(algorithm, keyID: "k1")
            _ = try await server.identity.registerClient(kind: .provider, displayName: "ECD", organizationID: organization.id, jwks: keys.publicJWKSJSON, clientID: "jwt-client")
            let audience = server.baseURL + "/oauth/token"
            let now = server.clock.now
            func form(_ assertion: String) -> [(String, String)] {
                [("grant_type", "client_credentials"),
                 ("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"),
                 ("client_assertion", assertion)]
            }
            let assertion = try await keys.signAssertion(issuer: "jwt-client", subject: "jwt-client", audience: [audience], issuedAt: now, expiresAt: now + 60_000, jti: "jti-1")
            let ok = try await token(server, form(assertion))
            #expect(ok.status == 200, "\(ok.text)")
            let replay = try await token(server, form(assertion))
            #expect(replay.status == 401)
            let wrongAudience = try await keys.signAssertion(issuer: "jwt-client", subject: "jwt-client", audience: ["https://elsewhere/token"], issuedAt: now, expiresAt: now + 60_000, jti: "jti-2")
            #expect(try await token(server, form(wrongAudience)).status == 401)
            let tooLong = try await keys.signAssertion(issuer: "jwt-client", subject: "jwt-client", audience: [audience], issuedAt: now, expiresAt: now + 3_600_000, jti: "jti-3")
            #expect(try await token(server, form(tooLong)).status == 401)
            let expired = try await keys.signAssertion(issuer: "jwt-client", subject: "jwt-client", audience: [audience], issuedAt: now - 600_000, expiresAt: now - 300_000, jti: "jti-4")
            #expect(try await token(server, form(expired)).status == 401)
            let header = Data(#"{"alg":"none","typ":"JWT"}"#.utf8).base64EncodedString().replacingOccurrences(of: "=", with: "")
            let claims = Data(#"{"iss":"jwt-client","sub":"jwt-client","aud":"\#(audience)","exp":\#(now / 1000 + 60),"jti":"jti-5"}"#.utf8).base64EncodedString().replacingOccurrences(of: "=", with: "")
            #expect(try await token(server, form("\(header).\(claims).")).status == 401)
            let otherKeys = try ClientKeyPair.generate(algorithm, keyID: "k1")
            let forged = try await otherKeys.signAssertion(issuer: "jwt-client", subject: "jwt-client", audience: [audience], issuedAt: now, expiresAt: now + 60_000, jti: "jti-6")
            #expect(try await token(server, form(forged)).status == 401)
        }
    }
}
