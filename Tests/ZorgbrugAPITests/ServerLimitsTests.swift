import FHIR
import Foundation
import Glibc
import GRDB
import HTTPServer
import TestSupport
import Testing
import ZorgbrugAPI
import ZorgbrugClient

/// The HTTP server's limits as a client of the real Zorgbrug app meets them: every refusal the server makes itself
/// is an OperationOutcome with a catalog code (except the 431 libmicrohttpd writes on its own), and after each one
/// the server goes on serving.
@Suite("Server limits through the full API")
struct ServerLimitsTests {
    @Test("a declared Content-Length over the cap is 413 body-too-large, in the caller's language, with the request id")
    func declaredBodyTooLarge() async throws {
        try await withServer(configure: { $0.maxBodyBytes = 4096 }) { server in
            let body = Array(("{\"resourceType\":\"Patient\",\"text\":\"" + String(repeating: "x", count: 10_000) + "\"}").utf8)
            let response = try await server.client().raw(HTTPClientRequest(
                method: "POST", url: server.baseURL + "/fhir/Patient",
                headers: [("Content-Type", "application/fhir+json"), ("Accept-Language", "en"), ("X-Request-Id", "big-1")],
                body: body))
            #expect(response.status == 413)
            #expect(response.errorCode == "body-too-large")
            #expect(response.headers["Content-Type"]?.hasPrefix("application/fhir+json") == true)
            #expect(response.headers["X-Request-Id"] == "big-1")
            #expect(response.outcomeText.contains("4096"))
            try await expectHealthy(server)
        }
    }

    @Test("a chunked body that grows past the cap is 413 body-too-large and the connection is closed")
    func chunkedBodyTooLarge() async throws {
        try await withServer(configure: { $0.maxBodyBytes = 4096 }) { server in
            let connection = try await RawSocket(port: server.server.port)
            await connection.send(
                "POST /fhir/Patient HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/fhir+json\r\n"
                    + "Accept-Language: en\r\nX-Request-Id: chunky-1\r\nTransfer-Encoding: chunked\r\n\r\n")
            let chunk = String(repeating: "z", count: 1000)
            for _ in 0..<6 {
                await connection.send("3e8\r\n\(chunk)\r\n")
            }
            await connection.send("0\r\n\r\n")
            let reply = RawReply(await connection.receive())
            #expect(reply.status == 413, "\(reply.text)")
            #expect(reply.errorCode == "body-too-large")
            #expect(reply.header("Connection")?.lowercased() == "close")
            #expect(reply.header("X-Request-Id") == "chunky-1")
            try await expectHealthy(server)
        }
    }

    @Test("a body trickled past the request deadline is 408 request-timeout (slow-loris defence)")
    func trickledBody() async throws {
        try await withServer(configure: {
            $0.requestDeadlineSeconds = 1
            $0.idleTimeoutSeconds = 30
            // As `zorgbrug serve` does: the 408 text names the configured deadline.
            $0.errorRenderer = { error, request in ServerErrorRenderer.render(error, request: request, deadlineSeconds: 1) }
        }) { server in
            let connection = try await RawSocket(port: server.server.port)
            await connection.send(
                "POST /fhir/Patient HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/fhir+json\r\n"
                    + "Accept-Language: en\r\nX-Request-Id: slow-1\r\nContent-Length: 100\r\n\r\n")
            let receiving = Task { await connection.receive() }
            // One byte every 250 ms: the idle timeout never fires; only the deadline can stop this.
            for _ in 0..<40 {
                try await Task.sleep(for: .milliseconds(250))
                if await !connection.send("a") { break }
            }
            let reply = RawReply(await receiving.value)
            #expect(reply.status == 408, "\(reply.text)")
            #expect(reply.errorCode == "request-timeout")
            #expect(reply.header("X-Request-Id") == "slow-1")
            #expect(reply.outcomeText.contains("1 seconds"))
            try await expectHealthy(server)
        }
    }

    @Test("past maxConnections a new connection gets 503 too-many-connections; capacity comes back")
    func tooManyConnections() async throws {
        try await withServer(configure: { $0.maxConnections = 2 }) { server in
            var held: [RawSocket] = []
            for _ in 0..<2 {
                let connection = try await RawSocket(port: server.server.port)
                // A full keep-alive exchange proves the server accepted and counted the connection.
                #expect(RawReply(await connection.get("/health")).status == 200)
                held.append(connection)
            }
            let refused = try await server.client().get(path: "/health", headers: [("X-Request-Id", "third-1")])
            #expect(refused.status == 503)
            #expect(refused.errorCode == "too-many-connections")
            #expect(refused.issueType == "transient")
            #expect(refused.headers["X-Request-Id"] == "third-1")
            // The connections already held keep working.
            #expect(RawReply(await held[0].get("/health")).status == 200)

            held.removeAll()
            try await expectHealthy(server)
        }
    }

    @Test("past maxConnectionsPerIP a new connection from that address is closed unanswered; the others go on")
    func perIPLimit() async throws {
        try await withServer(configure: { $0.maxConnectionsPerIP = 2 }) { server in
            var held: [RawSocket] = []
            for _ in 0..<2 {
                let connection = try await RawSocket(port: server.server.port)
                #expect(RawReply(await connection.get("/health")).status == 200)
                held.append(connection)
            }
            let third = try await RawSocket(port: server.server.port)
            #expect(await third.get("/health").isEmpty)
            #expect(RawReply(await held[1].get("/fhir/metadata")).status == 200)

            held.removeAll()
            try await expectHealthy(server)
        }
    }

    @Test("a request head over 32 KiB gets libmicrohttpd's 431; the server keeps serving")
    func headersTooLarge() async throws {
        try await withServer { server in
            let connection = try await RawSocket(port: server.server.port)
            await connection.send("GET /health HTTP/1.1\r\nHost: localhost\r\nX-Padding: \(String(repeating: "p", count: 40 * 1024))\r\n\r\n")
            let reply = RawReply(await connection.receive())
            #expect(reply.status == 431, "\(reply.text.prefix(300))")
            #expect(reply.header("Connection")?.lowercased() == "close")
            // A big but acceptable head (about 16 KiB) is still served.
            let fits = try await server.client().get(path: "/health", headers: [("X-Padding", String(repeating: "q", count: 16 * 1024))])
            #expect(fits.status == 200)
            try await expectHealthy(server)
        }
    }

    @Test("a failing store is a 500 that names only the request id; the server recovers when the store does")
    func handlerError() async throws {
        try await withServer { server in
            let world = try await World.make(server)
            // A damaged schema, as after a botched manual migration: another connection renames the table
            // that holds the resources, so the store's next read fails inside the handler.
            let database = try DatabaseQueue(path: server.directory + "/test.sqlite", configuration: Self.externalConfiguration)
            try await database.write { db in try db.execute(sql: "ALTER TABLE resource RENAME TO resource_moved_away") }

            var client = world.providerA
            client.acceptLanguage = "en"
            client.defaultHeaders = [("X-Request-Id", "boom-1")]
            let failed = try await client.read(type: "Patient", id: world.patientA)
            #expect(failed.status == 500, "\(failed.text)")
            #expect(failed.errorCode == "internal-error")
            #expect(failed.headers["X-Request-Id"] == "boom-1")
            let issues = failed.resource?["issue"]?.arrayValue ?? []
            #expect(issues.count == 1)
            #expect(issues.first?["diagnostics"] == nil)
            #expect(issues.first?["expression"] == nil)
            #expect(failed.outcomeText == "Something went wrong on the server. Quote request id boom-1 when you get in touch.")
            for leak in ["resource_moved_away", "no such table", "SQL", "StoreError", "GRDB", "Patient/\(world.patientA)"] {
                #expect(!failed.text.contains(leak), "the 500 body reveals \(leak): \(failed.text)")
            }
            // A generated request id is named the same way.
            client.defaultHeaders = []
            let generated = try await client.read(type: "Patient", id: world.patientA)
            let generatedID = try #require(generated.headers["X-Request-Id"])
            #expect(generated.status == 500)
            #expect(generated.outcomeText.contains(generatedID))

            try await expectHealthy(server)
            try await database.write { db in try db.execute(sql: "ALTER TABLE resource_moved_away RENAME TO resource") }
            let recovered = try await client.read(type: "Patient", id: world.patientA)
            #expect(recovered.status == 200, "\(recovered.text)")
        }
    }

    /// A second, independent connection to the server's database file, waiting politely for the server's writer.
    private static var externalConfiguration: Configuration {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        return configuration
    }
}

/// `/health` answers 200 with `{"status":"ok"}`, on a fresh connection; retried briefly while connections the test
/// just closed are still being counted down by the server (until then a connection cap may still refuse it).
private func expectHealthy(_ server: TestServer, sourceLocation: SourceLocation = #_sourceLocation) async throws {
    var last = ""
    for _ in 0..<50 {
        do {
            let response = try await server.client().get(path: "/health")
            if response.status == 200 {
                #expect(response.resource?["status"]?.stringValue == "ok", sourceLocation: sourceLocation)
                return
            }
            last = "\(response.status) \(response.text)"
        } catch {
            last = "\(error)"
        }
        try await Task.sleep(for: .milliseconds(100))
    }
    Issue.record("/health did not recover: \(last)", sourceLocation: sourceLocation)
}

extension FHIRClientResponse {
    /// `issue[0].details.text` of an OperationOutcome body, or "".
    fileprivate var outcomeText: String {
        resource?["issue"]?.arrayValue?.first?["details"]?["text"]?.stringValue ?? ""
    }
}

/// One HTTP/1.1 response read off a raw socket: status line, head fields, body.
private struct RawReply {
    let text: String
    let status: Int
    let head: [(String, String)]
    let body: [UInt8]

    init(_ text: String) {
        self.text = text
        let parts = text.components(separatedBy: "\r\n\r\n")
        let lines = (parts.first ?? "").components(separatedBy: "\r\n")
        let statusLine = lines.first?.split(separator: " ") ?? []
        status = statusLine.count >= 2 ? Int(statusLine[1]) ?? 0 : 0
        head = lines.dropFirst().compactMap { line in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        body = Array(parts.dropFirst().joined(separator: "\r\n\r\n").utf8)
    }

    func header(_ name: String) -> String? {
        head.first { $0.0.caseInsensitiveCompare(name) == .orderedSame }?.1
    }

    /// The catalog code of the first issue, when the body is an OperationOutcome.
    var errorCode: String? {
        guard let json = try? JSONParser().parse(body), json["resourceType"]?.stringValue == "OperationOutcome" else { return nil }
        return json["issue"]?.arrayValue?.first?["details"]?["coding"]?.arrayValue?.first?["code"]?.stringValue
    }

    var outcomeText: String {
        (try? JSONParser().parse(body))?["issue"]?.arrayValue?.first?["details"]?["text"]?.stringValue ?? ""
    }
}

