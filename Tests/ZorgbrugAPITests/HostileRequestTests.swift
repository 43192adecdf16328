import FHIR
import Foundation
import Testing
import ZorgbrugClient

/// Malformed and hostile requests get 4xx OperationOutcomes, never a 5xx, a crash, or a partial write.
@Suite("Hostile requests")
struct HostileRequestTests {
    /// A deterministic generator, so a failure can be reproduced.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let seeds: [[UInt8]] = [
        Array(#"{"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"85354-9"}]},"subject":{"reference":"Patient/PID"}}"#.utf8),
        Array(#"{"resourceType":"Task","status":"ready","intent":"order","for":{"reference":"Patient/PID"}}"#.utf8),
    ]

    /// Mutates a document: flips, inserts and deletes bytes, or splices in hostile fragments.
    static func mutate(_ bytes: [UInt8], using rng: inout SplitMix) -> [UInt8] {
        var out = bytes
        let fragments: [[UInt8]] = [
            Array("\u{0}".utf8), [0xFF, 0xFE], [0xC3], Array("\\ud800".utf8), Array("{\"a\":".utf8), Array(String(repeating: "[", count: 70).utf8),
            Array("1e999999".utf8), Array("\"resourceType\":\"Patient\"".utf8), Array("null".utf8), Array(",,,".utf8),
        ]
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            guard !out.isEmpty else { break }
            let position = Int.random(in: 0..<out.count, using: &rng)
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: out[position] = UInt8.random(in: 0...255, using: &rng)
            case 1: out.remove(at: position)
            case 2: out.insert(contentsOf: fragments.randomElement(using: &rng) ?? [], at: position)
            default: out.insert(UInt8.random(in: 0x20...0x7E, using: &rng), at: position)
            }
        }
        return out
    }

    @Test("300 mutated bodies: only 2xx or 4xx, valid OperationOutcomes, and the server keeps serving")
    func mutatedBodies() async throws {
        try await withServer { server in
            let world = try await World.make(server)
            let token = try #require(world.providerA.bearerToken)
            var rng = SplitMix(state: 20_261_123)
            var created = 0
            for i in 0..<300 {
                let seed = Self.seeds[i % Self.seeds.count].replacing(Array("PID".utf8), with: Array(world.patientA.utf8))
                let body = Self.mutate(seed, using: &rng)
                let type = i % 2 == 0 ? "Observation" : "Task"
                let response = try await server.client().raw(HTTPClientRequest(
                    method: "POST", url: server.baseURL + "/fhir/\(type)",
                    headers: [("Authorization", "Bearer \(token)"), ("Content-Type", "application/fhir+json")], body: body))
                #expect(response.status < 500, "body \(i): \(String(decoding: body, as: UTF8.self)) → \(response.status) \(response.text)")
                if response.status == 201 { created += 1 }
                if response.status >= 400 {
                    #expect(response.resource?["resourceType"]?.stringValue == "OperationOutcome", "body \(i)")
                }
            }
            // Exactly the accepted ones were stored: nothing half-written.
            let observations = try await world.providerA.search(type: "Observation", parameters: [("_summary", "count")])
            let tasks = try await world.providerA.search(type: "Task", parameters: [("_summary", "count")])
            let stored = (observations.resource?["total"]?.numberValue?.int ?? -1) + (tasks.resource?["total"]?.numberValue?.int ?? -1)
            #expect(stored == created)
            #expect(try await server.client().get(path: "/health").status == 200)
        }
    }

    @Test("hostile paths, methods and headers", arguments: [
        ("GET", "/fhir/Patient/../../etc/passwd"), ("GET", "/fhir/Patient/%00"), ("GET", "/fhir/Patient/" + String(repeating: "a", count: 5000)),
        ("GET", "/fhir/" + String(repeating: "A", count: 300)), ("BREW", "/fhir/Patient"), ("GET", "/fhir/Patient?_count=99999999999999999999"),
        ("GET", "/fhir/Patient?" + String(repeating: "a=1&", count: 200)), ("OPTIONS", "/fhir/Patient"), ("GET", "//fhir//Patient"),
        ("PUT", "/fhir/Patient"), ("DELETE", "/fhir/metadata"), ("GET", "/fhir/Patient/_history/abc"),
    ])
    func hostilePaths(method: String, path: String) async throws {
        try await withServer { server in
            let world = try await World.make(server)
            let token = try #require(world.providerA.bearerToken)
            let response = try await server.client().raw(HTTPClientRequest(
                method: method, url: server.baseURL + path, headers: [("Authorization", "Bearer \(token)")]))
            #expect((200..<500).contains(response.status), "\(method) \(path.prefix(80)) → \(response.status)")
            #expect(try await server.client().get(path: "/health").status == 200)
        }
    }

    @Test("a request line larger than the connection's memory is refused without harming the server")
    func hugeRequestLine() async throws {
        try await withServer { server in
            let path = "/fhir/Patient?" + String(repeating: "a=1&", count: 20_000)
            do {
                let response = try await server.client().raw(HTTPClientRequest(method: "GET", url: server.baseURL + path))
                #expect((400..<500).contains(response.status))
            } catch let error as HTTPClientError {
                // libmicrohttpd closes the connection when the request head does not fit its per-connection pool.
                #expect(error.code == .connectionLost)
            }
            #expect(try await server.client().get(path: "/health").status == 200)
        }
    }
}

extension Array where Element == UInt8 {
    func replacing(_ target: [UInt8], with replacement: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        var i = 0
        while i < count {
            if i + target.count <= count, Array(self[i..<(i + target.count)]) == target {
                result += replacement
                i += target.count
            } else {
                result.append(self[i])
                i += 1
            }
        }
        return result
    }
}
