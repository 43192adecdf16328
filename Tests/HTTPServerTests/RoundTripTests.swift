import Foundation
import HTTPServer
import TestSupport
import Testing

@Suite("Requests and responses over a real socket")
struct RoundTripTests {
    @Test("GET returns the responder's status, headers and body")
    func getRoundTrip() async throws {
        try await TestServer.with(responder: EchoResponder()) { server in
            let result = try await Curl.request(TestServer.url(server, "/fhir/Patient/1"), ["-D", "-"])
            let (status, text) = result.statusAndBody
            #expect(status == 200)
            #expect(text.contains("X-Echo: yes"))
            #expect(text.contains("method=GET"))
            #expect(text.contains("path=/fhir/Patient/1"))
            #expect(text.contains("remote=127.0.0.1"))
            #expect(text.contains("secure=false"))
        }
    }

    @Test("POST delivers the whole body, small and large")
    func postRoundTrip() async throws {
        let large = String(repeating: "abcdefghij", count: 100_000)
        try await TestServer.with(responder: EchoResponder()) { server in
            let small = try await Curl.request(TestServer.url(server, "/echo"), ["--data-binary", "hello=world"])
            #expect(small.statusAndBody.status == 200)
            #expect(small.statusAndBody.body.contains("method=POST"))
            #expect(small.statusAndBody.body.contains("body=hello=world"))

            let file = FileManager.default.temporaryDirectory.appendingPathComponent("body-\(UUID().uuidString)")
            try Data(large.utf8).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            let big = try await Curl.request(TestServer.url(server, "/echo"), ["--data-binary", "@\(file.path)"])
            #expect(big.statusAndBody.status == 200)
            #expect(big.statusAndBody.body.contains("body=\(large)"))
        }
    }

    @Test("Query parameters and headers arrive in order, repeats kept, decoded")
    func repeatedQueryAndHeaders() async throws {
        try await TestServer.with(responder: EchoResponder()) { server in
            let result = try await Curl.request(
                TestServer.url(server, "/search?a=1&b=two&a=3&c=hello%20world&flag"),
                ["-H", "X-Trace: first", "-H", "X-Other: o", "-H", "x-trace: second"]
            )
            let lines = result.statusAndBody.body.split(separator: "\n").map(String.init)
            #expect(lines.filter { $0.hasPrefix("query:") } == [
                "query:a=1", "query:b=two", "query:a=3", "query:c=hello world", "query:flag=",
            ])
            #expect(lines.filter { $0.hasPrefix("header:") } == [
                "header:X-Trace=first", "header:X-Other=o", "header:x-trace=second",
            ])
            #expect(lines.contains("path=/search"))
        }
    }

    @Test("The request value offers case-insensitive header and exact query lookups")
    func requestLookups() async throws {
        let responder = ClosureResponder<EmptyRequestContext> { request, _ in
            let facts = [
                request.queryValues("a").joined(separator: ","),
                request.headers.values(for: "X-TRACE").joined(separator: ","),
                request.headers["x-trace"] ?? "nil",
            ]
            return HTTPResponse(status: 200, body: Array(facts.joined(separator: "|").utf8))
        }
        try await TestServer.with(responder: responder) { server in
            let result = try await Curl.request(
                TestServer.url(server, "/?a=1&A=2&a=3"), ["-H", "X-Trace: 1", "-H", "X-Trace: 2"]
            )
            #expect(result.statusAndBody.body == "1,3|1,2|1")
        }
    }

    @Test("Keep-alive: two requests in one curl run share one connection")
    func keepAliveReused() async throws {
        try await TestServer.with(responder: EchoResponder()) { server in
            let result = try await Curl.run([
                "-o", "/dev/null", "-w", "%{num_connects}\n", TestServer.url(server, "/one"),
                "-o", "/dev/null", "-w", "%{num_connects}\n", TestServer.url(server, "/two"),
            ])
            #expect(result.exitCode == 0)
            let connects = result.output.split(separator: "\n").compactMap { Int($0) }
            #expect(connects.count == 2)
            #expect(connects.reduce(0, +) == 1)
        }
    }

    @Test("HEAD sends the GET headers with its Content-Length and no body")
    func head() async throws {
        let responder = ClosureResponder<EmptyRequestContext> { _, _ in
            HTTPResponse(status: 200, headers: ["X-Echo": "yes"], body: Array(String(repeating: "b", count: 1234).utf8))
        }
        try await TestServer.with(responder: responder) { server in
            let head = try await Curl.run(["-I", TestServer.url(server, "/x")])
            #expect(head.exitCode == 0)
            #expect(head.output.hasPrefix("HTTP/1.1 200"))
            #expect(head.output.lowercased().contains("content-length: 1234\r\n"))
            #expect(head.output.contains("X-Echo: yes"))
            // The raw exchange shows that no body follows the head.
            let raw = try await RawSocket(port: server.port)
            await raw.send("HEAD /x HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
            let text = await raw.receive()
            #expect(text.hasPrefix("HTTP/1.1 200"))
            #expect(text.hasSuffix("\r\n\r\n"))
            #expect(!text.contains("bbbb"))
        }
    }

    @Test("An empty response body and a status without reason phrase")
    func emptyBody() async throws {
        let responder = ClosureResponder<EmptyRequestContext> { _, _ in HTTPResponse(status: 204) }
        try await TestServer.with(responder: responder) { server in
            let result = try await Curl.request(TestServer.url(server, "/"), ["-X", "DELETE"])
            #expect(result.statusAndBody.status == 204)
            #expect(result.statusAndBody.body.isEmpty)
        }
    }

    @Test("An IPv6 loopback host binds and reports ::1 as the peer")
    func ipv6() async throws {
        let configuration = TestServer.configuration { $0.host = "::1" }
        try await TestServer.with(configuration, responder: EchoResponder()) { server in
            let result = try await Curl.request("http://[::1]:\(server.port)/six")
            #expect(result.statusAndBody.status == 200)
            #expect(result.statusAndBody.body.contains("remote=::1"))
        }
    }

    @Test("Many concurrent requests all get their own answer")
    func concurrentRequests() async throws {
        try await TestServer.with(responder: EchoResponder()) { server in
            let results = try await withThrowingTaskGroup(of: (Int, CurlResult).self) { group in
                for index in 0..<12 {
                    group.addTask { (index, try await Curl.request(TestServer.url(server, "/n/\(index)"))) }
                }
                return try await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
            }
            for (index, result) in results {
                #expect(result.statusAndBody.body.contains("path=/n/\(index)\n"))
            }
            #expect(results.count == 12)
        }
    }

    @Test("Hundreds of keep-alive requests over a few parallel connections all complete")
    func manyKeepAliveRequests() async throws {
        let responder = ClosureResponder<EmptyRequestContext> { request, _ in
            if request.path.hasSuffix("7") { await Task.yield() }
            return HTTPResponse(status: 200, body: Array(request.path.utf8))
        }
        try await TestServer.with(responder: responder) { server in
            var arguments = ["--parallel", "--parallel-max", "4"]
            for index in 0..<300 {
                arguments += ["-o", "/dev/null", "-w", "%{http_code} %{num_connects}\n", TestServer.url(server, "/r/\(index)")]
            }
            let result = try await Curl.run(arguments)
            #expect(result.exitCode == 0)
            let lines = result.output.split(separator: "\n")
            #expect(lines.count == 300)
            #expect(lines.allSatisfy { $0.hasPrefix("200 ") })
            let connects = lines.compactMap { Int($0.split(separator: " ").last ?? "") }.reduce(0, +)
            #expect(connects <= 8)
        }
    }
}
