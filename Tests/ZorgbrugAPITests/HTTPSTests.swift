import FHIR
import Foundation
import HTTPServer
import Testing
import TestSupport
import ZorgbrugAPI
import ZorgbrugClient

/// The whole stack over HTTPS: a private CA and a server certificate made with the `openssl` CLI at test time, the
/// real server with TLS, and the libcurl client verifying the chain and the address.
@Suite("HTTPS end to end")
struct HTTPSTests {
    @Test("Token, create, read, update and search over HTTPS with a private CA; every link says https")
    func roundTrip() async throws {
        let pki = try await TestPKI.make()
        defer { pki.remove() }
        try await withTLSServer(pki.server) { server in
            #expect(server.baseURL.hasPrefix("https://127.0.0.1:"))
            let trusted = TLSOptions(caFile: pki.caCertificate)
            let token = try await HTTPSTests.providerToken(server, tls: trusted)
            let client = server.client(token: token, tls: trusted)
            let base = server.baseURL + "/fhir"

            let created = try await client.create(
                type: "Patient",
                resource: ["resourceType": "Patient", "name": [["family": "Versleuteld"]], "birthDate": "1990-02-03"])
            #expect(created.status == 201, "\(created.text)")
            let id = try #require(created.resource?["id"]?.stringValue)
            #expect(created.location == "\(base)/Patient/\(id)/_history/1")

            let read = try await client.read(type: "Patient", id: id)
            #expect(read.status == 200, "\(read.text)")
            #expect(read.resource?["name"]?.arrayValue?.first?["family"]?.stringValue == "Versleuteld")
            #expect(read.etag == "W/\"1\"")

            var patient = try #require(read.resource)
            patient["gender"] = "other"
            let updated = try await client.update(type: "Patient", id: id, resource: patient, ifMatch: read.etag)
            #expect(updated.status == 200, "\(updated.text)")
            #expect(updated.etag == "W/\"2\"")

            let search = try await client.search(type: "Patient", parameters: [("_id", id), ("_count", "1")])
            #expect(search.status == 200, "\(search.text)")
            let entries = search.resource?["entry"]?.arrayValue ?? []
            #expect(entries.count == 1)
            #expect(entries.first?["fullUrl"]?.stringValue == "\(base)/Patient/\(id)")
            for link in search.resource?["link"]?.arrayValue ?? [] {
                #expect(link["url"]?.stringValue?.hasPrefix(base + "/Patient?") == true, "\(link)")
            }

            let history = try await client.get(path: "Patient/\(id)/_history")
            #expect(history.status == 200)
            for entry in history.resource?["entry"]?.arrayValue ?? [] {
                #expect(entry["fullUrl"]?.stringValue?.hasPrefix("https://") == true, "\(entry)")
            }

            let metadata = try await server.client(tls: trusted).get(path: "metadata")
            #expect(metadata.status == 200)
            #expect(metadata.resource?["implementation"]?["url"]?.stringValue == base)
            let smart = try await server.client(tls: trusted).get(path: "/.well-known/smart-configuration")
            #expect(smart.resource?["token_endpoint"]?.stringValue == server.baseURL + "/oauth/token")
        }
    }

    @Test("Without the CA, or with another CA, the client refuses the server with .tls")
    func untrusted() async throws {
        let pki = try await TestPKI.make()
        let other = try await TestPKI.make()
        defer {
            pki.remove()
            other.remove()
        }
        try await withTLSServer(pki.server) { server in
            let system = await HTTPSTests.clientError { () async throws(HTTPClientError) in
                try await server.client().get(path: "metadata")
            }
            #expect(system?.code == .tls, "\(String(describing: system))")
            let wrongCA = await HTTPSTests.clientError { () async throws(HTTPClientError) in
                try await server.client(tls: TLSOptions(caFile: other.caCertificate)).get(path: "metadata")
            }
            #expect(wrongCA?.code == .tls, "\(String(describing: wrongCA))")
            // The server is unharmed by refused handshakes.
            let trusted = try await server.client(tls: TLSOptions(caFile: pki.caCertificate)).get(path: "metadata")
            #expect(trusted.status == 200)
        }
    }

    @Test("A certificate from the trusted CA but for another name is refused with .tls")
    func wrongName() async throws {
        let pki = try await TestPKI.make()
        defer { pki.remove() }
        let elsewhere = try await pki.issueServerCertificate(name: "elsewhere", subjectAltName: "DNS:zorgbrug.example.org")
        try await withTLSServer(elsewhere) { server in
            let error = await HTTPSTests.clientError { () async throws(HTTPClientError) in
                try await server.client(tls: TLSOptions(caFile: pki.caCertificate)).get(path: "metadata")
            }
            #expect(error?.code == .tls, "\(String(describing: error))")
        }
    }

    @Test("Plain HTTP to the HTTPS port fails cleanly, and the server keeps serving HTTPS")
    func plainHTTPToTLSPort() async throws {
        let pki = try await TestPKI.make()
        defer { pki.remove() }
        try await withTLSServer(pki.server) { server in
            let trusted = TLSOptions(caFile: pki.caCertificate)
            let token = try await HTTPSTests.providerToken(server, tls: trusted)
            let plainBase = server.baseURL.replacingOccurrences(of: "https://", with: "http://") + "/fhir"
            let plain = FHIRClient(baseURL: plainBase, bearerToken: token, timeoutMilliseconds: 10_000)
            // Several at once, GET and POST, so a crash or a wedged worker would show.
            try await withThrowingTaskGroup(of: Void.self) { group in
                for i in 0..<6 {
                    group.addTask {
                        do throws(HTTPClientError) {
                            let response = i.isMultiple(of: 2)
                                ? try await plain.get(path: "metadata")
                                : try await plain.create(type: "Patient", resource: ["resourceType": "Patient"])
                            // Some TLS stacks answer plain HTTP with a 400 page; a FHIR success is wrong.
                            #expect(!response.isSuccess, "plain HTTP on the TLS port answered \(response.status)")
                        } catch {
                            // The TLS stack drops the connection at once (no hang until the deadline).
                            #expect(error.code == .connectionLost, "\(error)")
                        }
                    }
                }
                try await group.waitForAll()
            }
            let client = server.client(token: token, tls: trusted)
            for _ in 0..<3 {
                let created = try await client.create(type: "Patient", resource: ["resourceType": "Patient", "name": [["family": "Na"]]])
                #expect(created.status == 201, "\(created.text)")
            }
            let search = try await client.search(type: "Patient", parameters: [("_summary", "count")])
            #expect(search.resource?["total"]?.numberValue?.int == 3, "\(search.text)")
        }
    }

    // MARK: Helpers

    /// Registers an organization and a provider client, and gets its token from `/oauth/token` over HTTPS.
    static func providerToken(_ server: TestServer, tls: TLSOptions) async throws -> String {
        let organization = try await server.identity.createOrganization(name: "Ziekenhuis TLS", identifier: nil, newID: "org-tls")
        let registered = try await server.identity.registerClient(
            kind: .provider, displayName: "ECD TLS", organizationID: organization.id, jwks: nil, clientID: "provider-tls")
        let response = try await server.client(tls: tls).post(
            path: "/oauth/token", form: [("grant_type", "client_credentials")],
            headers: [World.basic("provider-tls", try #require(registered.secret))])
        #expect(response.status == 200, "\(response.text)")
        #expect(response.headers["Cache-Control"]?.contains("no-store") == true)
        return try #require(response.resource?["access_token"]?.stringValue)
    }

    /// The error `body` threw, or `nil` (recorded as an issue) when it answered.
    static func clientError(
        _ body: () async throws(HTTPClientError) -> FHIRClientResponse, sourceLocation: SourceLocation = #_sourceLocation
    ) async -> HTTPClientError? {
        do {
            let response = try await body()
            Issue.record("expected a client error, got HTTP \(response.status)", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error
        }
    }
}

/// Runs `body` with a server on TLS `files` and always stops it.
func withTLSServer<T>(_ files: TLSFiles, _ body: (TestServer) async throws -> T) async throws -> T {
    try await withServer(tls: files, body)
}

/// A private CA and a server certificate for 127.0.0.1 (SAN `IP:127.0.0.1`), made with the `openssl` CLI in a new
/// temporary directory, as an operator would with their own CA.
struct TestPKI: Sendable {
    let directory: URL
    /// The server's certificate and key, for `TLSFiles`.
    let server: TLSFiles
    var caCertificate: String { directory.appendingPathComponent("ca.crt").path }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func make() async throws -> TestPKI {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zorgbrug-pki-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let key = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        try await openssl(["req", "-x509"] + key + [
            "-keyout", "ca.key", "-out", "ca.crt", "-days", "2", "-subj", "/CN=Zorgbrug Test CA",
            "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
        ], in: directory)
        let placeholder = TestPKI(directory: directory, server: TLSFiles(certificatePath: "", keyPath: ""))
        let server = try await placeholder.issueServerCertificate(name: "server", subjectAltName: "IP:127.0.0.1")
        return TestPKI(directory: directory, server: server)
    }

    /// A server certificate signed by this CA, with `subjectAltName` (e.g. `IP:127.0.0.1`).
    func issueServerCertificate(name: String, subjectAltName: String) async throws -> TLSFiles {
        let extensions = "subjectAltName=\(subjectAltName)\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n"
        try extensions.write(to: directory.appendingPathComponent("\(name).ext"), atomically: true, encoding: .utf8)
        let key = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        try await Self.openssl(["req"] + key + ["-keyout", "\(name).key", "-out", "\(name).csr", "-subj", "/CN=\(name)"], in: directory)
        try await Self.openssl([
            "x509", "-req", "-in", "\(name).csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
            "-out", "\(name).crt", "-days", "2", "-extfile", "\(name).ext",
        ], in: directory)
        return TLSFiles(
            certificatePath: directory.appendingPathComponent("\(name).crt").path,
            keyPath: directory.appendingPathComponent("\(name).key").path)
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }

    private static func openssl(_ arguments: [String], in directory: URL) async throws {
        let errors = directory.appendingPathComponent("openssl-errors-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: errors) }
        let ended = try await ChildProcess.run("/usr/bin/env", ["openssl"] + arguments, directory: directory.path, stderr: .file(errors))
        guard ended == .exited(0) else {
            let message = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
            throw Failure(description: "openssl \(arguments.joined(separator: " ")) failed (\(ended)): \(message)")
        }
    }
}
