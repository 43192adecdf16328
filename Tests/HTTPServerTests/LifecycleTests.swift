import Foundation
import Glibc
import HTTPServer
import Testing

@Suite("Starting and stopping")
struct LifecycleTests {
    @Test("A busy port makes start() throw portInUse with a helpful message")
    func busyPort() async throws {
        try await TestServer.with(responder: EchoResponder()) { first in
            let configuration = TestServer.configuration { $0.port = first.port }
            let second = HTTPServer(configuration: configuration, responder: EchoResponder(), logger: TestServer.quietLogger)
            let error = try #require(throws: HTTPServerStartError.self) { try second.start() }
            #expect(error.code == .portInUse)
            #expect(error.message.contains("127.0.0.1:\(first.port)"))
            #expect(second.port == 0)
            await second.shutdown()
            // The first server is unaffected.
            #expect(try await Curl.request(TestServer.url(first)).statusAndBody.status == 200)
        }
    }

    @Test("Configuration mistakes are refused before binding", arguments: [
        ("example.org", 0, HTTPServerStartError.Code.invalidConfiguration),
        ("127.0.0.1", 70000, .invalidConfiguration),
        ("192.0.2.1", 0, .invalidConfiguration),
    ])
    func badConfiguration(host: String, port: Int, code: HTTPServerStartError.Code) {
        let configuration = TestServer.configuration {
            $0.host = host
            $0.port = port
        }
        let server = HTTPServer(configuration: configuration, responder: EchoResponder(), logger: TestServer.quietLogger)
        #expect(throws: HTTPServerStartError.self) { try server.start() }
        do {
            try server.start()
        } catch let error as HTTPServerStartError {
            #expect(error.code == code)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test("A server starts once")
    func startsOnce() async throws {
        try await TestServer.with(responder: EchoResponder()) { server in
            let error = try #require(throws: HTTPServerStartError.self) { try server.start() }
            #expect(error.code == .alreadyStarted)
        }
    }

    @Test("Graceful shutdown lets an in-flight slow request finish, then refuses connections")
    func gracefulShutdown() async throws {
        let (entered, enteredContinuation) = AsyncStream<Void>.makeStream()
        let responder = ClosureResponder<EmptyRequestContext> { _, _ in
            enteredContinuation.yield()
            try await Task.sleep(for: .seconds(1))
            return HTTPResponse(status: 200, body: Array(String(repeating: "slow done ", count: 10_000).utf8))
        }
        let server = HTTPServer(configuration: TestServer.configuration(), responder: responder, logger: TestServer.quietLogger)
        try server.start()
        let url = TestServer.url(server, "/slow")
        let inFlight = Task { try await Curl.request(url) }
        var iterator = entered.makeAsyncIterator()
        await iterator.next()

        await server.shutdown()
        let result = try await inFlight.value
        #expect(result.exitCode == 0)
        #expect(result.statusAndBody.status == 200)
        #expect(result.statusAndBody.body == String(repeating: "slow done ", count: 10_000))

        let after = try await Curl.request(url)
        #expect(after.exitCode == 7)
        await server.shutdown()
    }

    @Test("SIGTERM stops runUntilSignalled gracefully")
    func signalled() async throws {
        let server = HTTPServer(configuration: TestServer.configuration(), responder: EchoResponder(), logger: TestServer.quietLogger)
        let running = Task { try await server.runUntilSignalled() }
        for _ in 0..<200 where server.port == 0 {
            try await Task.sleep(for: .milliseconds(10))
        }
        let port = try #require(server.port == 0 ? nil : server.port)
        #expect(try await Curl.request("http://127.0.0.1:\(port)/").statusAndBody.status == 200)

        // Until the server has stopped, SIGTERM is caught; resend in case the source was not armed yet.
        let finished = Task {
            try await running.value
            return true
        }
        for _ in 0..<50 {
            kill(getpid(), SIGTERM)
            try await Task.sleep(for: .milliseconds(100))
            if try await Curl.request("http://127.0.0.1:\(port)/").exitCode == 7 { break }
        }
        #expect(try await finished.value)
        #expect(try await Curl.request("http://127.0.0.1:\(port)/").exitCode == 7)
    }

    @Test("After the grace period shutdown cancels a responder that is still running, and still answers it")
    func graceCancelsResponders() async throws {
        let (entered, enteredContinuation) = AsyncStream<Void>.makeStream()
        let responder = ClosureResponder<EmptyRequestContext> { _, _ in
            enteredContinuation.yield()
            do {
                try await Task.sleep(for: .seconds(60))
                return HTTPResponse(status: 200, body: Array("slept".utf8))
            } catch {
                return HTTPResponse(status: 503, body: Array("cancelled".utf8))
            }
        }
        let configuration = TestServer.configuration { $0.shutdownGraceSeconds = 1 }
        let server = HTTPServer(configuration: configuration, responder: responder, logger: TestServer.quietLogger)
        try server.start()
        let inFlight = Task { try await Curl.request(TestServer.url(server, "/forever")) }
        var iterator = entered.makeAsyncIterator()
        await iterator.next()
        await server.shutdown()
        let result = try await inFlight.value
        #expect(result.statusAndBody.status == 503)
        #expect(result.statusAndBody.body == "cancelled")
    }

    @Test("Failures are logged once with structured metadata and a constant message")
    func structuredLogging() async throws {
        let capture = LogCapture()
        let responder = ClosureResponder<EmptyRequestContext> { _, _ in throw CancellationError() }
        let server = HTTPServer(configuration: TestServer.configuration(), responder: responder, logger: capture.logger)
        try server.start()
        _ = try await Curl.request(TestServer.url(server, "/fails"), ["-H", "X-Request-Id: log-1"])
        await server.shutdown()

        let failures = capture.all.filter { $0.message == "HTTP responder failed" }
        #expect(failures.count == 1)
        #expect(failures.first?.level == .error)
        #expect(failures.first?.metadata["request.id"] == "log-1")
        #expect(failures.first?.metadata["http.path"] == "/fails")
        #expect(capture.all.contains { $0.message == "HTTP server started" && $0.metadata["http.port"] == "\(server.port)" })
        #expect(capture.all.contains { $0.message == "HTTP server stopped" })
    }
}
