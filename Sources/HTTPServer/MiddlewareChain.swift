/// A responder built from middleware and a final responder.
///
/// The first middleware in the array runs first (outermost); the responder runs last. See
/// `HTTPMiddleware` for a wrapping and a short-circuiting example.
public struct MiddlewareChain<Context: RequestContext>: HTTPResponder {
    private let middleware: [any HTTPMiddleware<Context>]
    private let responder: any HTTPResponder<Context>

    /// A chain that runs `middleware` in order, then `responder`.
    public init(_ middleware: [any HTTPMiddleware<Context>], responder: some HTTPResponder<Context>) {
        self.middleware = middleware
        self.responder = responder
    }

    /// Runs the chain for `request`.
    public func respond(to request: HTTPRequest, context: Context) async throws -> HTTPResponse {
        try await run(from: 0, request: request, context: context)
    }

    private func run(from index: Int, request: HTTPRequest, context: Context) async throws -> HTTPResponse {
        guard index < middleware.count else {
            return try await responder.respond(to: request, context: context)
        }
        return try await middleware[index].handle(request, context: context) { request, context in
            try await run(from: index + 1, request: request, context: context)
        }
    }
}
