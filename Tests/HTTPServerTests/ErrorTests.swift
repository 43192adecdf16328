import HTTPServer
import Testing

private struct Boom: Error {}

private struct Teapot: HTTPResponseError {
    var response: HTTPResponse { HTTPResponse(status: 418, body: Array("short and stout".utf8)) }
}

@Suite("Errors thrown by responders")
struct ErrorTests {
    private static let responder = ClosureResponder<EmptyRequestContext> { request, _ in
        switch request.path {
        case "/boom": throw Boom()
        case "/teapot": throw Teapot()
        case "/too-large": throw HTTPServerError.bodyTooLarge(limit: 7)
        default: return HTTPResponse(status: 200, body: Array("fine".utf8))
        }
    }

    @Test("Any other error becomes 500 from the renderer with the request id; the server keeps serving")
    func internalError() async throws {
        let configuration = TestServer.configuration { $0.errorRenderer = taggingRenderer }
        try await TestServer.with(configuration, responder: Self.responder) { server in
            let failed = try await Curl.request(TestServer.url(server, "/boom"), ["-H", "X-Request-Id: req-42"])
            #expect(failed.statusAndBody.status == 500)
            #expect(failed.statusAndBody.body == "rendered:internalError(requestID: Optional(\"req-42\")):/boom")

            let anonymous = try await Curl.request(TestServer.url(server, "/boom"))
            #expect(anonymous.statusAndBody.body == "rendered:internalError(requestID: nil):/boom")

            let next = try await Curl.request(TestServer.url(server, "/fine"))
            #expect(next.statusAndBody.status == 200)
            #expect(next.statusAndBody.body == "fine")
        }
    }

    @Test("An HTTPResponseError renders itself; a thrown HTTPServerError goes to the renderer")
    func selfRenderingErrors() async throws {
        let configuration = TestServer.configuration { $0.errorRenderer = taggingRenderer }
        try await TestServer.with(configuration, responder: Self.responder) { server in
            let teapot = try await Curl.request(TestServer.url(server, "/teapot"))
            #expect(teapot.statusAndBody.status == 418)
            #expect(teapot.statusAndBody.body == "short and stout")

            let large = try await Curl.request(TestServer.url(server, "/too-large"))
            #expect(large.statusAndBody.status == 413)
            #expect(large.statusAndBody.body == "rendered:bodyTooLarge(limit: 7):/too-large")
        }
    }

    @Test("The default renderer answers in plain text with the error's status", arguments: [
        (HTTPServerError.bodyTooLarge(limit: 10), 413),
        (.tooManyConnections, 503),
        (.shuttingDown, 503),
        (.requestTimeout, 408),
        (.headersTooLarge, 431),
        (.internalError(requestID: "abc"), 500),
    ])
    func defaultRenderer(error: HTTPServerError, status: Int) {
        let response = HTTPServerConfiguration.plainErrorRenderer(error, nil)
        #expect(response.status == status)
        #expect(response.headers["content-type"] == "text/plain; charset=utf-8")
        #expect(!response.body.isEmpty)
    }
}
