import FHIR
import Foundation
import Testing
import ZorgbrugClient

/// Every failure answers with an OperationOutcome carrying a catalog code, a text in the caller's language, and
/// changes nothing.
@Suite("Error responses")
struct ErrorResponseTests {
    func raw(_ server: TestServer, token: String, method: String, path: String, contentType: String?, body: [UInt8], language: String = "en") async throws -> FHIRClientResponse {
        var headers: [(String, String)] = [("Authorization", "Bearer \(token)"), ("Accept-Language", language)]
        if let contentType { headers.append(("Content-Type", contentType)) }
        return try await server.client().raw(HTTPClientRequest(method: method, url: server.baseURL + path, headers: headers, body: body))
    }

    @Test("malformed JSON, wrong resourceType, wrong content type, non-object body, too deep", arguments: [
        ("{\"resourceType\": \"Patient\",", "application/fhir+json", 400, "json-invalid"),
        ("{\"resourceType\": \"Patient\", \"a\": 1, \"a\": 2}", "application/fhir+json", 400, "json-invalid"),
        ("{\"resourceType\": \"Observation\"}", "application/fhir+json", 400, "resource-type-mismatch"),
        ("{\"resourceType\": \"Patient\"}", "text/plain", 415, "content-type-unsupported"),
        ("[1,2,3]", "application/fhir+json", 422, "resource-invalid"),
        ("{\"name\": []}", "application/json", 422, "resource-invalid"),
        (String(repeating: "[", count: 100) + String(repeating: "]", count: 100), "application/fhir+json", 400, "json-too-deep"),
        ("", "application/fhir+json", 400, "body-missing"),
    ])
    func badBodies(body: String, contentType: String, status: Int, code: String) async throws {
        try await withServer { server in
            let world = try await World.make(server)
            let token = try #require(world.providerA.bearerToken)
            let response = try await raw(server, token: token, method: "POST", path: "/fhir/Patient", contentType: contentType, body: Array(body.utf8))
            #expect(response.status == status, "\(response.text)")
            #expect(response.resource?["resourceType"]?.stringValue == "OperationOutcome")
            #expect(response.errorCode == code)
            let text = response.resource?["issue"]?.arrayValue?.first?["details"]?["text"]?.stringValue ?? ""
            #expect(!text.isEmpty)
            // Nothing was written: still the two patients of the world.
            let count = try await world.providerA.search(type: "Patient", parameters: [("_summary", "count")])
            #expect(count.resource?["total"]?.numberValue?.int == 2)
        }
    }

    @Test("structural validation names the element; Dutch is the default language")
    func validation() async throws {
        try await withServer { server in
            let world = try await World.make(server)
            var client = world.providerA
            client.acceptLanguage = "nl"
            let response = try await client.create(type: "Patient", resource: ["resourceType": "Patient", "birthDate": "2026-02-30"])
            #expect(response.status == 422)
            #expect(response.errorCode == "resource-invalid")
            let issue = response.resource?["issue"]?.arrayValue?.first
            #expect(issue?["expression"]?.arrayValue?.first?.stringValue?.contains("birthDate") == true)
            #expect(issue?["details"]?["text"]?.stringValue?.hasPrefix("De resource is ongeldig") == true)
        }
    }

    @Test("unknown type, unknown id, unknown route, wrong method")
    func routing() async throws {
        try await withServer { server in
            let world = try await World.make(server)
            let unknownType = try await world.providerA.read(type: "Spaceship", id: "1")
            #expect(unknownType.status == 404)
            #expect(unknownType.errorCode == "resource-type-unknown")
            let unknownID = try await world.providerA.read(type: "Patient", id: "nope")
            #expect(unknownID.status == 404)
            #expect(unknownID.errorCode == "resource-not-found")
            let route = try await world.providerA.get(path: "/nowhere")
            #expect(route.status == 404)
            #expect(route.errorCode == "route-not-found")
            let token = try #require(world.providerA.bearerToken)
            let method = try await raw(server, token: token, method: "DELETE", path: "/fhir/Patient", contentType: nil, body: [])
            #expect(method.status == 405)
        }
    }

    @Test("Accept without JSON is 406; JSON, */* and application/* are served")
    func accept() async throws {
        try await withServer { server in
            let world = try await World.make(server)
            let token = try #require(world.providerA.bearerToken)
            for (accept, status) in [("application/fhir+xml", 406), ("text/html", 406), ("application/fhir+json", 200), ("*/*", 200), ("application/*;q=0.5, text/html", 200)] {
                let response = try await server.client().raw(HTTPClientRequest(
                    method: "GET", url: server.baseURL + "/fhir/Patient/\(world.patientA)",
                    headers: [("Authorization", "Bearer \(token)"), ("Accept", accept)]))
                #expect(response.status == status, "Accept: \(accept)")
                if status == 406 { #expect(response.errorCode == "format-not-acceptable") }
            }
        }
    }

    @Test("an oversized body is 413 with an OperationOutcome and the server keeps serving")
    func tooLarge() async throws {
        try await withServer(configure: { $0.maxBodyBytes = 4096 }) { server in
            let world = try await World.make(server)
            let token = try #require(world.providerA.bearerToken)
            let big = "{\"resourceType\":\"Patient\",\"text\":\"" + String(repeating: "x", count: 10_000) + "\"}"
            let response = try await raw(server, token: token, method: "POST", path: "/fhir/Patient", contentType: "application/fhir+json", body: Array(big.utf8))
            #expect(response.status == 413)
            #expect(response.errorCode == "body-too-large")
            let after = try await world.providerA.read(type: "Patient", id: world.patientA)
            #expect(after.status == 200)
        }
    }

    @Test("trace headers are echoed; a request id is generated when absent")
    func traceHeaders() async throws {
        try await withServer { server in
            let world = try await World.make(server)
            let token = try #require(world.providerA.bearerToken)
            let echoed = try await server.client().raw(HTTPClientRequest(
                method: "GET", url: server.baseURL + "/fhir/Patient/\(world.patientA)",
                headers: [("Authorization", "Bearer \(token)"), ("X-Request-Id", "req-1"), ("X-Correlation-Id", "corr-1"), ("X-Trace-Id", "trace-1")]))
            #expect(echoed.headers["X-Request-Id"] == "req-1")
            #expect(echoed.headers["X-Correlation-Id"] == "corr-1")
            #expect(echoed.headers["X-Trace-Id"] == "trace-1")
            let medmij = try await server.client().raw(HTTPClientRequest(
                method: "GET", url: server.baseURL + "/health", headers: [("MedMij-Request-ID", "mm-7")]))
            #expect(medmij.headers["X-Request-Id"] == "mm-7")
            let generated = try await server.client().get(path: "/health")
            #expect((generated.headers["X-Request-Id"] ?? "").count >= 32)
        }
    }
}
