import Foundation
import HTTPServer
import Logging

/// Helpers that start a real server on a free loopback port for one test.
enum TestServer {
    /// A logger that discards everything (tests assert behaviour, not log lines).
    static let quietLogger = Logger(label: "zorgbrug.http.test") { _ in SwiftLogNoOpLogHandler() }

    /// A small configuration for tests: port 0, two threads, short timeouts.
    static func configuration(_ adjust: (inout HTTPServerConfiguration) -> Void = { _ in }) -> HTTPServerConfiguration {
        var configuration = HTTPServerConfiguration()
        configuration.port = 0
        configuration.threadCount = 2
        configuration.idleTimeoutSeconds = 10
        configuration.requestDeadlineSeconds = 10
        adjust(&configuration)
        return configuration
    }

    /// Starts `responder` with `configuration`, runs `body`, and always shuts the server down.
    static func with<Responder: HTTPResponder, Result>(
        _ configuration: HTTPServerConfiguration = configuration(),
        responder: Responder,
        _ body: (HTTPServer<Responder>) async throws -> Result
    ) async throws -> Result {
        let server = HTTPServer(configuration: configuration, responder: responder, logger: quietLogger)
        try server.start()
        do {
            let result = try await body(server)
            await server.shutdown()
            return result
        } catch {
            await server.shutdown()
            throw error
        }
    }

    /// `http://127.0.0.1:PORT` + `path`.
    static func url<Responder>(_ server: HTTPServer<Responder>, _ path: String = "/") -> String {
        "http://127.0.0.1:\(server.port)\(path)"
    }
}

/// A responder that echoes what it received, as text, one fact per line.
struct EchoResponder: HTTPResponder {
    func respond(to request: HTTPRequest, context: EmptyRequestContext) async throws -> HTTPResponse {
        var lines = [
            "method=\(request.method.rawValue)",
            "path=\(request.path)",
            "remote=\(request.remoteAddress)",
            "secure=\(request.isSecure)",
            "body=\(String(decoding: request.body, as: UTF8.self))",
        ]
        lines += request.query.map { "query:\($0.name)=\($0.value)" }
        lines += request.headers.filter { $0.name.lowercased().hasPrefix("x-") }.map { "header:\($0.name)=\($0.value)" }
        return HTTPResponse(
            status: 200,
            headers: ["Content-Type": "text/plain", "X-Echo": "yes"],
            body: Array(lines.joined(separator: "\n").utf8)
        )
    }
}

/// A renderer that makes the server's own errors recognisable in tests.
let taggingRenderer: @Sendable (HTTPServerError, HTTPRequest?) -> HTTPResponse = { error, request in
    HTTPResponse(
        status: error.status,
        headers: ["Content-Type": "text/plain"],
        body: Array("rendered:\(error):\(request?.path ?? "no-request")".utf8)
    )
}
