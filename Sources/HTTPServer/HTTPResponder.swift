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
