/// A responder made from a closure, for small servers and tests.
public struct ClosureResponder<Context: RequestContext>: HTTPResponder {
    private let body: @Sendable (HTTPRequest, Context) async throws -> HTTPResponse

    /// A responder that calls `body` for every request.
    public init(_ body: @escaping @Sendable (HTTPRequest, Context) async throws -> HTTPResponse) {
        self.body = body
    }

    /// Calls the closure.
    public func respond(to request: HTTPRequest, context: Context) async throws -> HTTPResponse {
        try await body(request, context)
    }
}
