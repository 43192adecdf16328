import Foundation
import TestSupport

/// A private CA with a server certificate for 127.0.0.1 and a client certificate, made with the `openssl` CLI.
struct TestCertificates {
    let directory: URL
    var caCertificate: String { path("ca.crt") }
    var serverCertificate: String { path("server.crt") }
    var serverKey: String { path("server.key") }
    var clientCertificate: String { path("client.crt") }
    var clientKey: String { path("client.key") }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Makes fresh certificates in a new temporary directory.
    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("zorgbrug-client-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try "subjectAltName=IP:127.0.0.1,DNS:localhost\n".write(
            to: directory.appendingPathComponent("server.ext"), atomically: true, encoding: .utf8)
        try "extendedKeyUsage=clientAuth\n".write(
            to: directory.appendingPathComponent("client.ext"), atomically: true, encoding: .utf8)
        let key = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        try openssl(["req", "-x509"] + key + ["-keyout", "ca.key", "-out", "ca.crt", "-days", "2", "-subj", "/CN=Zorgbrug Test CA"])
        for (name, subject) in [("server", "/CN=127.0.0.1"), ("client", "/CN=zorgbrug-test-client")] {
            try openssl(["req"] + key + ["-keyout", "\(name).key", "-out", "\(name).csr", "-subj", subject])
            try openssl([
                "x509", "-req", "-in", "\(name).csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", "\(name).crt", "-days", "2", "-extfile", "\(name).ext",
            ])
        }
    }

    /// Removes the files.
    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }

    private func path(_ name: String) -> String {
        directory.appendingPathComponent(name).path
    }

    private func openssl(_ arguments: [String]) throws {
        let ended = try ChildProcess("/usr/bin/env", ["openssl"] + arguments, directory: directory.path).waitBlocking()
        guard ended == .exited(0) else {
            throw Failure(description: "openssl \(arguments.joined(separator: " ")) failed")
        }
    }
}
