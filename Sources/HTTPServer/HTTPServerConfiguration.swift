import Foundation

/// How an `HTTPServer` listens and what limits it enforces.
public struct HTTPServerConfiguration: Sendable {
    /// The IP literal to bind (`"127.0.0.1"`, `"0.0.0.0"`, `"::1"`, `"::"`); `"localhost"` means `127.0.0.1`.
    /// Host names are not resolved.
    public var host: String = "127.0.0.1"
    /// The TCP port; 0 picks a free one (read it back from `HTTPServer.port`).
    public var port: Int = 8080
    /// The largest request body accepted, in bytes; larger ones get `bodyTooLarge` (413).
    public var maxBodyBytes: Int = 8 * 1024 * 1024
    /// Open connections beyond this many get `tooManyConnections` (503) and are closed. A few more than this
    /// are accepted only to be told so; past that, clients wait in the kernel's backlog.
    public var maxConnections: Int = 1000
    /// Connections from one IP address beyond this many are closed at once, without an answer.
    public var maxConnectionsPerIP: Int = 64
    /// A connection with no traffic for this many seconds is closed (keep-alive and stalled clients alike).
    public var idleTimeoutSeconds: Int = 30
    /// A request whose body is not complete this many seconds after its head arrived gets `requestTimeout`
    /// (408) and its connection is closed. Checked whenever body bytes arrive; a silent client is closed by
    /// the idle timeout instead.
    public var requestDeadlineSeconds: Int = 60
    /// How long `HTTPServer.shutdown()` lets in-flight requests run before it cancels their responder tasks
    /// (cancellation is cooperative: shutdown still waits for every suspended connection to be answered).
    public var shutdownGraceSeconds: Int = 30
    /// libmicrohttpd polling threads (each runs its own epoll loop); defaults to the number of cores.
    public var threadCount: Int = ProcessInfo.processInfo.activeProcessorCount
    /// Serve HTTPS with these files instead of plain HTTP; `nil` serves plain HTTP.
    public var tls: TLSFiles? = nil
    /// Turns a server-detected problem into the response to send. The server always passes the request
    /// (for `bodyTooLarge`, `requestTimeout` and `tooManyConnections` with an empty body, since the body was
    /// not or not fully read); `nil` is left for callers outside the server. The default writes a short
    /// plain-text body.
    public var errorRenderer: @Sendable (HTTPServerError, HTTPRequest?) -> HTTPResponse = HTTPServerConfiguration.plainErrorRenderer

    /// The defaults listed on each property.
    public init() {}

    /// The default renderer: the error's status and a one-line `text/plain` reason.
    public static let plainErrorRenderer: @Sendable (HTTPServerError, HTTPRequest?) -> HTTPResponse = { error, _ in
        HTTPResponse(
            status: error.status,
            headers: ["Content-Type": "text/plain; charset=utf-8"],
            body: Array((error.reason + "\n").utf8)
        )
    }
}
