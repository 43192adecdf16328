import FHIR
import Foundation
import Testing
import ZorgbrugClient

/// Connect codes, grants (long-term consent), refresh rotation, revocation and the WGBO age rules, end to end.
@Suite("Consent and delegation")
struct ConsentTests {
    func refresh(_ world: World, _ refreshToken: String) async throws -> FHIRClientResponse {
        try await world.server.client().post(
            path: "/oauth/token", form: [("grant_type", "refresh_token"), ("refresh_token", refreshToken)],
            headers: [World.basic(world.pgoClientID, world.pgoSecret)])
    }

    @Test("a redeemed code gives a patient-scoped token with context, and a Consent the patient and provider can read")
    func connect() async throws {
        try await withServer { server in
            let world = try await World.make(server)
            let consents = try await world.pgoA.search(type: "Consent", parameters: [("patient", world.patientA)])
            let consent = try #require(consents.resource?["entry"]?.arrayValue?.first?["resource"])
            #expect(consent["status"]?.stringValue == "active")
            #expect(consent["provision"]?["actor"]?.arrayValue?.first?["reference"]?["reference"]?.stringValue == "Patient/\(world.patientA)")
            let seenByProvider = try await world.providerA.search(type: "Consent", parameters: [("patient", world.patientA)])
            #expect(seenByProvider.resource?["entry"]?.arrayValue?.count == 1)
            let seenByOther = try await world.providerB.search(type: "Consent", parameters: [("patient", world.patientA)])
            #expect(seenByOther.resource?["entry"] == nil)
        }
    }

    @Test("a connect code works once; a second redemption fails")
    func singleUse() async throws {
        try await withServer { server in
            let world = try await World.make(server)
            let code = try await World.connectCode(world.providerA, patient: world.patientA2)
            let form = [("grant_type", "urn:zorgbrug:grant-type:connect-code"), ("code", code.lowercased())]
            let first = try await server.client().post(path: "/oauth/token", form: form, headers: [World.basic(world.pgoClientID, world.pgoSecret)])
            #expect(first.status == 200, "\(first.text)")
            #expect(first.resource?["patient"]?.stringValue == world.patientA2)
            #expect(first.resource?["fhirUser"]?.stringValue == "Patient/\(world.patientA2)")
            let second = try await server.client().post(path: "/oauth/token", form: form, headers: [World.basic(world.pgoClientID, world.pgoSecret)])
            #expect(second.status == 400)
            #expect(second.resource?["error"]?.stringValue == "invalid_grant")
        }
    }

    @Test("guessing codes is rate-limited per source address (429 slow_down with Retry-After)")
    func guessing() async throws {
        try await withServer { server in
            let world = try await World.make(server)
            var statuses: [Int] = []
            for i in 0..<7 {
                let guess = String(format: "ABCD-%04d", i)
                let response = try await server.client().post(
                    path: "/oauth/token", form: [("grant_type", "urn:zorgbrug:grant-type:connect-code"), ("code", guess)],
                    headers: [World.basic(world.pgoClientID, world.pgoSecret)])
                statuses.append(response.status)
                if response.status == 429 { #expect(response.headers["Retry-After"] != nil) }
            }
            #expect(statuses.prefix(5).allSatisfy { $0 == 400 })
            #expect(statuses.suffix(2).allSatisfy { $0 == 429 })
            // Even a valid code is refused while locked.
            let code = try await World.connectCode(world.providerA, patient: world.patientA2)
            let locked = try await server.client().post(
                path: "/oauth/token", form: [("grant_type", "urn:zorgbrug:grant-type:connect-code"), ("code", code)],
                headers: [World.basic(world.pgoClientID, world.pgoSecret)])
            #expect(locked.status == 429)
            server.clock.advance(milliseconds: 61 * 60 * 1000)
            let later = try await server.client().post(
                path: "/oauth/token", form: [("grant_type", "urn:zorgbrug:grant-type:connect-code"), ("code", code)],
                headers: [World.basic(world.pgoClientID, world.pgoSecret)])
            #expect(later.status == 200, "\(later.text)")
        }
    }

    @Test("refresh tokens rotate; reusing an old one revokes the whole grant")
    func rotation() async throws {
        try await withServer { server in
            let world = try await World.make(server)
            let first = try await refresh(world, world.patientARefresh)
            #expect(first.status == 200, "\(first.text)")
            let newRefresh = try #require(first.resource?["refresh_token"]?.stringValue)
            let newAccess = try #require(first.resource?["access_token"]?.stringValue)
            #expect(newRefresh != world.patientARefresh)
            let reuse = try await refresh(world, world.patientARefresh)
            #expect(reuse.status == 400)
            #expect(reuse.resource?["error"]?.stringValue == "invalid_grant")
            // The whole grant is gone: the newest tokens stop working too.
            let access = try await server.client(token: newAccess).read(type: "Patient", id: world.patientA)
            #expect(access.status == 401)
            let again = try await refresh(world, newRefresh)
            #expect(again.status == 400)
            let consent = try await world.providerA.search(type: "Consent", parameters: [("patient", world.patientA)])
            #expect(consent.resource?["entry"]?.arrayValue?.first?["resource"]?["status"]?.stringValue == "inactive")
        }
    }

    @Test("the patient revokes the consent: every token of the grant stops at once")
    func revokeByPatient() async throws {
        try await withServer { server in
            let world = try await World.make(server)
            let consents = try await world.pgoA.search(type: "Consent", parameters: [])
            let id = try #require(consents.resource?["entry"]?.arrayValue?.first?["resource"]?["id"]?.stringValue)
            let foreign = try await world.pgoB.post(path: "Consent/\(id)/$revoke", json: ["resourceType": "Parameters"])
            #expect(foreign.status == 404)
            let revoked = try await world.pgoA.post(path: "Consent/\(id)/$revoke", json: ["resourceType": "Parameters"])
            #expect(revoked.status == 200, "\(revoked.text)")
            #expect(revoked.resource?["status"]?.stringValue == "inactive")
            let after = try await world.pgoA.read(type: "Patient", id: world.patientA)
            #expect(after.status == 401)
            #expect(try await refresh(world, world.patientARefresh).status == 400)
            // The other patient's grant is untouched.
            #expect(try await world.pgoB.read(type: "Patient", id: world.patientB).status == 200)
        }
    }

    @Test("RFC 7009: revoking the refresh token ends the grant; unknown tokens answer 200")
    func revokeEndpoint() async throws {
        try await withServer { server in
            let world = try await World.make(server)
            let headers = [World.basic(world.pgoClientID, world.pgoSecret)]
            let unknown = try await server.client().post(path: "/oauth/revoke", form: [("token", "nonsense")], headers: headers)
            #expect(unknown.status == 200)
            let revoked = try await server.client().post(path: "/oauth/revoke", form: [("token", world.patientARefresh)], headers: headers)
            #expect(revoked.status == 200)
            #expect(try await world.pgoA.read(type: "Patient", id: world.patientA).status == 401)
        }
    }

    @Test("a grant lapses after 180 days without use")
    func lapse() async throws {
        try await withServer { server in
            let world = try await World.make(server)
            server.clock.advance(days: 181)
            let response = try await refresh(world, world.patientARefresh)
            #expect(response.status == 400)
            #expect(response.resource?["error_description"]?.stringValue?.contains("consent-expired") == true)
        }
    }
}
