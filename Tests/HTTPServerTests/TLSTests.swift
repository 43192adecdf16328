import Foundation
import HTTPServer
import TestSupport
import Testing

@Suite("HTTPS")
struct TLSTests {
    /// Makes a self-signed P-256 certificate for localhost with the openssl CLI; returns (cert, key) paths.
    private static func makeCertificate(in directory: URL) async throws -> (String, String) {
        let key = directory.appendingPathComponent("k.pem").path
        let certificate = directory.appendingPathComponent("c.pem").path
        let status = try await ChildProcess.run("/usr/bin/openssl", [
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", key, "-out", certificate, "-days", "1", "-subj", "/CN=localhost",
            "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
        ])
        try #require(status == .exited(0))
        return (certificate, key)
    }

    private static func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test("A request over TLS round-trips, verified against the certificate, and is marked secure")
    func roundTrip() async throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (certificate, key) = try await Self.makeCertificate(in: directory)
        let configuration = TestServer.configuration { $0.tls = TLSFiles(certificatePath: certificate, keyPath: key) }
        try await TestServer.with(configuration, responder: EchoResponder()) { server in
            let url = "https://localhost:\(server.port)/secure?x=1"
            let result = try await Curl.request(url, ["--cacert", certificate, "--data-binary", "over tls"])
            #expect(result.exitCode == 0)
            #expect(result.statusAndBody.status == 200)
            #expect(result.statusAndBody.body.contains("secure=true"))
            #expect(result.statusAndBody.body.contains("body=over tls"))

            // Plain HTTP to the TLS port gets no HTTP answer.
            let plain = try await Curl.request("http://127.0.0.1:\(server.port)/")
            #expect(plain.statusAndBody.status != 200)
        }
    }

    @Test("Missing TLS files make start() throw tlsFilesUnreadable")
    func missingFiles() throws {
        let configuration = TestServer.configuration {
            $0.tls = TLSFiles(certificatePath: "/nonexistent/c.pem", keyPath: "/nonexistent/k.pem")
        }
        let server = HTTPServer(configuration: configuration, responder: EchoResponder(), logger: TestServer.quietLogger)
        let error = try #require(throws: HTTPServerStartError.self) { try server.start() }
        #expect(error.code == .tlsFilesUnreadable)
        #expect(error.message.contains("/nonexistent/k.pem"))
    }

    @Test("A key that does not match the certificate makes start() throw")
    func mismatchedKey() async throws {
        let first = try Self.temporaryDirectory()
        let second = try Self.temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: first)
            try? FileManager.default.removeItem(at: second)
        }
        let (certificate, _) = try await Self.makeCertificate(in: first)
        let (_, otherKey) = try await Self.makeCertificate(in: second)
        let configuration = TestServer.configuration { $0.tls = TLSFiles(certificatePath: certificate, keyPath: otherKey) }
        let server = HTTPServer(configuration: configuration, responder: EchoResponder(), logger: TestServer.quietLogger)
        let error = try #require(throws: HTTPServerStartError.self) { try server.start() }
        #expect([.tlsRejected, .daemonFailed].contains(error.code))
    }
}
