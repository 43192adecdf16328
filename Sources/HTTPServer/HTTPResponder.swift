/// Something that answers an HTTP request: the one abstraction the server runs.
///
/// Called on a Swift task, never on a libmicrohttpd thread, so it may suspend freely.
/// Errors: an `HTTPResponseError` is sent as its own response; an `HTTPServerError` is rendered by the
/// configuration's `errorRenderer`; anything else becomes `errorRenderer(.internalError(requestID:), request)`.
public protocol HTTPResponder<Context>: Sendable {
    /// The typed per-request context.
    associatedtype Context: RequestContext

    /// The response to `request`.
    func respond(to request: HTTPRequest, context: Context) async throws -> HTTPResponse
}

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
