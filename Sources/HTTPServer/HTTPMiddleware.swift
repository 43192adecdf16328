/// A step that runs before (and around) the rest of the chain.
///
/// Middleware can change the request or the context before calling `next`, change the response after it,
/// or answer on its own without calling `next` at all.
///
/// Wrap — time every request and add a header to every response:
/// ```swift
/// struct TimingMiddleware<Context: RequestContext>: HTTPMiddleware {
///     func handle(_ request: HTTPRequest, context: Context,
///                 next: (HTTPRequest, Context) async throws -> HTTPResponse) async throws -> HTTPResponse {
///         let start = ContinuousClock.now
///         var response = try await next(request, context)
///         response.headers.set(name: "Server-Timing", value: "app;dur=\(ContinuousClock.now - start)")
///         return response
///     }
/// }
/// ```
///
/// Short-circuit — refuse requests without credentials, and set a typed context field for the rest:
/// ```swift
/// struct AuthMiddleware: HTTPMiddleware {
///     func handle(_ request: HTTPRequest, context: AppContext,
///                 next: (HTTPRequest, AppContext) async throws -> HTTPResponse) async throws -> HTTPResponse {
///         guard let token = request.headers["Authorization"] else {
///             return HTTPResponse(status: 401)          // `next` is never called
///         }
///         var context = context
///         context.caller = try await verify(token)
///         return try await next(request, context)
///     }
/// }
/// ```
public protocol HTTPMiddleware<Context>: Sendable {
    /// The typed per-request context this middleware reads or fills in.
    associatedtype Context: RequestContext

    /// Handles `request`, calling `next` to run the rest of the chain (at most once is usual; zero to answer alone).
    func handle(
        _ request: HTTPRequest,
        context: Context,
        next: (HTTPRequest, Context) async throws -> HTTPResponse
    ) async throws -> HTTPResponse
}
