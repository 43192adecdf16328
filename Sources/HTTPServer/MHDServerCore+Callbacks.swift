import CMicroHTTPD
import Foundation
import Glibc
import Logging

/// The C callbacks libmicrohttpd calls, and what they do. They run on libmicrohttpd's polling threads and
/// must never block: the responder runs on a Swift task while the connection is suspended.
extension MHDServerCore {
    /// `MHD_AccessHandlerCallback`: called once when the head is complete, once per chunk of body, once when
    /// the body is complete, and once more after the connection was resumed.
    static let accessHandler: MHD_AccessHandlerCallback = { cls, connection, url, method, _, uploadData, uploadSize, conCls in
        guard let core = MHDServerCore.from(cls), let connection, let uploadSize, let conCls else { return .NO }
        return core.access(
            connection: connection, url: url, method: method,
            uploadData: uploadData, uploadSize: uploadSize, conCls: conCls
        )
    }

    /// `MHD_NotifyConnectionCallback`: counts open connections and marks those past `maxConnections`.
    static let notifyConnection: MHD_NotifyConnectionCallback = { cls, _, socketContext, code in
        guard let core = MHDServerCore.from(cls) else { return }
        if code == .CONNECTION_NOTIFY_STARTED {
            let limit = core.configuration.maxConnections
            let overCapacity = core.state.withLock { state -> Bool in
                state.openConnections += 1
                return state.openConnections > limit
            }
            if overCapacity {
                socketContext?.pointee = MHDServerCore.overCapacityMarker
            }
        } else {
            core.state.withLock { $0.openConnections -= 1 }
        }
    }

    /// `MHD_RequestCompletedCallback`: the response was flushed (or the request failed); releases its state.
    static let requestCompleted: MHD_RequestCompletedCallback = { cls, _, conCls, _ in
        guard let core = MHDServerCore.from(cls), let conCls, let raw = conCls.pointee else { return }
        conCls.pointee = nil
        let request = Unmanaged<RequestState>.fromOpaque(raw).takeRetainedValue()
        let wasSuspended = request.wasSuspended
        core.state.withLock { state in
            state.inFlight -= 1
            if wasSuspended { state.suspended -= 1 }
            state.tasks[ObjectIdentifier(request)] = nil
        }
    }

    /// `MHD_LogCallback`: libmicrohttpd's own diagnostics, logged at debug level and kept during `start()`.
    static let logMessage: MHD_LogCallback = { cls, format, arguments in
        guard let core = MHDServerCore.from(cls), let format, let arguments else { return }
        var buffer = [CChar](repeating: 0, count: 512)
        _ = buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, $0.count, format, arguments) }
        let message = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        core.state.withLock { state in
            state.startMessages?.append(message)
        }
        core.logger.debug("libmicrohttpd diagnostic", metadata: ["mhd.message": "\(message)"])
    }

    private func access(
        connection: OpaquePointer,
        url: UnsafePointer<CChar>?,
        method: UnsafePointer<CChar>?,
        uploadData: UnsafePointer<CChar>?,
        uploadSize: UnsafeMutablePointer<Int>,
        conCls: UnsafeMutablePointer<UnsafeMutableRawPointer?>
    ) -> MHD_Result {
        guard let raw = conCls.pointee else {
            return beginRequest(connection: connection, url: url, method: method, conCls: conCls)
        }
        let request = Unmanaged<RequestState>.fromOpaque(raw).takeUnretainedValue()

        if uploadSize.pointee > 0 {
            let count = uploadSize.pointee
            uploadSize.pointee = 0
            let intake = request.receive(
                UnsafeRawBufferPointer(start: uploadData, count: uploadData == nil ? 0 : count),
                limit: configuration.maxBodyBytes,
                deadline: .seconds(configuration.requestDeadlineSeconds),
                now: .now
            )
            switch intake {
            case .accepted, .discarded, .tooLarge:
                // After `.tooLarge` the rest of the body is read and dropped (still under the deadline), and
                // 413 is answered when it is complete.
                return .YES
            case .tooSlow:
                return abandon(.requestTimeout, connection: connection, url: url, method: method)
            }
        }

        switch request.nextStep() {
        case .run(let body):
            let suspending = state.withLock { state -> Bool in
                if state.stopping { return false }
                state.suspended += 1
                return true
            }
            guard suspending else {
                // Shutdown has decided to stop the daemon (see `State.stopping`): answer now, without suspending.
                request.reject()
                return reject(.shuttingDown, connection: connection, url: url, method: method)
            }
            let head = copyHead(connection: connection, url: url, method: method, body: body)
            MHD_suspend_connection(connection)
            let suspended = SuspendedConnection(pointer: connection)
            let dispatch = self.dispatch
            let task = Task {
                let response = await dispatch(head)
                request.answer(response)
                MHD_resume_connection(suspended.pointer)
            }
            // The completion callback runs on this same thread, after we return: the entry cannot go stale.
            state.withLock { $0.tasks[ObjectIdentifier(request)] = task }
            return .YES
        case .send(let response):
            return queue(response, on: connection, forceClose: false)
        case .refuse(let error):
            return reject(error, connection: connection, url: url, method: method)
        case .wait:
            return .YES
        case .close:
            return .NO
        }
    }

    private func beginRequest(
        connection: OpaquePointer,
        url: UnsafePointer<CChar>?,
        method: UnsafePointer<CChar>?,
        conCls: UnsafeMutablePointer<UnsafeMutableRawPointer?>
    ) -> MHD_Result {
        if zb_mhd_socket_context(connection) == MHDServerCore.overCapacityMarker {
            logger.notice("HTTP connection refused: too many connections", metadata: [
                "http.max_connections": "\(configuration.maxConnections)",
            ])
            let head = copyHead(connection: connection, url: url, method: method, body: [])
            return queue(configuration.errorRenderer(.tooManyConnections, head), on: connection, forceClose: true)
        }
        let declared = MHD_lookup_connection_value(connection, .HEADER_KIND, "Content-Length")
            .flatMap { Int(String(cString: $0).trimmingCharacters(in: .whitespaces)) }
        let request = RequestState(
            startedAt: .now,
            expectedBodyBytes: min(declared ?? 0, configuration.maxBodyBytes)
        )
        conCls.pointee = Unmanaged.passRetained(request).toOpaque()
        state.withLock { $0.inFlight += 1 }
        if let declared, declared > configuration.maxBodyBytes {
            request.reject()
            return reject(.bodyTooLarge(limit: configuration.maxBodyBytes), connection: connection, url: url, method: method)
        }
        return .YES
    }

    /// Answers early with the rendered `error` and closes the connection afterwards.
    private func reject(
        _ error: HTTPServerError,
        connection: OpaquePointer,
        url: UnsafePointer<CChar>?,
        method: UnsafePointer<CChar>?
    ) -> MHD_Result {
        let head = copyHead(connection: connection, url: url, method: method, body: [])
        logger.notice("HTTP request refused", metadata: [
            "http.status": "\(error.status)", "http.method": "\(head.method)", "http.path": "\(head.path)",
            "http.remote": "\(head.remoteAddress)", "error": "\(error)",
        ])
        return queue(configuration.errorRenderer(error, head), on: connection, forceClose: true)
    }

    /// Refuses a request in the middle of its body, where libmicrohttpd 0.9.75 cannot queue a response: on plain
    /// HTTP the rendered error is written straight to the socket before the connection is closed; over TLS the
    /// connection is closed without an answer (the bytes would have to go through GnuTLS).
    private func abandon(
        _ error: HTTPServerError,
        connection: OpaquePointer,
        url: UnsafePointer<CChar>?,
        method: UnsafePointer<CChar>?
    ) -> MHD_Result {
        let head = copyHead(connection: connection, url: url, method: method, body: [])
        logger.notice("HTTP request abandoned", metadata: [
            "http.status": "\(error.status)", "http.method": "\(head.method)", "http.path": "\(head.path)",
            "http.remote": "\(head.remoteAddress)", "error": "\(error)",
        ])
        let fd = zb_mhd_connection_fd(connection)
        if configuration.tls == nil, fd >= 0 {
            let bytes = Self.serialize(configuration.errorRenderer(error, head))
            _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL | MSG_DONTWAIT)) }
            // Drop what the client already sent and half-close, so closing does not reset the connection
            // before the answer is read.
            var scratch = [UInt8](repeating: 0, count: 4096)
            while scratch.withUnsafeMutableBytes({ recv(fd, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }) > 0 {}
            Glibc.shutdown(fd, Int32(SHUT_WR))
        }
        return .NO
    }

    /// An HTTP/1.1 response as bytes, with `Content-Length` and `Connection: close`.
    private static func serialize(_ response: HTTPResponse) -> [UInt8] {
        let status = (100...999).contains(response.status) ? response.status : 500
        let reason = MHD_get_reason_phrase_for(UInt32(status)).map { String(cString: $0) } ?? ""
        var head = "HTTP/1.1 \(status) \(reason)\r\n"
        for (name, value) in response.headers
        where !isManagedHeader(name) && name.caseInsensitiveCompare("Connection") != .orderedSame
            && !name.contains(where: \.isNewline) && !value.contains(where: \.isNewline)
        {
            head += "\(name): \(value)\r\n"
        }
        head += "Content-Length: \(response.body.count)\r\nConnection: close\r\n\r\n"
        return Array(head.utf8) + response.body
    }

    /// Copies everything libmicrohttpd holds about the request into owned Swift values.
    private func copyHead(
        connection: OpaquePointer,
        url: UnsafePointer<CChar>?,
        method: UnsafePointer<CChar>?,
        body: [UInt8]
    ) -> HTTPRequest {
        HTTPRequest(
            method: HTTPMethod(rawValue: method.map { String(cString: $0) } ?? ""),
            path: url.map { String(cString: $0) } ?? "",
            query: Self.values(of: .GET_ARGUMENT_KIND, on: connection).map { (name: $0.0, value: $0.1) },
            headers: HTTPHeaders(Self.values(of: .HEADER_KIND, on: connection)),
            body: body,
            remoteAddress: SocketAddress.text(of: zb_mhd_client_address(connection)),
            isSecure: configuration.tls != nil
        )
    }

    /// Every (name, value) of one kind, in order, repeats kept; a missing value becomes "".
    private static func values(of kind: MHD_ValueKind, on connection: OpaquePointer) -> [(String, String)] {
        var pairs: [(String, String)] = []
        withUnsafeMutablePointer(to: &pairs) { pointer in
            _ = MHD_get_connection_values(connection, kind, { cls, _, key, value in
                guard let cls, let key else { return .YES }
                cls.assumingMemoryBound(to: [(String, String)].self).pointee
                    .append((String(cString: key), value.map { String(cString: $0) } ?? ""))
                return .YES
            }, pointer)
        }
        return pairs
    }

    /// Hands `response` to libmicrohttpd; adds `Connection: close` when asked or while shutting down.
    func queue(_ response: HTTPResponse, on connection: OpaquePointer, forceClose: Bool) -> MHD_Result {
        let created = response.body.withUnsafeBytes { bytes in
            MHD_create_response_from_buffer(bytes.count, UnsafeMutableRawPointer(mutating: bytes.baseAddress), .RESPMEM_MUST_COPY)
        }
        guard let mhdResponse = created else {
            logger.error("libmicrohttpd could not create a response")
            return .NO
        }
        defer { MHD_destroy_response(mhdResponse) }
        for (name, value) in response.headers where !Self.isManagedHeader(name) {
            if MHD_add_response_header(mhdResponse, name, value) != .YES {
                logger.warning("HTTP response header dropped", metadata: ["http.header": "\(name)"])
            }
        }
        if forceClose || state.withLock({ $0.shuttingDown }) {
            _ = MHD_add_response_header(mhdResponse, "Connection", "close")
        }
        let status = (100...999).contains(response.status) ? response.status : 500
        return MHD_queue_response(connection, UInt32(status), mhdResponse)
    }

    /// Headers libmicrohttpd computes itself; a value from the application would conflict.
    private static func isManagedHeader(_ name: String) -> Bool {
        name.caseInsensitiveCompare("Content-Length") == .orderedSame
    }
}
