import FHIR
import Foundation
import Glibc
import GRDB
import TestSupport
import Testing
import ZorgbrugClient
import ZorgbrugStore

extension CLITests {
    @Suite("serve")
    struct Serve {
        @Test("serve --port 0 prints its URL, answers /health and /fhir/metadata, creates the database, stops on Ctrl-C")
        func startsAndServes() async throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let database = directory.file("data/db.sqlite")
            let server = try await RunningServer.start(["--port", "0", "--database", database, "--content-dir", Paths.packageRoot])
            defer { server.process.kill() }
            #expect(server.port > 0)
            #expect(server.baseURL == "http://127.0.0.1:\(server.port)")
            #expect(server.process.stdout.contains("health: \(server.baseURL)/health"))

            let health = try await Operator.client(server).get(path: "/health")
            #expect(health.status == 200)
            #expect(health.resource?["status"]?.stringValue == "ok")
            let metadata = try await Operator.client(server).get(path: "metadata")
            #expect(metadata.status == 200)
            #expect(metadata.resource?["resourceType"]?.stringValue == "CapabilityStatement")
            #expect(metadata.resource?["fhirVersion"]?.stringValue == "4.0.1")
            #expect(FileManager.default.fileExists(atPath: database))
            #expect(FileManager.default.fileExists(atPath: directory.file("data/pepper.key")))

            #expect(try await server.stop(signal: SIGINT) == 0)
            #expect(server.process.stderr.contains("server.stopped"), "\(server.process.stderr)")
        }

        @Test("on an IPv6 address the printed URL has the address in brackets, and works")
        func ipv6() async throws {
            guard Self.hasIPv6Loopback() else { return }
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            try await withRunningServer(["--host", "::1", "--port", "0", "--database", directory.file("db.sqlite"), "--content-dir", Paths.packageRoot]) { server in
                #expect(server.baseURL == "http://[::1]:\(server.port)")
                let health = try await Operator.client(server).get(path: "/health")
                #expect(health.status == 200)
            }
        }

        /// Whether this machine can listen on ::1.
        static func hasIPv6Loopback() -> Bool {
            let fd = socket(AF_INET6, Int32(SOCK_STREAM.rawValue), 0)
            guard fd >= 0 else { return false }
            defer { close(fd) }
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_addr = in6addr_loopback
            return withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) }
            } == 0
        }

        @Test("SIGTERM with a request in flight: it completes, new connections are refused, exit 0, the data is intact")
        func sigtermWithRequestInFlight() async throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let database = directory.file("db.sqlite")
            let organization = try await Operator.createOrganization(database: database)
            let provider = try await Operator.registerClient(database: database, kind: "provider", organization: organization)
            let server = try await RunningServer.start(["--port", "0", "--database", database, "--content-dir", Paths.packageRoot])
            defer { server.process.kill() }
            let token = try await Operator.token(server, clientID: provider.id, secret: provider.secret)
            let created = try await Operator.client(server, token: token).create(type: "Patient", resource: Operator.patient(family: "Before"))
            #expect(created.status == 201, "\(created.text)")
            let before = try #require(created.resource?["id"]?.stringValue)

            // A request whose body is half sent when the signal arrives. The keep-alive GET first proves the
            // server has taken the connection.
            let connection = try await RawSocket(port: server.port, timeoutSeconds: 15)
            #expect(await connection.get("/health").hasPrefix("HTTP/1.1 200"))
            let body = JSON.object(Operator.patient(family: "InFlight")).serialized()
            let head = "POST /fhir/Patient HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer \(token)\r\n"
                + "Content-Type: application/fhir+json\r\nContent-Length: \(body.count)\r\n\r\n"
            await connection.send(Array(head.utf8) + body.prefix(10))
            try await Task.sleep(for: .milliseconds(200))

            server.process.send(SIGTERM)
            try await server.process.waitForOutput { _, stderr in stderr.contains("HTTP server stopping") }
            // While draining, a newcomer is refused at once rather than left waiting (retried briefly: the log
            // line comes just before the listening socket is shut).
            var refused = false
            for _ in 0..<100 where !refused {
                do {
                    _ = try await RawSocket(port: server.port, timeoutSeconds: 15)
                    try await Task.sleep(for: .milliseconds(20))
                } catch let error as RawSocket.ConnectError {
                    refused = error.refused
                }
            }
            #expect(refused, "new connections are still accepted while draining")
            #expect(server.process.isRunning, "the server must wait for the request in flight")

            await connection.send(Array(body.dropFirst(10)))
            let answer = await connection.receive()
            #expect(answer.hasPrefix("HTTP/1.1 201"), "\(answer)")
            #expect(answer.lowercased().contains("connection: close"))
            let inFlight = try #require(try JSONParser().parse(Array((answer.components(separatedBy: "\r\n\r\n").last ?? "").utf8))["id"]?.stringValue)

            #expect(try await server.process.waitForExit(timeout: .seconds(30)) == 0, "\(server.process.transcript)")
            #expect(server.process.stderr.contains("server.stopped"))

            // Reopened, the database is intact and holds both patients.
            let integrity = try await DatabaseQueue(path: database).read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
            #expect(integrity == "ok")
            let store = try ResourceStore(path: database, clock: { 0 })
            let family = { (id: String) -> String? in
                try store.readSync { reader in try reader.current(type: "Patient", id: id) }?
                    .json["name"]?.arrayValue?.first?["family"]?.stringValue
            }
            #expect(try family(before) == "Before")
            #expect(try family(inFlight) == "InFlight")
            // And the operator's tools still work on it.
            #expect(try await Zorgbrug.succeed(["admin", "client", "list", "--database", database]).contains(provider.id))
        }

        @Test("SIGTERM while it is still starting up (content installed, demo not yet seeded) stops it cleanly: exit 0")
        func sigtermDuringStartUp() async throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let process = try ZorgbrugProcess([
                "serve", "--port", "0", "--database", directory.file("db.sqlite"), "--content-dir", Paths.packageRoot, "--demo",
            ])
            defer { process.kill() }
            try await process.waitForOutput { _, stderr in stderr.contains("content.installed") }
            process.send(SIGTERM)
            #expect(try await process.waitForExit(timeout: .seconds(30)) == 0, "\(process.transcript)")
            #expect(process.stderr.contains("server.stopped"))
        }

        @Test("--metrics-token-file opens /metrics to the token elsewhere; --trusted-proxies attributes forwarded clients")
        func metricsTokenAndProxies() async throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let token = String(repeating: "7f", count: 32)
            let tokenFile = directory.file("metrics.token")
            try (token + "\n").write(toFile: tokenFile, atomically: true, encoding: .utf8)
            let server = try await RunningServer.start([
                "--port", "0", "--database", directory.file("db.sqlite"), "--content-dir", Paths.packageRoot,
                "--metrics-token-file", tokenFile, "--trusted-proxies", "127.0.0.1",
            ])
            defer { server.process.kill() }
            func metrics(from source: String, _ headers: String = "") async throws -> String {
                let socket = try await RawSocket(port: server.port, source: source, timeoutSeconds: 15)
                await socket.send("GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\(headers)\r\n")
                return await socket.receive()
            }
            #expect(try await metrics(from: "127.0.0.1").hasPrefix("HTTP/1.1 200"))
            #expect(try await metrics(from: "127.0.0.2").hasPrefix("HTTP/1.1 403"))
            #expect(try await metrics(from: "127.0.0.2", "Authorization: Bearer \(token)\r\n").hasPrefix("HTTP/1.1 200"))
            #expect(try await metrics(from: "127.0.0.2", "Authorization: Bearer \(token.dropLast())\r\n").hasPrefix("HTTP/1.1 403"))
            // Through the trusted proxy on 127.0.0.1, a forwarded client is not loopback.
            #expect(try await metrics(from: "127.0.0.1", "X-Forwarded-For: 203.0.113.9\r\n").hasPrefix("HTTP/1.1 403"))
            server.process.send(SIGINT)
            #expect(try await server.process.waitForExit() == 0)
        }

        @Test("an unusable metrics token file or proxy list stops serve before it listens, saying why", arguments: [
            (["--metrics-token-file", "short"], "at least 32 characters"),
            (["--metrics-token-file", "missing"], "cannot be read"),
            (["--trusted-proxies", "10.0.0.0/8,proxy.example"], "'proxy.example' is not an IP address"),
        ])
        func unusableSecurityOptions(arguments: [String], message: String) async throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            try "too-short\n".write(toFile: directory.file("short"), atomically: true, encoding: .utf8)
            let resolved = arguments.map { ["short", "missing"].contains($0) ? directory.file($0) : $0 }
            let result = try await Zorgbrug.run(
                ["serve", "--port", "0", "--database", directory.file("db.sqlite"), "--content-dir", Paths.packageRoot] + resolved,
                timeout: .seconds(30))
            #expect(result.status != 0)
            #expect(result.stderr.contains(message), "\(result.stderr)")
            #expect(!result.stdout.contains("listening"))
        }

        @Test("a busy port: a clear error naming the address, exit 1, no usage text")
        func busyPort() async throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let listener = try Listener()
            let result = try await Zorgbrug.run([
                "serve", "--port", "\(listener.port)", "--database", directory.file("db.sqlite"), "--content-dir", Paths.packageRoot,
            ])
            #expect(result.status == 1)
            #expect(result.stderr.contains("Error: Cannot start the server: 127.0.0.1:\(listener.port) is already in use"), "\(result.stderr)")
            #expect(!result.stderr.contains("Usage"))
            #expect(!result.stderr.contains("not the first option"), "libmicrohttpd's option-order warning leaked")
            #expect(!result.stdout.contains("listening"))
            withExtendedLifetime(listener) {}
        }

        @Test("ZORGBRUG_ variables take effect: port, database, content, body cap, JSON log lines on stderr")
        func environment() async throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let database = directory.file("env/db.sqlite")
            var port = 0
            var started: RunningServer?
            // The free port may be taken by another test between the probe and the start: try a few.
            for _ in 0..<3 where started == nil {
                port = try freePort()
                do {
                    started = try await RunningServer.start([], environment: [
                        "ZORGBRUG_PORT": "\(port)", "ZORGBRUG_LOG_FORMAT": "json", "ZORGBRUG_DATABASE": database,
                        "ZORGBRUG_CONTENT_DIR": Paths.packageRoot, "ZORGBRUG_MAX_BODY_BYTES": "2000",
                    ])
                } catch let error as ProcessFailure where error.description.contains("already in use") {
                    continue
                }
            }
            let server = try #require(started)
            defer { server.process.kill() }
            #expect(server.port == port)
            #expect(FileManager.default.fileExists(atPath: database))
            #expect(try await Operator.client(server).get(path: "/health").status == 200)
            let big = try await Operator.client(server).raw(HTTPClientRequest(
                method: "POST", url: server.baseURL + "/fhir/Patient",
                headers: [("Content-Type", "application/fhir+json"), ("Accept-Language", "en")],
                body: Array(repeating: UInt8(ascii: " "), count: 5000)))
            #expect(big.status == 413)
            #expect(big.text.contains("2000 bytes"), "\(big.text)")
            #expect(try await server.stop() == 0)

            // Every line on stderr is one JSON object with the fixed keys; start and stop are among them.
            let lines = server.process.stderr.split(separator: "\n")
            #expect(lines.count >= 4)
            var messages: [String] = []
            for line in lines {
                let object = try #require(try? JSONParser().parse(Array(line.utf8)).objectValue, "not a JSON object: \(line)")
                for key in ["ts", "level", "label", "message"] {
                    #expect(object[key]?.stringValue != nil, "\(key) missing in \(line)")
                }
                messages.append(object["message"]?.stringValue ?? "")
            }
            #expect(messages.contains("server.started"))
            #expect(messages.contains("content.installed"))
            #expect(messages.contains("server.stopped"))
        }

        @Test("a ZORGBRUG_ variable with an unusable value is refused, naming the variable", arguments: [
            ("ZORGBRUG_PORT", "80a"), ("ZORGBRUG_LOG_FORMAT", "xml"), ("ZORGBRUG_DURABILITY", "sometimes"),
            ("ZORGBRUG_DEMO", "perhaps"), ("ZORGBRUG_TRUSTED_PROXIES", "10.0.0.0/33"),
        ])
        func badEnvironment(name: String, value: String) async throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let result = try await Zorgbrug.run(
                ["serve", "--port", "0", "--database", directory.file("db.sqlite"), "--content-dir", Paths.packageRoot],
                environment: [name: value], timeout: .seconds(30))
            #expect(result.status != 0)
            #expect(result.stderr.contains("\(name)='\(value)'"), "\(result.stderr)")
            #expect(!result.stdout.contains("listening"))
        }

        @Test("--demo prints the demo block, and its curl lines work against the running server")
        func demo() async throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let server = try await RunningServer.start(["--port", "0", "--database", directory.file("db.sqlite"), "--content-dir", Paths.packageRoot, "--demo"])
            defer { server.process.kill() }
            let (stdout, _) = try await server.process.waitForOutput { stdout, _ in stdout.contains("not shipped yet) will take a fresh code") }
            #expect(stdout.contains("Demo data (shown once):"))
            let providerLine = try #require(stdout.split(separator: "\n").first { $0.contains("provider client") })
            let parts = providerLine.split(separator: " ")
            let clientID = String(try #require(parts.dropFirst(2).first))
            let secret = String(try #require(parts.last))

            // The printed flow, as a person would paste it into a shell.
            let commands = stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { $0.hasPrefix("TOKEN=") || $0.hasPrefix("curl ") }
            #expect(commands.count == 4, "\(commands)")
            #expect(commands.first?.contains("\(clientID):\(secret)") == true)
            #expect(commands.allSatisfy { $0.contains(server.baseURL) })
            let outputs = try await Shell.run(commands.joined(separator: "\necho '@@@'\n")).components(separatedBy: "@@@\n")
            #expect(outputs.count == 4, "\(outputs)")
            guard outputs.count == 4 else { return }
            let patients = try JSONParser().parse(Array(outputs[1].utf8))
            #expect(patients["resourceType"]?.stringValue == "Bundle", "\(outputs[1])")
            #expect(outputs[1].contains("Jansen"))
            let grant = try JSONParser().parse(Array(outputs[2].utf8))
            #expect(grant["access_token"]?.stringValue != nil, "\(outputs[2])")
            let audit = try JSONParser().parse(Array(outputs[3].utf8))
            #expect(audit["resourceType"]?.stringValue == "Bundle", "\(outputs[3])")

            // The same client id and secret also work through a client library.
            _ = try await Operator.token(server, clientID: clientID, secret: secret)
            #expect(try await server.stop() == 0)
        }
    }
}

/// Runs a script with `/bin/sh`, bounded in time; returns its standard output.
enum Shell {
    static func run(_ script: String, timeout: Duration = .seconds(60)) async throws -> String {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let outPath = directory.file("out")
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        let process = try ChildProcess("/bin/sh", ["-c", script], stdout: .file(outPath))
        guard await process.wait(timeout: timeout) != nil else {
            process.send(SIGKILL)
            _ = await process.wait()
            throw ProcessFailure("the shell script did not finish within \(timeout):\n\(script)")
        }
        return try String(contentsOfFile: outPath, encoding: .utf8)
    }
}
