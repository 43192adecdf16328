import Foundation
import Glibc

/// A plain blocking TCP client socket to 127.0.0.1, for what an HTTP client library will not do: hold connections
/// open, send a head or chunks by hand, trickle a body, stop halfway.
///
/// Shared by the test targets that speak raw HTTP (HTTPServerTests, ZorgbrugAPITests, ZorgbrugCLITests). Every
/// blocking call runs on a fresh serial Dispatch queue (its own thread), never on a Swift concurrency thread and
/// never behind other tests' work on the width-limited global queue of a 2-core machine.
public final class RawSocket: @unchecked Sendable {
    // @unchecked: `fd` is set once in init; a test uses a socket from one task at a time.
    private let fd: Int32

    /// Why a connection attempt failed (`errno`).
    public struct ConnectError: Error {
        public let code: Int32
        /// The port is not (or no longer) listening.
        public var refused: Bool { code == ECONNREFUSED }
    }

    /// Connects to 127.0.0.1:`port`; a `receive` gives up after `timeoutSeconds` without data.
    /// - Parameter source: the local IPv4 address to connect from (any of 127.0.0.0/8 on loopback), to look like
    ///   another client to per-address limits; `nil` lets the system choose.
    /// - Throws: ``ConnectError``.
    public init(port: Int, source: String? = nil, timeoutSeconds: Int = 10) async throws {
        fd = try await Self.blocking { () throws -> Int32 in
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard fd >= 0 else { throw ConnectError(code: errno) }
            if let source {
                var local = sockaddr_in()
                local.sin_family = sa_family_t(AF_INET)
                guard inet_pton(AF_INET, source, &local.sin_addr) == 1 else {
                    close(fd)
                    throw ConnectError(code: EINVAL)
                }
                let bound = withUnsafePointer(to: &local) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
                }
                guard bound == 0 else {
                    let code = errno
                    close(fd)
                    throw ConnectError(code: code)
                }
            }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = UInt16(port).bigEndian
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            let result = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            if result != 0 {
                var code = errno
                if code == EINTR {
                    // A signal (another test's SIGTERM to this process) interrupted the call; the connection goes on
                    // in the background: wait for it and take its outcome.
                    var waiting = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                    while poll(&waiting, 1, Int32(timeoutSeconds * 1000)) < 0 && errno == EINTR {}
                    var length = socklen_t(MemoryLayout<Int32>.size)
                    code = 0
                    getsockopt(fd, SOL_SOCKET, SO_ERROR, &code, &length)
                    if waiting.revents == 0 && code == 0 { code = ETIMEDOUT }
                }
                guard code == 0 else {
                    close(fd)
                    throw ConnectError(code: code)
                }
            }
            return fd
        }
    }

    deinit {
        close(fd)
    }

    /// Sends `bytes`; false when the peer has closed the connection.
    @discardableResult
    public func send(_ bytes: [UInt8]) async -> Bool {
        let fd = self.fd
        return (try? await Self.blocking {
            bytes.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let sent = Glibc.send(fd, buffer.baseAddress! + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
                    if sent < 0 && errno == EINTR { continue }
                    if sent <= 0 { return false }
                    offset += sent
                }
                return true
            }
        }) ?? false
    }

    /// Sends `text` as UTF-8; false when the peer has closed the connection.
    @discardableResult
    public func send(_ text: String) async -> Bool {
        await send(Array(text.utf8))
    }

    /// Reads until the peer closes, `stop` says the text so far is enough, or the timeout passes without data.
    /// Interruptions by signals are retried.
    public func receive(until stop: @escaping @Sendable (String) -> Bool = { _ in false }) async -> String {
        let fd = self.fd
        return (try? await Self.blocking {
            var received: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 8192)
            while true {
                let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                // EINTR: a signal sent to the whole test process (the SIGTERM tests) interrupted the wait, not the
                // connection. Anything else (end of stream, the receive timeout, a reset) ends the read.
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { break }
                received += buffer[0..<count]
                if stop(String(decoding: received, as: UTF8.self)) { break }
            }
            return String(decoding: received, as: UTF8.self)
        }) ?? ""
    }

    /// Sends a complete keep-alive GET and returns its response, head and body (framed by `Content-Length`); ""
    /// when the connection closed.
    public func get(_ path: String) async -> String {
        await send("GET \(path) HTTP/1.1\r\nHost: localhost\r\n\r\n")
        return await receive { text in
            guard let end = text.range(of: "\r\n\r\n") else { return false }
            let head = text[..<end.lowerBound].lowercased()
            guard let line = head.split(separator: "\r\n").first(where: { $0.hasPrefix("content-length:") }),
                let length = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces))
            else { return true }
            return text.utf8.count - text[..<end.upperBound].utf8.count >= length
        }
    }

    private static func blocking<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue(label: "zorgbrug.test.raw-socket").async { continuation.resume(with: Result(catching: work)) }
        }
    }
}
