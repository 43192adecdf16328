import Logging

/// An HTTP/1.1 (and HTTPS) server over libmicrohttpd that runs an async `HTTPResponder` for every request.
///
/// libmicrohttpd's polling threads only parse and buffer: once a request's body is complete its connection
/// is suspended, the responder runs on a Swift task, and the connection is resumed to send the answer, so a
/// slow responder never blocks other connections. Limits (body size, request deadline, connection caps) are
/// enforced before the responder runs and reported through `configuration.errorRenderer`.
///
/// Lifecycle: `init` → `start()` → … → `shutdown()`. A server is started at most once. While started it
/// keeps itself alive; call `shutdown()` (or use `runUntilSignalled()`) to stop it.
public final class HTTPServer<Responder: HTTPResponder>: Sendable {
    let core: MHDServerCore

    /// A server that will answer with `responder`; nothing is bound until `start()`.
    ///
    /// `logger` is used as given (label it `zorgbrug.http`); per-request problems are logged with
    /// `http.*` metadata and constant messages.
    public init(configuration: HTTPServerConfiguration, responder: Responder, logger: Logger) {
        core = MHDServerCore(configuration: configuration, logger: logger) { request in
            await Self.respond(to: request, with: responder, configuration: configuration, logger: logger)
        }
    }

    /// The configuration the server was made with.
    public var configuration: HTTPServerConfiguration { core.configuration }

    /// Binds the address and starts serving; returns once the port is bound.
    ///
    /// Throws `HTTPServerStartError`: `.portInUse` when another socket holds the port (address reuse is never
    /// enabled), `.tlsFilesUnreadable`/`.tlsRejected` for bad TLS files, `.invalidConfiguration` for a host that
    /// is not an IP literal of this machine or a limit out of range, `.alreadyStarted`, `.daemonFailed`.
    public func start() throws {
        try core.start()
    }

    /// The bound port (useful with `port: 0`); 0 before `start()` succeeded.
    public var port: Int { core.port }

    /// Stops gracefully: stops accepting connections, lets every in-flight request finish and its response
    /// flush (responses then carry `Connection: close`), then stops libmicrohttpd.
    ///
    /// Responders still running after `shutdownGraceSeconds` are cancelled (cooperatively); shutdown then
    /// still waits for them, because a suspended connection must never be torn down. Safe to call more than
    /// once and concurrently: every caller returns when the server has stopped. Does nothing if never started.
    public func shutdown() async {
        await core.shutdown()
    }

    /// Runs a request through the responder and turns every error into a response.
    private static func respond(
        to request: HTTPRequest,
        with responder: Responder,
        configuration: HTTPServerConfiguration,
        logger: Logger
    ) async -> HTTPResponse {
        let context = Responder.Context(request: request)
        do {
            return try await responder.respond(to: request, context: context)
        } catch let error as any HTTPResponseError {
            return error.response
        } catch let error as HTTPServerError {
            return configuration.errorRenderer(error, request)
        } catch {
            let requestID = request.headers["X-Request-Id"]
            logger.error("HTTP responder failed", metadata: [
                "http.method": "\(request.method)", "http.path": "\(request.path)",
                "request.id": "\(requestID ?? "-")", "error.type": "\(String(reflecting: type(of: error)))",
                "error": "\(error)",
            ])
            return configuration.errorRenderer(.internalError(requestID: requestID), request)
        }
    }
}
