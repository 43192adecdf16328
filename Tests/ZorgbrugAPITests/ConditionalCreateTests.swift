import FHIR
import Foundation
import Testing
import ZorgbrugClient

/// `If-None-Exist` and `Idempotency-Key` over HTTP.
@Suite("Conditional create and idempotency")
struct ConditionalCreateTests {
    static func identified(_ patient: String, value: String) -> JSONObject {
        var observation = World.observation(for: patient)
        observation["identifier"] = [["system": "urn:test", "value": .string(value)]]
        return observation
    }

    @Test("50 concurrent identical If-None-Exist creates make exactly one resource")
    func race() async throws {
        try await withServer { server in
            let world = try await World.make(server)
            let client = world.providerA
            let resource = Self.identified(world.patientA, value: "race-1")
            let statuses = try await withThrowingTaskGroup(of: (Int, String?).self) { group in
                for _ in 0..<50 {
                    group.addTask {
                        let r = try await client.create(type: "Observation", resource: resource, headers: [("If-None-Exist", "identifier=urn:test|race-1")])
                        return (r.status, r.resource?["id"]?.stringValue)
                    }
                }
                var all: [(Int, String?)] = []
                for try await result in group { all.append(result) }
                return all
            }
            #expect(statuses.filter { $0.0 == 201 }.count == 1)
            #expect(statuses.filter { $0.0 == 200 }.count == 49)
            #expect(Set(statuses.compactMap(\.1)).count == 1)
            let search = try await client.search(type: "Observation", parameters: [("identifier", "urn:test|race-1"), ("_summary", "count")])
            #expect(search.resource?["total"]?.numberValue?.int == 1)
        }
    }

    @Test("If-None-Exist never returns another organization's resource")
    func scoped() async throws {
        try await withServer { server in
            let world = try await World.make(server)
            let a = try await world.providerA.create(type: "Observation", resource: Self.identified(world.patientA, value: "shared"), headers: [("If-None-Exist", "identifier=urn:test|shared")])
            let b = try await world.providerB.create(type: "Observation", resource: Self.identified(world.patientB, value: "shared"), headers: [("If-None-Exist", "identifier=urn:test|shared")])
            #expect(a.status == 201)
            #expect(b.status == 201)
            #expect(a.resource?["id"] != b.resource?["id"])
        }
    }

    @Test("Idempotency-Key: a repeat replays the first response; another body with the same key is 422")
    func idempotency() async throws {
        try await withServer { server in
            let world = try await World.make(server)
            let body = World.observation(for: world.patientA)
            let first = try await world.pgoA.create(type: "Observation", resource: body, headers: [("Idempotency-Key", "reading-1")])
            #expect(first.status == 201)
            let repeatResponse = try await world.pgoA.create(type: "Observation", resource: body, headers: [("Idempotency-Key", "reading-1")])
            #expect(repeatResponse.status == 201)
            #expect(repeatResponse.headers["Idempotency-Replayed"] == "true")
            #expect(repeatResponse.resource?["id"] == first.resource?["id"])
            let other = try await world.pgoA.create(type: "Observation", resource: World.observation(for: world.patientA, systolic: 150), headers: [("Idempotency-Key", "reading-1")])
            #expect(other.status == 422)
            #expect(other.errorCode == "idempotency-key-reused")
            let count = try await world.pgoA.search(type: "Observation", parameters: [("_summary", "count")])
            #expect(count.resource?["total"]?.numberValue?.int == 1)
            let invalid = try await world.pgoA.create(type: "Observation", resource: body, headers: [("Idempotency-Key", String(repeating: "x", count: 200))])
            #expect(invalid.status == 400)
        }
    }
}
