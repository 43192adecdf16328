import Foundation
import Glibc

/// A plain blocking TCP client socket, for what curl cannot do: holding connections open, trickling bytes.
///
/// Every blocking call runs on a Dispatch thread, never on a Swift concurrency thread.
final class RawConnection: @unchecked Sendable {
    // @unchecked: `fd` is set once in init; each test uses a connection from one task at a time.
    private let fd: Int32

    /// Connects to 127.0.0.1:`port`; throws when the connection is refused.
    init(port: Int) async throws {
        let fd = try await Self.blocking { () throws -> Int32 in
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard fd >= 0 else { throw POSIXError(.EIO) }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = UInt16(port).bigEndian
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            var timeout = timeval(tv_sec: 10, tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            let result = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            guard result == 0 else {
                close(fd)
                throw POSIXError(.ECONNREFUSED)
            }
            return fd
        }
        self.fd = fd
    }

    deinit {
        close(fd)
    }

    /// Sends `text`; returns false when the peer has closed the connection.
    @discardableResult
    func send(_ text: String) async -> Bool {
        let bytes = Array(text.utf8)
        let fd = self.fd
        return await Self.blocking {
            bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) == $0.count }
        }
    }

    /// Reads until the peer closes, `stop` says the text so far is enough, or 10 s without data pass.
    func receive(until stop: @escaping @Sendable (String) -> Bool = { _ in false }) async -> String {
        let fd = self.fd
        return await Self.blocking {
            var received: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                if count <= 0 { break }
                received += buffer[0..<count]
                if stop(String(decoding: received, as: UTF8.self)) { break }
            }
            return String(decoding: received, as: UTF8.self)
        }
    }

    /// Sends a complete keep-alive GET and returns its response head and body (Content-Length framed).
    func get(_ path: String) async -> String {
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
            // A fresh serial queue runs on its own (overcommit) thread: blocking socket calls never wait behind
            // other tests' work on the width-limited global queue of a 2-core machine.
            DispatchQueue(label: "zorgbrug.test.raw-connection").async { continuation.resume(with: Result(catching: work)) }
        }
    }

    private static func blocking<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue(label: "zorgbrug.test.raw-connection").async { continuation.resume(returning: work()) }
        }
    }
}
