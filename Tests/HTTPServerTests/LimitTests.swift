import Foundation
import HTTPServer
import TestSupport
import Testing

@Suite("Limits enforced before the responder runs")
struct LimitTests {
    @Test("A declared body over the cap gets 413 from the renderer without being read")
    func declaredBodyTooLarge() async throws {
        let configuration = TestServer.configuration {
            $0.maxBodyBytes = 1024
            $0.errorRenderer = taggingRenderer
        }
        try await TestServer.with(configuration, responder: EchoResponder()) { server in
            let body = String(repeating: "x", count: 2048)
            let result = try await Curl.request(TestServer.url(server, "/upload"), ["--data-binary", body])
            #expect(result.statusAndBody.status == 413)
            #expect(result.statusAndBody.body == "rendered:bodyTooLarge(limit: 1024):/upload")

            // A body exactly at the cap is accepted, and the server keeps serving.
            let fits = try await Curl.request(TestServer.url(server, "/upload"), ["--data-binary", String(repeating: "y", count: 1024)])
            #expect(fits.statusAndBody.status == 200)
        }
    }

    @Test("A chunked body that grows past the cap gets 413; bytes past the cap are dropped, not buffered")
    func chunkedBodyTooLarge() async throws {
        let configuration = TestServer.configuration {
            $0.maxBodyBytes = 1024
            $0.errorRenderer = taggingRenderer
        }
        try await TestServer.with(configuration, responder: EchoResponder()) { server in
            let raw = try await RawSocket(port: server.port)
            await raw.send("POST /chunks HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n")
            let chunk = String(repeating: "z", count: 600)
            for _ in 0..<5 {
                await raw.send("258\r\n\(chunk)\r\n")
            }
            await raw.send("0\r\n\r\n")
            let text = await raw.receive()
            #expect(text.hasPrefix("HTTP/1.1 413"))
            #expect(text.hasSuffix("rendered:bodyTooLarge(limit: 1024):/chunks"))
            #expect(text.lowercased().contains("connection: close"))
        }
    }

    @Test("A body trickled past the request deadline gets 408 (slow-loris defence)")
    func trickleHitsDeadline() async throws {
        let configuration = TestServer.configuration {
            $0.requestDeadlineSeconds = 1
            $0.idleTimeoutSeconds = 30
            $0.errorRenderer = taggingRenderer
        }
        try await TestServer.with(configuration, responder: EchoResponder()) { server in
            let raw = try await RawSocket(port: server.port)
            await raw.send("POST /slow HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100\r\n\r\n")
            var answered = ""
            let receiving = Task { await raw.receive() }
            // One byte every 250 ms: the idle timeout never fires, only the deadline can stop this.
            for _ in 0..<40 {
                try await Task.sleep(for: .milliseconds(250))
                if await !raw.send("a") { break }
            }
            answered = await receiving.value
            #expect(answered.hasPrefix("HTTP/1.1 408"))
            #expect(answered.hasSuffix("rendered:requestTimeout:/slow"))
        }
    }

    @Test("Past maxConnections a new connection gets 503 from the renderer; capacity comes back")
    func maxConnections() async throws {
        let configuration = TestServer.configuration {
            $0.maxConnections = 2
            $0.errorRenderer = taggingRenderer
        }
        try await TestServer.with(configuration, responder: EchoResponder()) { server in
            var held = [RawSocket]()
            for index in 0..<2 {
                let connection = try await RawSocket(port: server.port)
                // A full keep-alive exchange proves the server accepted and counted the connection.
                #expect(await connection.get("/held/\(index)").hasPrefix("HTTP/1.1 200"))
                held.append(connection)
            }
            let refused = try await Curl.request(TestServer.url(server, "/third"))
            #expect(refused.statusAndBody.status == 503)
            #expect(refused.statusAndBody.body == "rendered:tooManyConnections:/third")

            held.removeAll()
            var status = 0
            for _ in 0..<50 where status != 200 {
                try await Task.sleep(for: .milliseconds(100))
                status = try await Curl.request(TestServer.url(server, "/again")).statusAndBody.status
            }
            #expect(status == 200)
        }
    }

    @Test("Past maxConnectionsPerIP a new connection from that address is closed unanswered")
    func perIPLimit() async throws {
        let configuration = TestServer.configuration { $0.maxConnectionsPerIP = 2 }
        try await TestServer.with(configuration, responder: EchoResponder()) { server in
            var held = [RawSocket]()
            for index in 0..<2 {
                let connection = try await RawSocket(port: server.port)
                #expect(await connection.get("/held/\(index)").hasPrefix("HTTP/1.1 200"))
                held.append(connection)
            }
            let third = try await RawSocket(port: server.port)
            let answer = await third.get("/third")
            #expect(answer.isEmpty)
            #expect(held.count == 2)
        }
    }
}
