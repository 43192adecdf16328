import HTTPServer
import Testing

/// A context with typed fields that middleware fills in.
private struct AppContext: RequestContext {
    var caller: String?
    var trail: [String] = []
    init(request: HTTPRequest) {
        trail = ["init:\(request.path)"]
    }
}

/// Wraps: records entry and exit, and tags the response.
private struct Wrap: HTTPMiddleware {
    let name: String
    func handle(
        _ request: HTTPRequest, context: AppContext,
        next: (HTTPRequest, AppContext) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        var context = context
        context.trail.append("in:\(name)")
        var response = try await next(request, context)
        response.headers.add(name: "X-Trail", value: "out:\(name)")
        return response
    }
}

/// Short-circuits without a caller; otherwise sets the typed `caller` field.
private struct RequireCaller: HTTPMiddleware {
    func handle(
        _ request: HTTPRequest, context: AppContext,
        next: (HTTPRequest, AppContext) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        guard let caller = request.headers["X-Caller"] else {
            return HTTPResponse(status: 401, body: Array("who are you".utf8))
        }
        var context = context
        context.caller = caller
        return try await next(request, context)
    }
}

private struct Final: HTTPResponder {
    func respond(to request: HTTPRequest, context: AppContext) async throws -> HTTPResponse {
        let text = (context.trail + ["caller:\(context.caller ?? "none")"]).joined(separator: ",")
        return HTTPResponse(status: 200, body: Array(text.utf8))
    }
}

@Suite("Middleware chains and typed contexts")
struct MiddlewareTests {
    private let chain = MiddlewareChain<AppContext>([Wrap(name: "a"), Wrap(name: "b"), RequireCaller()], responder: Final())

    @Test("Middleware runs first-to-last on the way in and last-to-first on the way out")
    func order() async throws {
        let request = HTTPRequest(method: .get, path: "/p", headers: ["X-Caller": "dr-bakker"])
        let response = try await chain.respond(to: request, context: AppContext(request: request))
        #expect(String(decoding: response.body, as: UTF8.self) == "init:/p,in:a,in:b,caller:dr-bakker")
        #expect(response.headers.values(for: "x-trail") == ["out:b", "out:a"])
    }

    @Test("A short-circuiting middleware answers alone; outer middleware still wraps it")
    func shortCircuit() async throws {
        let request = HTTPRequest(method: .get, path: "/p")
        let response = try await chain.respond(to: request, context: AppContext(request: request))
        #expect(response.status == 401)
        #expect(String(decoding: response.body, as: UTF8.self) == "who are you")
        #expect(response.headers.values(for: "X-Trail") == ["out:b", "out:a"])
    }

    @Test("An empty chain is the responder itself")
    func emptyChain() async throws {
        let request = HTTPRequest(method: .get, path: "/e")
        let response = try await MiddlewareChain<AppContext>([], responder: Final())
            .respond(to: request, context: AppContext(request: request))
        #expect(String(decoding: response.body, as: UTF8.self) == "init:/e,caller:none")
    }

    @Test("Over a socket the server builds the typed context per request")
    func overSocket() async throws {
        try await TestServer.with(responder: chain) { server in
            let known = try await Curl.request(TestServer.url(server, "/ctx"), ["-H", "X-Caller: pgo-1"])
            #expect(known.statusAndBody.body == "init:/ctx,in:a,in:b,caller:pgo-1")
            let unknown = try await Curl.request(TestServer.url(server, "/ctx"))
            #expect(unknown.statusAndBody.status == 401)
        }
    }
}
