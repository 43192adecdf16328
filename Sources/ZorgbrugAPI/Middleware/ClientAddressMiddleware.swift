import HTTPServer

/// Attributes each request to its client's address when it came through a trusted reverse proxy
/// (``TrustedProxies``): sets ``ZorgbrugContext/remoteAddress``, which audit records, per-address limits and the
/// loopback check of `/metrics` use. Runs first, so every later middleware sees the attributed address.
package struct ClientAddressMiddleware: HTTPMiddleware {
    package typealias Context = ZorgbrugContext

    let proxies: TrustedProxies

    package init(proxies: TrustedProxies) {
        self.proxies = proxies
    }

    package func handle(
        _ request: HTTPRequest, context: ZorgbrugContext,
        next: (HTTPRequest, ZorgbrugContext) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        guard !proxies.isEmpty else { return try await next(request, context) }
        var context = context
        context.remoteAddress = proxies.clientAddress(
            peer: request.remoteAddress, forwardedFor: request.headers.values(for: "X-Forwarded-For"))
        return try await next(request, context)
    }
}
