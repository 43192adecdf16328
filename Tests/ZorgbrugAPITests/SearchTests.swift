import FHIR
import Foundation
import Testing
import ZorgbrugClient

/// Search over real HTTP: parameters, paging, includes, counts, and strict refusal of what is not supported.
@Suite("Search")
struct SearchTests {
    @Test("PGO pickup: Task?patient&status&_include=Task:focus, paged with next links")
    func pickup() async throws {
        try await withServer { server in
            let world = try await World.make(server)
            let questionnaire: JSONObject = [
                "resourceType": "Questionnaire", "url": "http://example.org/q", "version": "1", "status": "active",
                "item": [["linkId": "1", "text": "Hoe gaat het?", "type": "string"]],
            ]
            let q = try await world.providerA.create(type: "Questionnaire", resource: questionnaire)
            let qid = try #require(q.resource?["id"]?.stringValue)
            var ids: Set<String> = []
            for i in 0..<5 {
                var task = World.task(for: world.patientA, status: i == 4 ? "draft" : "ready")
                task["focus"] = ["reference": .string("Questionnaire/\(qid)")]
                let created = try await world.providerA.create(type: "Task", resource: task)
                if i < 4 { ids.insert(try #require(created.resource?["id"]?.stringValue)) }
            }
            _ = try await world.providerA.create(type: "Task", resource: World.task(for: world.patientA2))
            var seen: Set<String> = []
            var includes = 0
            var url: String? = nil
            var first = try await world.pgoA.search(type: "Task", parameters: [
                ("patient", world.patientA), ("status", "ready,in-progress"), ("_include", "Task:focus"), ("_count", "3"),
            ])
            while true {
                #expect(first.status == 200, "\(first.text)")
                for entry in first.resource?["entry"]?.arrayValue ?? [] {
                    let mode = entry["search"]?["mode"]?.stringValue
                    if mode == "match" { #expect(seen.insert(try #require(entry["resource"]?["id"]?.stringValue)).inserted) }
                    if mode == "include" {
                        includes += 1
                        #expect(entry["resource"]?["resourceType"]?.stringValue == "Questionnaire")
                    }
                }
                url = first.resource?["link"]?.arrayValue?.first { $0["relation"]?.stringValue == "next" }?["url"]?.stringValue
                guard let next = url else { break }
                first = try await world.pgoA.get(path: next)
            }
            #expect(seen == ids)
            #expect(includes >= 1)
        }
    }

    @Test("one patient per Task, several per Appointment: the pickup by a provider finds the same as without the patient index")
    func patientsPerResource() async throws {
        try await withServer { server in
            let world = try await World.make(server)
            let (a, a2) = (world.patientA, world.patientA2)
            // A Task names one patient: two in `for` is refused, nothing is stored.
            var twoPatients = World.task(for: a)
            twoPatients["for"] = [["reference": .string("Patient/\(a)")], ["reference": .string("Patient/\(a2)")]]
            let refused = try await world.providerA.create(type: "Task", resource: twoPatients)
            #expect(refused.status == 422, "\(refused.text)")
            #expect(refused.errorCode == "resource-invalid")
            let none = try await world.providerA.search(type: "Task", parameters: [("patient", a2), ("_summary", "count")])
            #expect(none.resource?["total"]?.numberValue?.int == 0)

            // An Appointment may name both; it belongs to the first, and a search for the second still finds it
            // by its status (the patient index is not used where a resource can name several patients).
            let appointment: JSONObject = [
                "resourceType": "Appointment", "status": "booked",
                "participant": [
                    ["actor": ["reference": .string("Patient/\(a)")], "status": "accepted"],
                    ["actor": ["reference": .string("Patient/\(a2)")], "status": "accepted"],
                ],
            ]
            let created = try await world.providerA.create(type: "Appointment", resource: appointment)
            #expect(created.status == 201, "\(created.text)")
            for patient in [a, a2] {
                let found = try await world.providerA.search(type: "Appointment", parameters: [("patient", patient), ("status", "booked")])
                #expect(found.resource?["entry"]?.arrayValue?.count == 1, "\(patient): \(found.text)")
            }

            // The pickup as a provider: the status is read from the patient's index rows, and finds what it should.
            var ready: Set<String> = []
            for status in ["ready", "ready", "completed"] {
                let task = try await world.providerA.create(type: "Task", resource: World.task(for: a2, status: status))
                if status == "ready" { ready.insert(try #require(task.resource?["id"]?.stringValue)) }
            }
            let pickup = try await world.providerA.search(type: "Task", parameters: [("patient", "Patient/\(a2)"), ("status", "ready")])
            let ids = Set((pickup.resource?["entry"]?.arrayValue ?? []).compactMap { $0["resource"]?["id"]?.stringValue })
            #expect(ids == ready)
        }
    }

    @Test("_summary=count, _sort, _lastUpdated, identifier tokens, string prefix")
    func parameters() async throws {
        try await withServer { server in
            let world = try await World.make(server)
            let provider = world.providerA
            var patient: JSONObject = ["resourceType": "Patient", "name": [["family": "de Vriès", "given": ["Jan"]]]]
            patient["identifier"] = [["system": "http://fhir.nl/fhir/NamingSystem/bsn", "value": "999999990"]]
            server.clock.advance(milliseconds: 1000)
            let created = try await provider.create(type: "Patient", resource: patient)
            let id = try #require(created.resource?["id"]?.stringValue)
            let count = try await provider.search(type: "Patient", parameters: [("_summary", "count")])
            #expect(count.resource?["total"]?.numberValue?.int == 3)
            #expect(count.resource?["entry"] == nil)
            let byIdentifier = try await provider.search(type: "Patient", parameters: [("identifier", "http://fhir.nl/fhir/NamingSystem/bsn|999999990")])
            #expect(byIdentifier.resource?["entry"]?.arrayValue?.count == 1)
            let wrongSystem = try await provider.search(type: "Patient", parameters: [("identifier", "http://other|999999990")])
            #expect(wrongSystem.resource?["entry"] == nil)
            let byName = try await provider.search(type: "Patient", parameters: [("name", "de vri")])
            #expect(byName.resource?["entry"]?.arrayValue?.first?["resource"]?["id"]?.stringValue == id)
            let newestFirst = try await provider.search(type: "Patient", parameters: [("_sort", "-_lastUpdated")])
            #expect(newestFirst.resource?["entry"]?.arrayValue?.first?["resource"]?["id"]?.stringValue == id)
            let since = try await provider.search(type: "Patient", parameters: [("_lastUpdated", "gt2099-01-01")])
            #expect(since.resource?["entry"] == nil)
            let byID = try await provider.search(type: "Patient", parameters: [("_id", id)])
            #expect(byID.resource?["entry"]?.arrayValue?.count == 1)
        }
    }

    @Test("unknown, malformed and unsupported parameters are 400 with an OperationOutcome", arguments: [
        ("colour", "blue", "search-parameter-unknown"),
        ("birthdate", "yesterday", "search-parameter-invalid"),
        ("_count", "-1", "search-parameter-invalid"),
        ("_sort", "name", "search-parameter-invalid"),
        ("_include", "Patient:nope", "search-parameter-invalid"),
        ("organization.name", "x", "search-parameter-invalid"),
        ("gender:exact", "x", "search-parameter-invalid"),
        ("_cursor", "not-a-cursor", "search-cursor-invalid"),
    ])
    func refusals(name: String, value: String, code: String) async throws {
        try await withServer { server in
            let world = try await World.make(server)
            let response = try await world.providerA.search(type: "Patient", parameters: [(name, value)])
            #expect(response.status == 400)
            #expect(response.resource?["resourceType"]?.stringValue == "OperationOutcome")
            #expect(response.errorCode == code)
        }
    }

    @Test("_revinclude brings the responses of a task")
    func revinclude() async throws {
        try await withServer { server in
            let world = try await World.make(server)
            let task = try await world.providerA.create(type: "Task", resource: World.task(for: world.patientA))
            let taskID = try #require(task.resource?["id"]?.stringValue)
            let response: JSONObject = [
                "resourceType": "QuestionnaireResponse", "status": "in-progress",
                "basedOn": [["reference": .string("Task/\(taskID)")]],
                "subject": ["reference": .string("Patient/\(world.patientA)")],
            ]
            let qr = try await world.pgoA.create(type: "QuestionnaireResponse", resource: response)
            #expect(qr.status == 201, "\(qr.text)")
            let result = try await world.providerA.search(type: "Task", parameters: [("_id", taskID), ("_revinclude", "QuestionnaireResponse:based-on")])
            let modes = (result.resource?["entry"]?.arrayValue ?? []).compactMap { $0["search"]?["mode"]?.stringValue }
            #expect(modes == ["match", "include"])
        }
    }
}
