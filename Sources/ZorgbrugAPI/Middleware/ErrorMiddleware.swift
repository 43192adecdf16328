import HTTPServer
import Logging
import ZorgbrugCore
import ZorgbrugStore

/// The one place where any error becomes a response: catalog errors render as OperationOutcomes, store errors are
/// mapped, and anything unexpected is logged once and answered with a 500 that reveals only the request id.
package struct ErrorMiddleware: HTTPMiddleware {
    package typealias Context = ZorgbrugContext

    let logger: Logger

    package init(logger: Logger) {
        self.logger = logger
    }

    package func handle(
        _ request: HTTPRequest, context: ZorgbrugContext,
        next: (HTTPRequest, ZorgbrugContext) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        do {
            return try await next(request, context)
        } catch let error as any HTTPResponseError {
            // Errors that render themselves (OAuth error bodies on /oauth/*) are expected refusals.
            logger.debug("request.refused", metadata: ["request.id": "\(context.requestID)", "error": "\(error)"])
            return error.response
        } catch {
            let mapped = Self.map(error)
            if mapped.code == .internalError || mapped.code == .storageBusy {
                logger.error(
                    "request.failed",
                    metadata: ["request.id": "\(context.requestID)", "http.path": "\(request.path)", "error": "\(String(reflecting: error))"])
            } else {
                logger.debug(
                    "request.refused",
                    metadata: ["request.id": "\(context.requestID)", "error.code": "\(mapped.code.rawValue)"])
            }
            return OperationOutcomeRenderer.response(for: mapped, language: context.language, requestID: context.requestID)
        }
    }

    /// The catalog error for any thrown error.
    package static func map(_ error: any Error) -> ZorgbrugError {
        switch error {
        case let error as ZorgbrugError: return error
        case let error as StoreError:
            return error.code == .busy ? ZorgbrugError(.storageBusy) : ZorgbrugError(.internalError)
        default: return ZorgbrugError(.internalError)
        }
    }
}
