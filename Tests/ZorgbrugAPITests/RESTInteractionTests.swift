import FHIR
import Foundation
import Testing
import ZorgbrugClient

/// The FHIR RESTful interactions over real HTTP: create, read, vread, update, patch, delete, history.
@Suite("REST interactions")
struct RESTInteractionTests {
    @Test("create assigns the id and version, and answers 201 with Location, ETag and Last-Modified")
    func create() async throws {
        try await withServer { server in
            let world = try await World.make(server)
            let response = try await world.providerA.create(
                type: "Patient", resource: ["resourceType": "Patient", "id": "client-chosen", "name": [["family": "Visser"]]])
            #expect(response.status == 201)
            let resource = try #require(response.resource)
            let id = try #require(resource["id"]?.stringValue)
            #expect(id != "client-chosen")
            #expect(UUID(uuidString: id) != nil)
            #expect(resource["meta"]?["versionId"]?.stringValue == "1")
            #expect(response.etag == "W/\"1\"")
            #expect(response.location?.hasSuffix("/fhir/Patient/\(id)/_history/1") == true)
            #expect(response.headers["Last-Modified"]?.hasSuffix("GMT") == true)
            #expect(response.headers["Content-Type"]?.hasPrefix("application/fhir+json") == true)
            // The provider's organization is set as managing organization.
            #expect(resource["managingOrganization"]?["reference"]?.stringValue == "Organization/\(world.organizationA)")
        }
    }

    @Test("read, vread, update with If-Match, stale If-Match, missing If-Match")
    func readUpdate() async throws {
        try await withServer { server in
            let world = try await World.make(server)
            let provider = world.providerA
            let read = try await provider.read(type: "Patient", id: world.patientA)
            #expect(read.status == 200)
            var patient = try #require(read.resource)
            patient["gender"] = "female"
            let missing = try await provider.update(type: "Patient", id: world.patientA, resource: patient, ifMatch: nil)
            #expect(missing.status == 428)
            #expect(missing.errorCode == "if-match-required")
            let updated = try await provider.update(type: "Patient", id: world.patientA, resource: patient, ifMatch: "1")
            #expect(updated.status == 200, "\(updated.text)")
            #expect(updated.etag == "W/\"2\"")
            #expect(updated.resource?["gender"]?.stringValue == "female")
            let stale = try await provider.update(type: "Patient", id: world.patientA, resource: patient, ifMatch: "W/\"1\"")
            #expect(stale.status == 412)
            #expect(stale.errorCode == "version-conflict")
            let version1 = try await provider.vread(type: "Patient", id: world.patientA, version: "1")
            #expect(version1.status == 200)
            #expect(version1.resource?["gender"] == nil)
            let noSuchVersion = try await provider.vread(type: "Patient", id: world.patientA, version: "9")
            #expect(noSuchVersion.status == 404)
            let mismatch = try await provider.update(type: "Patient", id: world.patientA2, resource: patient, ifMatch: "2")
            #expect(mismatch.status == 400)
            #expect(mismatch.errorCode == "resource-id-mismatch")
        }
    }

    @Test("delete is logical: 204, then 410 on read, history keeps every version")
    func delete() async throws {
        try await withServer { server in
            let world = try await World.make(server)
            let provider = world.providerA
            let created = try await provider.create(type: "Task", resource: World.task(for: world.patientA))
            let id = try #require(created.resource?["id"]?.stringValue)
            let deleted = try await provider.delete(type: "Task", id: id)
            #expect(deleted.status == 204)
            let gone = try await provider.read(type: "Task", id: id)
            #expect(gone.status == 410)
            #expect(gone.errorCode == "resource-deleted")
            let again = try await provider.delete(type: "Task", id: id)
            #expect(again.status == 204)
            let history = try await provider.get(path: "Task/\(id)/_history")
            #expect(history.status == 200)
            let entries = history.resource?["entry"]?.arrayValue ?? []
            #expect(entries.count == 2)
            #expect(entries.first?["request"]?["method"]?.stringValue == "DELETE")
            #expect(entries.last?["resource"]?["id"]?.stringValue == id)
            let missing = try await provider.delete(type: "Task", id: "does-not-exist")
            #expect(missing.status == 404)
        }
    }

    @Test("PATCH with JSON Patch changes Task.status and needs If-Match")
    func patch() async throws {
        try await withServer { server in
            let world = try await World.make(server)
            let created = try await world.providerA.create(type: "Task", resource: World.task(for: world.patientA))
            let id = try #require(created.resource?["id"]?.stringValue)
            let patch: JSON = [["op": "replace", "path": "/status", "value": "in-progress"]]
            let noIfMatch = try await world.pgoA.patch(type: "Task", id: id, jsonPatch: patch, ifMatch: nil)
            #expect(noIfMatch.status == 428)
            let patched = try await world.pgoA.patch(type: "Task", id: id, jsonPatch: patch, ifMatch: "1")
            #expect(patched.status == 200, "\(patched.text)")
            #expect(patched.resource?["status"]?.stringValue == "in-progress")
            let bad: JSON = [["op": "replace", "path": "/status", "value": "not-a-status"]]
            let invalid = try await world.pgoA.patch(type: "Task", id: id, jsonPatch: bad, ifMatch: "2")
            #expect(invalid.status == 422)
            let unchanged = try await world.providerA.read(type: "Task", id: id)
            #expect(unchanged.resource?["status"]?.stringValue == "in-progress")
            #expect(unchanged.etag == "W/\"2\"")
        }
    }

    @Test("type history with _since and paging")
    func typeHistory() async throws {
        try await withServer { server in
            let world = try await World.make(server)
            for _ in 0..<3 {
                _ = try await world.providerA.create(type: "Observation", resource: World.observation(for: world.patientA))
            }
            let page = try await world.providerA.get(path: "Observation/_history?_count=2")
            #expect(page.status == 200)
            #expect(page.resource?["entry"]?.arrayValue?.count == 2)
            let next = try #require(page.resource?["link"]?.arrayValue?.first { $0["relation"]?.stringValue == "next" }?["url"]?.stringValue)
            let second = try await world.providerA.get(path: next)
            #expect(second.resource?["entry"]?.arrayValue?.count == 1)
            let future = try await world.providerA.get(path: "Observation/_history?_since=2099-01-01T00:00:00Z")
            #expect(future.resource?["entry"] == nil)
            let bad = try await world.providerA.get(path: "Observation/_history?_since=yesterday")
            #expect(bad.status == 400)
        }
    }
}

extension FHIRClientResponse {
    /// The catalog code of the first issue of an OperationOutcome body.
    var errorCode: String? {
        resource?["issue"]?.arrayValue?.first?["details"]?["coding"]?.arrayValue?.first?["code"]?.stringValue
    }

    /// The `issue.code` (FHIR IssueType) of the first issue.
    var issueType: String? {
        resource?["issue"]?.arrayValue?.first?["code"]?.stringValue
    }
}
