import Foundation
import HTTPServer
import ZorgbrugCore

/// What every Zorgbrug request carries through middleware and handlers: trace ids, the negotiated language, and
/// (after authentication) who is asking.
package struct ZorgbrugContext: RequestContext {
    /// `X-Request-Id` (or MedMij's `MedMij-Request-ID`) as received, or a fresh UUID.
    package var requestID: String
    /// `X-Correlation-Id`, when the caller sent one.
    package var correlationID: String?
    /// `X-Trace-Id`, when the caller sent one.
    package var traceID: String?
    /// Language of error texts and renders (`Accept-Language`).
    package var language: Language
    /// The authenticated caller; `nil` until `AuthenticationMiddleware` ran, and on public routes.
    package var caller: Caller?
    /// The caller's IP address.
    package var remoteAddress: String
    /// The address the request is for, matched once here for middleware and responder; `nil` when none matches.
    package let route: Route?

    package init(request: HTTPRequest) {
        requestID = Self.traceValue(request.headers["X-Request-Id"]) ?? Self.traceValue(request.headers["MedMij-Request-ID"])
            ?? ResourceID.randomUUID()
        correlationID = Self.traceValue(request.headers["X-Correlation-Id"])
        traceID = Self.traceValue(request.headers["X-Trace-Id"])
        language = Language.negotiate(request.headers["Accept-Language"])
        caller = nil
        remoteAddress = request.remoteAddress
        route = Route.match(request.path)
    }

    /// Accepts a caller's trace id only when it is short printable ASCII, so it is safe in logs and headers.
    static func traceValue(_ raw: String?) -> String? {
        guard let raw, !raw.isEmpty, raw.utf8.count <= 128,
            raw.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F })
        else { return nil }
        return raw
    }
}
