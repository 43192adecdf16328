import HTTPServer
import ZorgbrugCore

/// Renders the errors the HTTP server detects itself (oversized body, too many connections, slow request) as
/// OperationOutcomes, so even those answers follow the wire contract.
package enum ServerErrorRenderer {
    /// The response for `error` on `request` (when the request got far enough to be known).
    /// `deadlineSeconds` is the configured request deadline, named in 408 texts.
    package static func render(_ error: HTTPServerError, request: HTTPRequest?, deadlineSeconds: Int) -> HTTPResponse {
        let language = Language.negotiate(request?.headers["Accept-Language"])
        var requestID = ZorgbrugContext.traceValue(request?.headers["X-Request-Id"]) ?? "-"
        if case .internalError(let id?) = error { requestID = id }
        let catalogError: ZorgbrugError
        switch error {
        case .bodyTooLarge(let limit): catalogError = ZorgbrugError(.bodyTooLarge, arguments: ["limit": String(limit)])
        case .tooManyConnections: catalogError = ZorgbrugError(.tooManyConnections)
        case .shuttingDown: catalogError = ZorgbrugError(.shuttingDown)
        case .requestTimeout: catalogError = ZorgbrugError(.requestTimeout, arguments: ["limit": String(deadlineSeconds)])
        case .headersTooLarge: catalogError = ZorgbrugError(.headersTooLarge)
        case .internalError: catalogError = ZorgbrugError(.internalError)
        }
        var response = OperationOutcomeRenderer.response(for: catalogError, language: language, requestID: requestID)
        if requestID != "-" { response.headers.set(name: "X-Request-Id", value: requestID) }
        return response
    }
}
