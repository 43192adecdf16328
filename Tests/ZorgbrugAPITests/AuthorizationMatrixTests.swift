import FHIR
import Foundation
import Testing
import ZorgbrugClient
import ZorgbrugCore

/// Every route × every role × own/foreign patient: nothing of patient A may reach anyone but A's provider and A's
/// PGO; foreign ids answer 404 (never 403 or 200), searches and includes never carry foreign data.
@Suite("Authorization matrix")
struct AuthorizationMatrixTests {
    /// One resource of every patient-compartment type for patient A, made by provider A.
    func seed(_ world: World) async throws -> [(type: String, id: String)] {
        let a = world.patientA
        let patient: JSON = ["reference": .string("Patient/\(a)")]
        let bodies: [JSONObject] = [
            World.task(for: a),
            World.observation(for: a),
            ["resourceType": "QuestionnaireResponse", "status": "in-progress", "subject": patient],
            ["resourceType": "ServiceRequest", "status": "active", "intent": "order", "subject": patient,
             "code": ["coding": [["system": "http://loinc.org", "code": "85354-9"]]]],
            ["resourceType": "CarePlan", "status": "active", "intent": "plan", "subject": patient],
            ["resourceType": "Appointment", "status": "proposed", "participant": [["actor": patient, "status": "needs-action"]]],
            ["resourceType": "Communication", "status": "in-progress", "subject": patient, "payload": [["contentString": "Hallo"]]],
            ["resourceType": "RelatedPerson", "patient": patient, "name": [["text": "Buur"]]],
        ]
        var created: [(String, String)] = [("Patient", a)]
        for body in bodies {
            let type = try #require(body["resourceType"]?.stringValue)
            let response = try await world.providerA.create(type: type, resource: body)
            #expect(response.status == 201, "\(type): \(response.text)")
            created.append((type, try #require(response.resource?["id"]?.stringValue)))
        }
        let appointment = try #require(created.first { $0.0 == "Appointment" }?.1)
        let answer = try await world.pgoA.create(type: "AppointmentResponse", resource: [
            "resourceType": "AppointmentResponse", "appointment": ["reference": .string("Appointment/\(appointment)")],
            "participantStatus": "accepted", "actor": patient,
        ])
        #expect(answer.status == 201, "\(answer.text)")
        created.append(("AppointmentResponse", try #require(answer.resource?["id"]?.stringValue)))
        let consents = try await world.pgoA.search(type: "Consent", parameters: [])
        created.append(("Consent", try #require(consents.resource?["entry"]?.arrayValue?.first?["resource"]?["id"]?.stringValue)))
        return created
    }

    /// `true` when `bundle` contains anything belonging to patient `patient`.
    func leaks(_ bundle: JSONObject?, patient: String, ids: Set<String>) -> Bool {
        guard let entries = bundle?["entry"] else { return false }
        let text = entries.serializedString()
        return text.contains(patient) || ids.contains { text.contains($0) }
    }

    @Test("foreign roles get 404 on every instance route and see nothing in any search or history")
    func foreign() async throws {
        try await withServer { server in
            let world = try await World.make(server)
            let resources = try await seed(world)
            let ids = Set(resources.map(\.id))
            let roles: [(String, FHIRClient)] = [("provider B", world.providerB), ("PGO of patient B", world.pgoB)]
            var bodies: [String: JSONObject] = [:]
            for (type, id) in resources {
                bodies["\(type)/\(id)"] = try await world.providerA.read(type: type, id: id).resource
            }
            for (role, client) in roles {
                for (type, id) in resources {
                    let read = try await client.read(type: type, id: id)
                    #expect(read.status == 404, "\(role) read \(type): \(read.status)")
                    let vread = try await client.vread(type: type, id: id, version: "1")
                    #expect([404, 405, 403].contains(vread.status) && vread.status != 200, "\(role) vread \(type)")
                    let history = try await client.get(path: "\(type)/\(id)/_history")
                    #expect(history.status != 200 || !leaks(history.resource, patient: world.patientA, ids: ids), "\(role) history \(type)")
                    // A valid body (the resource itself), so only access decides the answer.
                    let update = try await client.update(type: type, id: id, resource: try #require(bodies["\(type)/\(id)"]), ifMatch: "1")
                    #expect([404, 403, 405].contains(update.status), "\(role) update \(type): \(update.status)")
                    let patch = try await client.patch(type: type, id: id, jsonPatch: [["op": "add", "path": "/language", "value": "nl"]], ifMatch: "1")
                    #expect([404, 403, 405].contains(patch.status), "\(role) patch \(type): \(patch.status)")
                    let delete = try await client.delete(type: type, id: id)
                    #expect([404, 403, 405].contains(delete.status), "\(role) delete \(type): \(delete.status)")
                    for parameters in [[("_id", id)], [], [("_count", "1000")]] {
                        let search = try await client.search(type: type, parameters: parameters)
                        #expect(!leaks(search.resource, patient: world.patientA, ids: ids), "\(role) search \(type) \(parameters)")
                    }
                    if let definition = ResourceCatalog.definition(type) {
                        for parameter in definition.searchParameters where parameter.kind == .reference {
                            let search = try await client.search(type: type, parameters: [(parameter.name, "Patient/\(world.patientA)")])
                            #expect(!leaks(search.resource, patient: world.patientA, ids: ids), "\(role) \(type)?\(parameter.name)")
                        }
                        for include in definition.includes {
                            let search = try await client.search(type: type, parameters: [("_include", "\(type):\(include)")])
                            #expect(!leaks(search.resource, patient: world.patientA, ids: ids), "\(role) \(type) _include \(include)")
                        }
                        for revinclude in definition.revIncludes {
                            let search = try await client.search(type: type, parameters: [("_revinclude", revinclude)])
                            #expect(!leaks(search.resource, patient: world.patientA, ids: ids), "\(role) \(type) _revinclude \(revinclude)")
                        }
                    }
                    let typeHistory = try await client.get(path: "\(type)/_history")
                    #expect(!leaks(typeHistory.resource, patient: world.patientA, ids: ids), "\(role) \(type)/_history")
                }
                let audit = try await client.search(type: "AuditEvent", parameters: [("patient", world.patientA)])
                #expect(audit.status == 404, "\(role) AuditEvent of A")
                let code = try await client.post(path: "Patient/\(world.patientA)/$connect-code", json: ["resourceType": "Parameters"])
                #expect([404, 403].contains(code.status), "\(role) $connect-code")
            }
        }
    }

    @Test("own roles see their data; a PGO sees only its own patient, also within the same organization")
    func own() async throws {
        try await withServer { server in
            let world = try await World.make(server)
            let resources = try await seed(world)
            for (type, id) in resources {
                #expect(try await world.providerA.read(type: type, id: id).status == 200, "provider A read \(type)")
                #expect(try await world.pgoA.read(type: type, id: id).status == 200, "PGO A read \(type)")
            }
            #expect(try await world.providerA.read(type: "Patient", id: world.patientA2).status == 200)
            #expect(try await world.pgoA.read(type: "Patient", id: world.patientA2).status == 404)
            let all = try await world.pgoA.search(type: "Patient", parameters: [])
            #expect(all.resource?["entry"]?.arrayValue?.count == 1)
            // The patient side may not do provider things.
            #expect(try await world.pgoA.create(type: "Patient", resource: ["resourceType": "Patient"]).status == 403)
            #expect(try await world.pgoA.delete(type: "Task", id: try #require(resources.first { $0.type == "Task" }?.id)).status == 403)
            // A PGO cannot write for another patient, nor can a provider for another organization's patient.
            let foreignWrite = try await world.pgoA.create(type: "Observation", resource: World.observation(for: world.patientB))
            #expect(foreignWrite.status == 422)
            #expect(foreignWrite.errorCode == "reference-not-found")
            let providerForeign = try await world.providerA.create(type: "Task", resource: World.task(for: world.patientB))
            #expect(providerForeign.status == 422)
        }
    }

    @Test("SQL and JSON injection in search values and ids never errors with 500 and never leaks", arguments: [
        "' OR '1'='1", "\" OR 1=1 --", "1; DROP TABLE resource; --", "%' OR 1=1 --", "Patient/1' UNION SELECT json FROM resource --",
        "{\"$gt\": \"\"}", "\\u0000", "*",
    ])
    func injection(value: String) async throws {
        try await withServer { server in
            let world = try await World.make(server)
            _ = try await seed(world)
            for definition in ResourceCatalog.definitions where definition.type != "AuditEvent" {
                for parameter in definition.searchParameters {
                    let response = try await world.pgoB.search(type: definition.type, parameters: [(parameter.name, value)])
                    // 403: the patient side may not search this type at all (Endpoint, Practitioner).
                    #expect([200, 400, 403].contains(response.status), "\(definition.type)?\(parameter.name)=\(value): \(response.status)")
                    #expect(!leaks(response.resource, patient: world.patientA, ids: []))
                }
                let read = try await world.pgoB.get(path: "\(definition.type)/\(QueryStringTestEncoding.encode(value))")
                #expect([400, 403, 404, 405].contains(read.status), "read \(definition.type)/\(value): \(read.status)")
            }
            #expect(try await world.providerA.read(type: "Patient", id: world.patientA).status == 200)
        }
    }
}

enum QueryStringTestEncoding {
    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "x"
    }
}
