import HTTPServer
import ZorgbrugCore

/// Renders the errors the HTTP server detects itself (oversized body, too many connections, slow request) as
/// OperationOutcomes, so even those answers follow the wire contract.
package enum ServerErrorRenderer {
    /// The response for `error` on `request` (when the request got far enough to be known).
    package static func render(_ error: HTTPServerError, request: HTTPRequest?) -> HTTPResponse {
        let language = Language.negotiate(request?.headers["Accept-Language"])
        let requestID = ZorgbrugContext.traceValue(request?.headers["X-Request-Id"]) ?? "-"
        let catalogError: ZorgbrugError
        switch error {
        case .bodyTooLarge(let limit): catalogError = ZorgbrugError(.bodyTooLarge, arguments: ["limit": String(limit)])
        case .tooManyConnections: catalogError = ZorgbrugError(.tooManyConnections)
        case .requestTimeout(let limit): catalogError = ZorgbrugError(.requestTimeout, arguments: ["limit": String(limit)])
        case .internalError: catalogError = ZorgbrugError(.internalError)
        }
        var response = OperationOutcomeRenderer.response(for: catalogError, language: language, requestID: requestID)
        if requestID != "-" { response.headers.set(name: "X-Request-Id", value: requestID) }
        return response
    }
}
