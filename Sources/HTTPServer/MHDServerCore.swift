import CMicroHTTPD
import Foundation
import Logging

/// The non-generic engine behind `HTTPServer`: owns the libmicrohttpd daemon, its callbacks and the counters
/// that make limits and graceful shutdown work.
///
/// libmicrohttpd's C callbacks reach it through an `Unmanaged` pointer (retained from `start()` until the
/// daemon has stopped). All mutable state lives in `state`, behind a lock.
final class MHDServerCore: Sendable {
    /// Runs the application for one complete request; never throws (errors are already rendered).
    typealias Dispatch = @Sendable (HTTPRequest) async -> HTTPResponse

    /// Mutable server state; only touched under `state`'s lock.
    struct State: Sendable {
        /// The running daemon; `nil` before start and after stop.
        var daemon: DaemonHandle?
        /// The port the daemon is bound to; 0 before start.
        var port = 0
        /// Open TCP connections (counted in the notify-connection callback).
        var openConnections = 0
        /// Requests between their first access-handler call and their completion callback.
        var inFlight = 0
        /// Requests whose connection was suspended and that have not completed yet: while this is not 0,
        /// `MHD_stop_daemon` would abort the process.
        var suspended = 0
        /// Responder tasks still running, so shutdown can cancel them after the grace period.
        var tasks: [ObjectIdentifier: Task<Void, Never>] = [:]
        /// Set once shutdown began: responses then carry `Connection: close`.
        var shuttingDown = false
        /// Set (under the lock, together with the check that nothing is suspended) when shutdown decided to stop
        /// the daemon: from then on no connection is suspended any more — a request that still arrives on an
        /// open connection is answered 503 at once — so `MHD_stop_daemon` cannot meet a suspended connection.
        var stopping = false
        /// The one shutdown task, shared by every `shutdown()` caller.
        var shutdownTask: Task<Void, Never>?
        /// PEM copies that libmicrohttpd reads for the daemon's whole life.
        var pemStrings: [OwnedCString] = []
        /// libmicrohttpd's messages while `start()` runs, to explain a failure; `nil` otherwise.
        var startMessages: [String]?
        /// Whether `start()` has been called successfully once (a server is not restartable).
        var started = false
    }

    let configuration: HTTPServerConfiguration
    let logger: Logger
    let dispatch: Dispatch
    let state = Locked(State())

    /// How long shutdown waits for in-flight requests before cancelling their tasks.
    var shutdownGrace: Duration { .seconds(max(configuration.shutdownGraceSeconds, 0)) }

    /// A core that will serve `dispatch` with `configuration`.
    init(configuration: HTTPServerConfiguration, logger: Logger, dispatch: @escaping Dispatch) {
        self.configuration = configuration
        self.logger = logger
        self.dispatch = dispatch
    }

    /// The bound port, or 0 before start.
    var port: Int {
        state.withLock { $0.port }
    }

    /// A marker put in a connection's socket context when it arrived past `maxConnections`.
    static var overCapacityMarker: UnsafeMutableRawPointer? { UnsafeMutableRawPointer(bitPattern: 1) }

    /// Recovers the core from a libmicrohttpd `cls` pointer.
    static func from(_ cls: UnsafeMutableRawPointer?) -> MHDServerCore? {
        guard let cls else { return nil }
        return Unmanaged<MHDServerCore>.fromOpaque(cls).takeUnretainedValue()
    }

    // MARK: - Start

    /// Binds and starts the daemon. Throws `HTTPServerStartError`.
    func start() throws {
        let configuration = self.configuration
        try validate(configuration)
        guard let address = SocketAddress(host: configuration.host, port: UInt16(configuration.port)) else {
            throw HTTPServerStartError(
                code: .invalidConfiguration,
                message: "host '\(configuration.host)' is not an IPv4 or IPv6 literal; use e.g. 127.0.0.1, 0.0.0.0, ::1 or ::"
            )
        }
        let alreadyStarted = state.withLock { state -> Bool in
            if state.started { return true }
            state.started = true
            state.startMessages = []
            return false
        }
        if alreadyStarted {
            throw HTTPServerStartError(code: .alreadyStarted, message: "this server was already started; create a new one")
        }
        var succeeded = false
        defer {
            if !succeeded {
                state.withLock { state in
                    state.started = false
                    state.startMessages = nil
                }
            }
        }
        let pem = try configuration.tls.map(Self.readPEMs)
        defer {
            // On success the strings belong to the running daemon (freed after it stops).
            if !succeeded, let pem {
                pem.key.free()
                pem.certificate.free()
            }
        }

        let retained = Unmanaged.passRetained(self)
        let cls = retained.toOpaque()
        // poll(), not epoll: with epoll, MHD_quiesce_daemon races the polling threads over removing the listening
        // socket from their epoll sets, and whichever loses aborts the process (an open libmicrohttpd defect in
        // 0.9.75; ShutdownRaceTests reached it about once in five runs). With poll, quiescing only sets a flag
        // and wakes the threads.
        var flags = MHD_USE_INTERNAL_POLLING_THREAD.rawValue | MHD_USE_POLL.rawValue
            | MHD_ALLOW_SUSPEND_RESUME.rawValue | MHD_USE_ERROR_LOG.rawValue
        if address.isIPv6 { flags |= MHD_USE_IPv6.rawValue }
        if pem != nil { flags |= MHD_USE_TLS.rawValue }

        let headroom = max(8, configuration.maxConnections / 8)
        let daemon: OpaquePointer? = address.withSockaddrPointer { sockaddr in
            // The logger goes first: libmicrohttpd reports problems with the options after it through it, and
            // complains (on stderr, bypassing it) when it is not first.
            var arguments: [any CVarArg] = [
                MHD_OPTION.EXTERNAL_LOGGER.rawValue, unsafeBitCast(Self.logMessage, to: OpaquePointer.self),
                OpaquePointer(cls),
                MHD_OPTION.CONNECTION_TIMEOUT.rawValue, UInt32(configuration.idleTimeoutSeconds),
                MHD_OPTION.PER_IP_CONNECTION_LIMIT.rawValue, UInt32(configuration.maxConnectionsPerIP),
                MHD_OPTION.CONNECTION_LIMIT.rawValue, UInt32(configuration.maxConnections + headroom),
                MHD_OPTION.NOTIFY_CONNECTION.rawValue, unsafeBitCast(Self.notifyConnection, to: OpaquePointer.self),
                OpaquePointer(cls),
                MHD_OPTION.NOTIFY_COMPLETED.rawValue, unsafeBitCast(Self.requestCompleted, to: OpaquePointer.self),
                OpaquePointer(cls),
                MHD_OPTION.SOCK_ADDR.rawValue, OpaquePointer(sockaddr),
            ]
            if configuration.threadCount > 1 {
                arguments += [MHD_OPTION.THREAD_POOL_SIZE.rawValue, UInt32(configuration.threadCount)]
            }
            if let pem {
                arguments += [
                    MHD_OPTION.HTTPS_MEM_KEY.rawValue, OpaquePointer(pem.key.pointer),
                    MHD_OPTION.HTTPS_MEM_CERT.rawValue, OpaquePointer(pem.certificate.pointer),
                ]
            }
            arguments.append(MHD_OPTION.END.rawValue)
            return withVaList(arguments) { list in
                MHD_start_daemon_va(flags, UInt16(configuration.port), nil, nil, Self.accessHandler, cls, list)
            }
        }
        let startErrno = errno

        guard let daemon else {
            let messages = state.withLock { state -> [String] in
                defer { state.startMessages = nil }
                return state.startMessages ?? []
            }
            retained.release()
            let error = Self.startError(messages: messages, errno: startErrno, configuration: configuration)
            logger.error("HTTP server failed to start", metadata: [
                "error.code": "\(error.code)", "error.message": "\(error.message)",
            ])
            throw error
        }
        succeeded = true
        let port = Int(zb_mhd_bound_port(daemon))
        state.withLock { state in
            state.daemon = DaemonHandle(pointer: daemon)
            state.port = port
            state.startMessages = nil
            if let pem { state.pemStrings = [pem.key, pem.certificate] }
        }
        logger.info("HTTP server started", metadata: [
            "http.host": "\(configuration.host)", "http.port": "\(port)", "http.tls": "\(pem != nil)",
            "http.threads": "\(configuration.threadCount)",
        ])
    }

    private func validate(_ configuration: HTTPServerConfiguration) throws {
        let problems: [(Bool, String)] = [
            ((0...65535).contains(configuration.port), "port must be 0–65535"),
            (configuration.maxBodyBytes >= 0, "maxBodyBytes must not be negative"),
            (configuration.maxConnections >= 1, "maxConnections must be at least 1"),
            (configuration.maxConnectionsPerIP >= 1, "maxConnectionsPerIP must be at least 1"),
            (configuration.idleTimeoutSeconds >= 1, "idleTimeoutSeconds must be at least 1"),
            (configuration.requestDeadlineSeconds >= 1, "requestDeadlineSeconds must be at least 1"),
            (configuration.threadCount >= 1, "threadCount must be at least 1"),
        ]
        if let problem = problems.first(where: { !$0.0 }) {
            throw HTTPServerStartError(code: .invalidConfiguration, message: problem.1)
        }
        if configuration.tls != nil, MHD_is_feature_supported(.FEATURE_TLS) != .YES {
            throw HTTPServerStartError(code: .tlsRejected, message: "this libmicrohttpd was built without TLS support")
        }
    }

    private static func readPEMs(_ files: TLSFiles) throws -> (key: OwnedCString, certificate: OwnedCString) {
        func read(_ path: String, what: String) throws -> String {
            guard let data = FileManager.default.contents(atPath: path),
                  let text = String(data: data, encoding: .utf8), text.contains("-----BEGIN")
            else {
                throw HTTPServerStartError(
                    code: .tlsFilesUnreadable,
                    message: "cannot read a PEM \(what) from '\(path)'; check the path, its permissions and that it holds PEM text"
                )
            }
            return text
        }
        let key = try read(files.keyPath, what: "private key")
        let certificate = try read(files.certificatePath, what: "certificate")
        guard let keyCopy = OwnedCString(key) else {
            throw HTTPServerStartError(code: .daemonFailed, message: "out of memory copying the TLS key")
        }
        guard let certificateCopy = OwnedCString(certificate) else {
            keyCopy.free()
            throw HTTPServerStartError(code: .daemonFailed, message: "out of memory copying the TLS certificate")
        }
        return (keyCopy, certificateCopy)
    }

    private static func startError(messages: [String], errno: Int32, configuration: HTTPServerConfiguration) -> HTTPServerStartError {
        let detail = messages.joined(separator: " ").trimmingCharacters(in: .whitespacesAndNewlines)
        let said = detail.isEmpty ? "" : " (libmicrohttpd: \(detail))"
        let target = "\(configuration.host):\(configuration.port)"
        if errno == EADDRINUSE || detail.localizedCaseInsensitiveContains("address already in use") {
            return HTTPServerStartError(
                code: .portInUse,
                message: "\(target) is already in use by another process; stop it or choose another port\(said)"
            )
        }
        if errno == EADDRNOTAVAIL || detail.localizedCaseInsensitiveContains("cannot assign requested address") {
            return HTTPServerStartError(
                code: .invalidConfiguration,
                message: "\(configuration.host) is not an address of this machine\(said)"
            )
        }
        if configuration.tls != nil,
           ["tls", "gnutls", "key", "certificate", "https"].contains(where: { detail.localizedCaseInsensitiveContains($0) })
        {
            return HTTPServerStartError(
                code: .tlsRejected,
                message: "the TLS certificate or key was rejected; check that they are a matching, unencrypted PEM pair\(said)"
            )
        }
        return HTTPServerStartError(code: .daemonFailed, message: "libmicrohttpd could not start on \(target)\(said)")
    }

    // MARK: - Shutdown

    /// Stops accepting, lets in-flight requests finish and flush, then stops the daemon. Idempotent: every
    /// caller waits for the same shutdown.
    func shutdown() async {
        let task = state.withLock { state -> Task<Void, Never>? in
            if let existing = state.shutdownTask { return existing }
            guard let daemon = state.daemon else { return nil }
            state.shuttingDown = true
            let task = Task { await self.drainAndStop(daemon) }
            state.shutdownTask = task
            return task
        }
        await task?.value
    }

    private func drainAndStop(_ daemon: DaemonHandle) async {
        logger.info("HTTP server stopping")
        let listenSocket = MHD_quiesce_daemon(daemon.pointer)
        if listenSocket >= 0 {
            // libmicrohttpd no longer accepts, but the socket still listens: new clients would wait in the backlog,
            // unanswered, for the whole drain. Shutting it down makes the kernel refuse them at once (and reset the
            // backlog), so a client or load balancer can go elsewhere. The descriptor itself must stay open until
            // the daemon has stopped (its threads may still refer to it).
            _ = Glibc.shutdown(listenSocket, Int32(SHUT_RDWR))
        }
        let clock = ContinuousClock()
        let graceEnds = clock.now + shutdownGrace
        var cancelled = false
        while true {
            let graceOver = clock.now >= graceEnds
            // Deciding to stop and closing the door on new suspensions happen in one step: checked apart, a
            // request arriving on a kept-alive connection in between would be suspended and MHD_stop_daemon
            // would abort the process.
            let (inFlight, suspended, stop) = state.withLock { state in
                let stop = state.suspended == 0 && (state.inFlight == 0 || (graceOver && cancelled))
                if stop { state.stopping = true }
                return (state.inFlight, state.suspended, stop)
            }
            if stop { break }
            if graceOver {
                if !cancelled {
                    cancelled = true
                    let tasks = state.withLock { Array($0.tasks.values) }
                    logger.warning("HTTP shutdown grace period over; cancelling responders", metadata: [
                        "http.in_flight": "\(inFlight)", "http.suspended": "\(suspended)",
                    ])
                    tasks.forEach { $0.cancel() }
                }
                // Requests still reading their body may be cut (next round); suspended ones may not (that would
                // abort).
            }
            try? await Task.sleep(for: .milliseconds(10))
        }
        MHD_stop_daemon(daemon.pointer)
        if listenSocket >= 0 {
            close(listenSocket)
        }
        let pem = state.withLock { state -> [OwnedCString] in
            state.daemon = nil
            defer { state.pemStrings = [] }
            return state.pemStrings
        }
        pem.forEach { $0.free() }
        Unmanaged.passUnretained(self).release()
        logger.info("HTTP server stopped")
    }
}
