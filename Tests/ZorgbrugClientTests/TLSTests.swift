import Testing
import ZorgbrugClient

@Suite("HTTPS with a private CA and mutual TLS")
struct TLSTests {
    @Test("a server certificate from a private CA is trusted with the CA file and refused without it")
    func privateCA() async throws {
        let certificates = try TestCertificates()
        defer { certificates.remove() }
        let receiver = try TestReceiver(
            tls: (certificates.serverCertificate, certificates.serverKey, nil))
        defer { receiver.stop() }
        let transport = CurlTransport()
        let url = receiver.baseURL + "/secure"

        let trusted = try await transport.send(
            HTTPClientRequest(url: url, tls: TLSOptions(caFile: certificates.caCertificate)))
        #expect(trusted.status == 200)
        #expect(try Echo(trusted).path == "/secure")

        let error = await #expect(throws: HTTPClientError.self) {
            try await transport.send(HTTPClientRequest(url: url))
        }
        #expect(error?.code == .tls)
        #expect(error?.message.contains("CA") == true)

        let insecure = try await transport.send(
            HTTPClientRequest(url: url, tls: TLSOptions(insecureSkipVerify: true)))
        #expect(insecure.status == 200)
    }

    @Test("a missing CA file fails with tls")
    func missingCAFile() async throws {
        let certificates = try TestCertificates()
        defer { certificates.remove() }
        let receiver = try TestReceiver(tls: (certificates.serverCertificate, certificates.serverKey, nil))
        defer { receiver.stop() }
        let request = HTTPClientRequest(
            url: receiver.baseURL + "/", tls: TLSOptions(caFile: certificates.directory.path + "/absent.pem"))
        let error = await #expect(throws: HTTPClientError.self) { try await CurlTransport().send(request) }
        #expect(error?.code == .tls)
    }

    @Test("a client certificate is presented when set and absent on the next request on the same handle")
    func mutualTLSDoesNotLeak() async throws {
        let certificates = try TestCertificates()
        defer { certificates.remove() }
        let receiver = try TestReceiver(
            tls: (certificates.serverCertificate, certificates.serverKey, certificates.caCertificate))
        defer { receiver.stop() }
        let transport = CurlTransport(maxIdleHandles: 1)
        let withCertificate = TLSOptions(
            caFile: certificates.caCertificate, clientCertificateFile: certificates.clientCertificate,
            clientKeyFile: certificates.clientKey)

        let first = try Echo(
            try await transport.send(HTTPClientRequest(url: receiver.baseURL + "/mtls", tls: withCertificate)))
        let second = try Echo(
            try await transport.send(
                HTTPClientRequest(url: receiver.baseURL + "/plain", tls: TLSOptions(caFile: certificates.caCertificate))))

        #expect(first.clientCertificate == "zorgbrug-test-client")
        #expect(second.clientCertificate == nil)
    }

    @Test("an unreadable client certificate fails with tls")
    func badClientCertificate() async throws {
        let certificates = try TestCertificates()
        defer { certificates.remove() }
        let receiver = try TestReceiver(
            tls: (certificates.serverCertificate, certificates.serverKey, certificates.caCertificate))
        defer { receiver.stop() }
        let request = HTTPClientRequest(
            url: receiver.baseURL + "/",
            tls: TLSOptions(
                caFile: certificates.caCertificate, clientCertificateFile: certificates.directory.path + "/absent.crt",
                clientKeyFile: certificates.clientKey))
        let error = await #expect(throws: HTTPClientError.self) { try await CurlTransport().send(request) }
        #expect(error?.code == .tls)
    }
}
