import FHIR
import Foundation
import Testing
import ZorgbrugClient

/// WGBO delegation: parents for children, the 16th birthday, caregivers chosen by the patient.
@Suite("Delegation (WGBO)")
struct DelegationTests {
    /// A child of `organization` born on `birthDate`, with a parent RelatedPerson.
    func child(_ world: World, birthDate: String) async throws -> (patient: String, parent: String) {
        let patient = try await World.createPatient(world.providerA, family: "Kind", birthDate: birthDate)
        let parent = try await world.providerA.create(type: "RelatedPerson", resource: [
            "resourceType": "RelatedPerson", "patient": ["reference": .string("Patient/\(patient)")],
            "relationship": [["coding": [["system": "http://terminology.hl7.org/CodeSystem/v3-RoleCode", "code": "MTH"]]]],
            "name": [["text": "Moeder Kind"]],
        ])
        #expect(parent.status == 201, "\(parent.text)")
        return (patient, try #require(parent.resource?["id"]?.stringValue))
    }

    @Test("a parent's grant stops working on the child's 16th birthday")
    func sixteenthBirthday() async throws {
        // Clock: 2026-11-23. The child turns 16 on 2026-11-25.
        try await withServer { server in
            let world = try await World.make(server)
            let (patient, parent) = try await child(world, birthDate: "2010-11-25")
            let code = try await World.connectCode(world.providerA, patient: patient, relatedPerson: parent)
            let tokens = try await World.redeem(server, code: code, clientID: world.pgoClientID, secret: world.pgoSecret)
            let parentClient = server.client(token: tokens.access)
            let before = try await parentClient.read(type: "Patient", id: patient)
            #expect(before.status == 200)
            server.clock.advance(days: 2)
            // A fresh access token through refresh is refused: the grant ended.
            let refreshed = try await server.client().post(
                path: "/oauth/token", form: [("grant_type", "refresh_token"), ("refresh_token", tokens.refresh)],
                headers: [World.basic(world.pgoClientID, world.pgoSecret)])
            #expect(refreshed.status == 400)
            #expect(refreshed.resource?["error_description"]?.stringValue?.contains("delegation-ended") == true)
        }
    }

    @Test("an access token issued before the birthday is refused after it")
    func tokenAcrossBirthday() async throws {
        try await withServer { server in
            let world = try await World.make(server)
            let (patient, parent) = try await child(world, birthDate: "2010-11-23")
            // The child is 16 today: a parent code is refused at redemption.
            let code = try await World.connectCode(world.providerA, patient: patient, relatedPerson: parent)
            let response = try await server.client().post(
                path: "/oauth/token", form: [("grant_type", "urn:zorgbrug:grant-type:connect-code"), ("code", code)],
                headers: [World.basic(world.pgoClientID, world.pgoSecret)])
            #expect(response.status == 400)
            let (young, youngParent) = try await child(world, birthDate: "2010-11-24")
            let youngCode = try await World.connectCode(world.providerA, patient: young, relatedPerson: youngParent)
            // 23:55 in the Netherlands (22:55Z): the token is issued the evening before the 16th birthday…
            server.clock.advance(milliseconds: (12 * 60 + 55) * 60_000)
            let tokens = try await World.redeem(server, code: youngCode, clientID: world.pgoClientID, secret: world.pgoSecret)
            #expect(try await server.client(token: tokens.access).read(type: "Patient", id: young).status == 200)
            // …and refused ten minutes later, while it has not expired yet.
            server.clock.advance(milliseconds: 10 * 60_000)
            let after = try await server.client(token: tokens.access).read(type: "Patient", id: young)
            #expect(after.status == 403)
            #expect(after.errorCode == "delegation-ended")
        }
    }

    @Test("a child under 12 cannot connect on their own")
    func youngChild() async throws {
        try await withServer { server in
            let world = try await World.make(server)
            let patient = try await World.createPatient(world.providerA, family: "Klein", birthDate: "2020-01-01")
            let code = try await World.connectCode(world.providerA, patient: patient)
            let response = try await server.client().post(
                path: "/oauth/token", form: [("grant_type", "urn:zorgbrug:grant-type:connect-code"), ("code", code)],
                headers: [World.basic(world.pgoClientID, world.pgoSecret)])
            #expect(response.status == 400)
        }
    }

    @Test("a patient delegates to a caregiver, whose actions are recorded as the RelatedPerson, and revokes it")
    func caregiver() async throws {
        try await withServer { server in
            let world = try await World.make(server)
            let delegated = try await world.pgoA.post(path: "Patient/\(world.patientA)/$delegate", json: [
                "resourceType": "Parameters", "parameter": [["name": "name", "valueString": "Mantelzorger Mia"]],
            ])
            #expect(delegated.status == 200, "\(delegated.text)")
            let parameters = delegated.resource?["parameter"]?.arrayValue ?? []
            let code = try #require(parameters.first { $0["name"]?.stringValue == "code" }?["valueString"]?.stringValue)
            let related = try #require(parameters.first { $0["name"]?.stringValue == "relatedPerson" }?["valueReference"]?["reference"]?.stringValue)
            let tokens = try await World.redeem(server, code: code, clientID: world.pgoClientID, secret: world.pgoSecret)
            let caregiver = server.client(token: tokens.access)
            let created = try await caregiver.create(type: "Observation", resource: World.observation(for: world.patientA))
            #expect(created.status == 201)
            // Someone else's patient is invisible to the caregiver.
            #expect(try await caregiver.read(type: "Patient", id: world.patientB).status == 404)
            // A delegate cannot delegate further.
            let further = try await caregiver.post(path: "Patient/\(world.patientA)/$delegate", json: [
                "resourceType": "Parameters", "parameter": [["name": "name", "valueString": "X"]],
            ])
            #expect(further.status == 403)
            let audit = try await world.providerA.search(type: "AuditEvent", parameters: [("patient", world.patientA), ("_count", "1000")])
            let creates = (audit.resource?["entry"]?.arrayValue ?? []).compactMap { $0["resource"] }.filter {
                $0["subtype"]?.arrayValue?.first?["code"]?.stringValue == "create"
                    && $0["entity"]?.arrayValue?.contains { $0["what"]?["type"]?.stringValue == "Observation" } == true
            }
            #expect(creates.count == 1)
            #expect(creates.first?["agent"]?.arrayValue?.first?["who"]?["reference"]?.stringValue == related)
            // The patient revokes the caregiver's consent.
            let consents = try await world.pgoA.search(type: "Consent", parameters: [("actor", related)])
            let consentID = try #require(consents.resource?["entry"]?.arrayValue?.first?["resource"]?["id"]?.stringValue)
            let revoked = try await world.pgoA.post(path: "Consent/\(consentID)/$revoke", json: ["resourceType": "Parameters"])
            #expect(revoked.status == 200)
            #expect(try await caregiver.read(type: "Patient", id: world.patientA).status == 401)
            #expect(try await world.pgoA.read(type: "Patient", id: world.patientA).status == 200)
        }
    }
}
