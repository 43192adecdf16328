import FHIR
import Foundation
import Testing
import ZorgbrugAPI
import ZorgbrugClient
import ZorgbrugStore

/// A seeded world for end-to-end tests: two provider organizations, each with a client and patients, and a PGO
/// holding a grant for one patient of each. Everything after the admin seeding goes over real HTTP.
struct World {
    let server: TestServer
    let organizationA: String
    let organizationB: String
    let providerA: FHIRClient
    let providerB: FHIRClient
    let pgoClientID: String
    let pgoSecret: String
    let publicClientID: String
    /// Patient of A with a PGO grant, and its token.
    let patientA: String
    let patientAToken: String
    let patientARefresh: String
    /// Second patient of A (no grant).
    let patientA2: String
    /// Patient of B with a PGO grant.
    let patientB: String
    let patientBToken: String

    var pgoA: FHIRClient { server.client(token: patientAToken) }
    var pgoB: FHIRClient { server.client(token: patientBToken) }

    static func make(_ server: TestServer) async throws -> World {
        let identity = server.identity
        let orgA = try await identity.createOrganization(name: "Ziekenhuis Aa", identifier: nil, newID: "org-a")
        let orgB = try await identity.createOrganization(name: "GGZ Bee", identifier: nil, newID: "org-b")
        let providerA = try await identity.registerClient(kind: .provider, displayName: "ECD A", organizationID: orgA.id, jwks: nil, clientID: "provider-a")
        let providerB = try await identity.registerClient(kind: .provider, displayName: "ECD B", organizationID: orgB.id, jwks: nil, clientID: "provider-b")
        let pgo = try await identity.registerClient(kind: .pgo, displayName: "Test PGO", organizationID: nil, jwks: nil, clientID: "pgo")
        let publicClient = try await identity.registerClient(kind: .public, displayName: "bp", organizationID: nil, jwks: nil, clientID: "bp")
        let tokenA = try await providerToken(server, clientID: "provider-a", secret: try #require(providerA.secret))
        let tokenB = try await providerToken(server, clientID: "provider-b", secret: try #require(providerB.secret))
        let clientA = server.client(token: tokenA)
        let clientB = server.client(token: tokenB)
        let patientA = try await createPatient(clientA, family: "Aarts", birthDate: "1970-01-01")
        let patientA2 = try await createPatient(clientA, family: "Abels", birthDate: "1980-05-05")
        let patientB = try await createPatient(clientB, family: "Bakker", birthDate: "1975-03-03")
        let codeA = try await connectCode(clientA, patient: patientA)
        let codeB = try await connectCode(clientB, patient: patientB)
        let grantA = try await redeem(server, code: codeA, clientID: "pgo", secret: pgo.secret)
        let grantB = try await redeem(server, code: codeB, clientID: "pgo", secret: pgo.secret)
        return World(
            server: server, organizationA: orgA.id, organizationB: orgB.id, providerA: clientA, providerB: clientB,
            pgoClientID: "pgo", pgoSecret: try #require(pgo.secret), publicClientID: publicClient.client.clientID,
            patientA: patientA, patientAToken: grantA.access, patientARefresh: grantA.refresh, patientA2: patientA2,
            patientB: patientB, patientBToken: grantB.access)
    }

    static func basic(_ clientID: String, _ secret: String) -> (String, String) {
        ("Authorization", "Basic " + Data("\(clientID):\(secret)".utf8).base64EncodedString())
    }

    static func providerToken(_ server: TestServer, clientID: String, secret: String) async throws -> String {
        let response = try await server.client().post(
            path: "/oauth/token", form: [("grant_type", "client_credentials")], headers: [basic(clientID, secret)])
        #expect(response.status == 200, "\(response.text)")
        return try #require(response.resource?["access_token"]?.stringValue)
    }

    static func createPatient(_ client: FHIRClient, family: String, birthDate: String) async throws -> String {
        let response = try await client.create(
            type: "Patient",
            resource: ["resourceType": "Patient", "name": [["family": .string(family)]], "birthDate": .string(birthDate)])
        #expect(response.status == 201, "\(response.text)")
        return try #require(response.resource?["id"]?.stringValue)
    }

    static func connectCode(_ client: FHIRClient, patient: String, relatedPerson: String? = nil) async throws -> String {
        var parameters: [JSON] = []
        if let relatedPerson {
            parameters.append(["name": "relatedPerson", "valueReference": ["reference": .string("RelatedPerson/\(relatedPerson)")]])
        }
        let body: JSON = parameters.isEmpty ? ["resourceType": "Parameters"] : ["resourceType": "Parameters", "parameter": .array(parameters)]
        let response = try await client.post(path: "Patient/\(patient)/$connect-code", json: body)
        #expect(response.status == 200, "\(response.text)")
        let code = response.resource?["parameter"]?.arrayValue?.first { $0["name"]?.stringValue == "code" }?["valueString"]?.stringValue
        return try #require(code)
    }

    static func redeem(_ server: TestServer, code: String, clientID: String, secret: String?) async throws -> (access: String, refresh: String) {
        var form = [("grant_type", IdentityService.connectCodeGrant), ("code", code)]
        var headers: [(String, String)] = []
        if let secret { headers.append(basic(clientID, secret)) } else { form.append(("client_id", clientID)) }
        let response = try await server.client().post(path: "/oauth/token", form: form, headers: headers)
        #expect(response.status == 200, "\(response.text)")
        return (try #require(response.resource?["access_token"]?.stringValue), try #require(response.resource?["refresh_token"]?.stringValue))
    }

    /// A minimal valid Task for `patient`.
    static func task(for patient: String, status: String = "ready") -> JSONObject {
        [
            "resourceType": "Task", "status": .string(status), "intent": "order",
            "code": ["coding": [["system": "http://zorgbrug.nl/fhir/CodeSystem/task-kind", "code": "questionnaire"]]],
            "for": ["reference": .string("Patient/\(patient)")],
            "focus": ["reference": "Questionnaire/phq-9"],
        ]
    }

    /// A minimal valid blood-pressure Observation for `patient`.
    static func observation(for patient: String, systolic: Int = 132, diastolic: Int = 84) -> JSONObject {
        [
            "resourceType": "Observation", "status": "final",
            "code": ["coding": [["system": "http://loinc.org", "code": "85354-9"]]],
            "subject": ["reference": .string("Patient/\(patient)")],
            "effectiveDateTime": "2026-11-23T08:00:00+01:00",
            "component": [
                ["code": ["coding": [["system": "http://loinc.org", "code": "8480-6"]]], "valueQuantity": ["value": .number(JSONNumber(systolic)), "unit": "mm[Hg]", "system": "http://unitsofmeasure.org", "code": "mm[Hg]"]],
                ["code": ["coding": [["system": "http://loinc.org", "code": "8462-4"]]], "valueQuantity": ["value": .number(JSONNumber(diastolic)), "unit": "mm[Hg]", "system": "http://unitsofmeasure.org", "code": "mm[Hg]"]],
            ],
        ]
    }
}
