import Glibc
import HTTPServer
import Testing
import TestSupport

/// The tests' raw HTTP client (`TestSupport.RawSocket`): connecting from a chosen loopback address, which the
/// per-address limit tests rely on to look like several clients.
@Suite struct RawSocketTests {
    @Test func connectsFromTheGivenSourceAddress() async throws {
        try await TestServer.with(responder: EchoResponder()) { server in
            let socket = try await RawSocket(port: server.port, source: "127.0.0.7")
            let answer = await socket.get("/who")
            #expect(answer.hasPrefix("HTTP/1.1 200"))
            #expect(answer.contains("remote=127.0.0.7"))
        }
    }

    @Test func refusesASourceThatIsNotAnIPv4Address() async throws {
        // EINVAL, not the ECONNREFUSED that connecting to the closed port 9 would give: refused before connecting.
        let error = await #expect(throws: RawSocket.ConnectError.self) {
            try await RawSocket(port: 9, source: "not-an-address")
        }
        #expect(error?.code == EINVAL)
    }
}
