import FHIR
import Testing
import ZorgbrugClient

@Suite("FHIRClient against an echoing server")
struct FHIRClientTests {
    private func decode(_ response: FHIRClientResponse) throws -> Echo {
        try Echo(json: try #require(response.json))
    }

    @Test("read sends FHIR Accept, language and bearer token; parses JSON, ETag and Location")
    func read() async throws {
        let receiver = try TestReceiver()
        defer { receiver.stop() }
        var client = FHIRClient(baseURL: receiver.baseURL + "/fhir/", acceptLanguage: "en")
        client.bearerToken = "token-1"

        let response = try await client.read(type: "Patient", id: "abc-1")

        #expect(response.status == 200)
        #expect(response.json?["resourceType"] == "Echo")
        #expect(response.resource?["method"] == "GET")
        #expect(response.etag == "W/\"7\"")
        #expect(response.versionId == "7")
        #expect(response.location == receiver.baseURL + "/fhir/Echo/1/_history/7")
        let echo = try decode(response)
        #expect(echo.path == "/fhir/Patient/abc-1")
        #expect(echo.header("Accept") == ["application/fhir+json"])
        #expect(echo.header("Accept-Language") == ["en"])
        #expect(echo.header("Authorization") == ["Bearer token-1"])

        client.bearerToken = nil
        let anonymous = try decode(try await client.read(type: "Patient", id: "abc-1"))
        #expect(anonymous.header("Authorization").isEmpty)
    }

    @Test("vread, delete and search build the FHIR paths; search encodes its parameters")
    func paths() async throws {
        let receiver = try TestReceiver()
        defer { receiver.stop() }
        let client = FHIRClient(baseURL: receiver.baseURL + "/fhir")

        let vread = try decode(try await client.vread(type: "Task", id: "t1", version: "3"))
        #expect(vread.path == "/fhir/Task/t1/_history/3")
        let delete = try decode(try await client.delete(type: "Task", id: "t1"))
        #expect(delete.method == "DELETE")
        #expect(delete.path == "/fhir/Task/t1")
        let search = try decode(
            try await client.search(
                type: "Task",
                parameters: [("status", "ready,in-progress"), ("_lastUpdated", "gt2024-05-01T10:00:00+02:00")]))
        #expect(search.path == "/fhir/Task?status=ready%2Cin-progress&_lastUpdated=gt2024-05-01T10%3A00%3A00%2B02%3A00")
        let hostile = try decode(try await client.read(type: "Patient", id: "x?y=1#z"))
        #expect(hostile.path == "/fhir/Patient/x%3Fy%3D1%23z")
    }

    @Test("create, update and patch send the resource as FHIR JSON with the right headers")
    func writes() async throws {
        let receiver = try TestReceiver()
        defer { receiver.stop() }
        let client = FHIRClient(baseURL: receiver.baseURL + "/fhir", defaultHeaders: [("X-Request-Id", "r-1")])
        let patient: JSONObject = ["resourceType": "Patient", "active": true, "name": [["family": "Jansen"]]]

        let created = try decode(
            try await client.create(type: "Patient", resource: patient, headers: [("If-None-Exist", "identifier=x|1")]))
        #expect(created.method == "POST")
        #expect(created.path == "/fhir/Patient")
        #expect(created.json == .object(patient))
        #expect(created.header("Content-Type") == ["application/fhir+json; charset=utf-8"])
        #expect(created.header("If-None-Exist") == ["identifier=x|1"])
        #expect(created.header("X-Request-Id") == ["r-1"])

        let updated = try decode(try await client.update(type: "Patient", id: "p1", resource: patient, ifMatch: "4"))
        #expect(updated.method == "PUT")
        #expect(updated.header("If-Match") == ["W/\"4\""])
        let updatedWithTag = try decode(
            try await client.update(type: "Patient", id: "p1", resource: patient, ifMatch: "W/\"5\""))
        #expect(updatedWithTag.header("If-Match") == ["W/\"5\""])
        let unconditional = try decode(try await client.update(type: "Patient", id: "p1", resource: patient, ifMatch: nil))
        #expect(unconditional.header("If-Match").isEmpty)

        let operations: JSON = [["op": "replace", "path": "/status", "value": "in-progress"]]
        let patched = try decode(try await client.patch(type: "Task", id: "t1", jsonPatch: operations, ifMatch: "2"))
        #expect(patched.method == "PATCH")
        #expect(patched.json == operations)
        #expect(patched.header("Content-Type") == ["application/json-patch+json"])
    }

    @Test("get resolves absolute, origin-relative and base-relative paths")
    func getPaths() async throws {
        let receiver = try TestReceiver()
        defer { receiver.stop() }
        let client = FHIRClient(baseURL: receiver.baseURL + "/fhir")

        #expect(try decode(try await client.get(path: "metadata")).path == "/fhir/metadata")
        let next = receiver.baseURL + "/fhir/Task?_cursor=abc&_count=2"
        #expect(try decode(try await client.get(path: next)).path == "/fhir/Task?_cursor=abc&_count=2")
        let health = try await client.get(path: "/health")
        #expect(try Echo(json: try #require(health.json)).path == "/health")
        #expect(health.etag == nil)
    }

    @Test("post form sends an urlencoded body for the token endpoint")
    func postForm() async throws {
        let receiver = try TestReceiver()
        defer { receiver.stop() }
        let client = FHIRClient(baseURL: receiver.baseURL + "/fhir")

        let response = try await client.post(
            path: "/oauth/token", form: [("grant_type", "client_credentials"), ("scope", "system/*.read user/x")])

        let echo = try decode(response)
        #expect(echo.path == "/oauth/token")
        #expect(echo.header("Content-Type") == ["application/x-www-form-urlencoded"])
        #expect(String(decoding: echo.body, as: UTF8.self) == "grant_type=client_credentials&scope=system%2F%2A.read%20user%2Fx")
    }

    @Test("post json sends an operation body; raw sends exactly what it is given")
    func postJSONAndRaw() async throws {
        let receiver = try TestReceiver()
        defer { receiver.stop() }
        let client = FHIRClient(baseURL: receiver.baseURL + "/fhir", bearerToken: "t")

        let parameters: JSON = ["resourceType": "Parameters"]
        let operation = try decode(try await client.post(path: "Patient/p1/$connect-code", json: parameters))
        #expect(operation.path == "/fhir/Patient/p1/$connect-code")
        #expect(operation.json == parameters)

        let raw = try await client.raw(HTTPClientRequest(url: receiver.baseURL + "/fhir/x?answer_status=401"))
        #expect(raw.status == 401)
        let rawEcho = try decode(raw)
        #expect(rawEcho.header("Authorization").isEmpty)
        #expect(rawEcho.header("Accept-Language").isEmpty)
    }

    @Test("a non-JSON body leaves json nil; transport failures throw")
    func nonJSONAndFailure() async throws {
        let receiver = try TestReceiver()
        defer { receiver.stop() }
        let client = FHIRClient(baseURL: receiver.baseURL + "/fhir")
        let big = try await client.get(path: "/big")
        #expect(big.json == nil)
        #expect(big.text.hasPrefix("xxx"))

        let offline = FHIRClient(baseURL: "http://127.0.0.1:1/fhir")
        let error = await #expect(throws: HTTPClientError.self) { try await offline.read(type: "Patient", id: "1") }
        #expect(error?.code == .couldNotConnect)
    }
}
