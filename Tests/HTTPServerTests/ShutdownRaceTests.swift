import Foundation
import Glibc
import HTTPServer
import Testing
import TestSupport

/// Shutting down while clients connect and disconnect, many times over. With libmicrohttpd's epoll event loop,
/// `MHD_quiesce_daemon` races the worker threads over removing the listening socket from their epoll sets and
/// aborts the whole process when it loses (an open libmicrohttpd defect); the server must not use that path.
@Suite struct ShutdownRaceTests {
    @Test func shutdownWhileClientsChurnNeverAborts() async throws {
        for _ in 0..<60 {
            let server = HTTPServer(
                configuration: TestServer.configuration { $0.threadCount = 2 }, responder: EchoResponder(),
                logger: TestServer.quietLogger)
            try server.start()
            let port = server.port
            let stop = Locked(false)
            let clients = (0..<4).map { _ in
                Task.detached {
                    while !stop.value {
                        guard let socket = try? await RawSocket(port: port, timeoutSeconds: 2) else { continue }
                        _ = await socket.get("/churn")
                    }
                }
            }
            try await Task.sleep(for: .milliseconds(20))
            await server.shutdown()
            stop.set(true)
            for client in clients { await client.value }
        }
    }
}

private final class Locked<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    init(_ value: Value) { stored = value }
    var value: Value { lock.lock(); defer { lock.unlock() }; return stored }
    func set(_ value: Value) { lock.lock(); stored = value; lock.unlock() }
}
