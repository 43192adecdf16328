/// A problem the server itself detects before or around the responder.
///
/// The server never writes its own error bodies: it passes these to `HTTPServerConfiguration.errorRenderer`,
/// so no libmicrohttpd text reaches clients (except the 431 noted at `headersTooLarge`).
public enum HTTPServerError: Error, Sendable, Equatable {
    /// The request body is longer than `limit` bytes (declared by `Content-Length` or counted while reading). → 413
    case bodyTooLarge(limit: Int)
    /// The server already holds `maxConnections` connections. → 503; the connection is closed after the answer.
    case tooManyConnections
    /// The server is shutting down: a request that arrives on an open connection after shutdown stopped waiting
    /// for requests is not started. → 503; the connection is closed after the answer.
    case shuttingDown
    /// The client took longer than `requestDeadlineSeconds` to deliver the body. → 408; the connection is closed.
    case requestTimeout
    /// The request head was too large. Never produced by this server: libmicrohttpd answers 431 by itself,
    /// with its own short body, when the head outgrows its per-connection memory pool (32 KiB).
    case headersTooLarge
    /// The responder threw an error that does not render itself; `requestID` is the request's
    /// `X-Request-Id` header, if it had one. → 500
    case internalError(requestID: String?)

    /// The HTTP status code that goes with this error.
    public var status: Int {
        switch self {
        case .bodyTooLarge: 413
        case .tooManyConnections, .shuttingDown: 503
        case .requestTimeout: 408
        case .headersTooLarge: 431
        case .internalError: 500
        }
    }

    /// A short English reason phrase, used by the default renderer.
    public var reason: String {
        switch self {
        case .bodyTooLarge(let limit): "Request body larger than \(limit) bytes"
        case .tooManyConnections: "Too many connections; try again later"
        case .shuttingDown: "The server is shutting down; try again later"
        case .requestTimeout: "Request body not received in time"
        case .headersTooLarge: "Request headers too large"
        case .internalError(let requestID): "Internal server error" + (requestID.map { " (request \($0))" } ?? "")
        }
    }
}
