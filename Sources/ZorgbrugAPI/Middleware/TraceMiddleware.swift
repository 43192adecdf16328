import HTTPServer

/// Echoes the trace headers (Koppeltaal: `X-Request-Id`, `X-Correlation-Id`, `X-Trace-Id`) on every response,
/// including error responses.
package struct TraceMiddleware: HTTPMiddleware {
    package typealias Context = ZorgbrugContext

    package init() {}

    package func handle(
        _ request: HTTPRequest, context: ZorgbrugContext,
        next: (HTTPRequest, ZorgbrugContext) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        var response = try await next(request, context)
        response.headers.set(name: "X-Request-Id", value: context.requestID)
        if let correlationID = context.correlationID { response.headers.set(name: "X-Correlation-Id", value: correlationID) }
        if let traceID = context.traceID { response.headers.set(name: "X-Trace-Id", value: traceID) }
        return response
    }
}
