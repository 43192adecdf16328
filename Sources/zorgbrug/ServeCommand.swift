import ArgumentParser
import Credentials
import Foundation
import HTTPServer
import Logging
import ZorgbrugAPI
import ZorgbrugCore
import ZorgbrugStore

/// `zorgbrug serve`: runs the FHIR server on the embedded SQLite database.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the Zorgbrug FHIR server.",
        discussion: """
            Validates Questionnaires/ and Modules/ first and refuses to start when they have problems. Stops gracefully \
            on SIGINT/SIGTERM: in-flight requests finish, then the database is closed.
            """)

    @OptionGroup var store: StoreOptions

    @Option(help: "Address to listen on (env ZORGBRUG_HOST). Use 0.0.0.0 to listen on every interface.")
    var host: String = Environment.string("HOST") ?? "127.0.0.1"

    @Option(help: "TCP port (env ZORGBRUG_PORT); 0 picks a free port.")
    var port: Int = Environment.int("PORT") ?? 8080

    @Option(help: "Public base URL of the FHIR endpoint, e.g. https://zorgbrug.example.nl/fhir (env ZORGBRUG_PUBLIC_URL). Default: derived from the request.")
    var publicURL: String?

    @Option(help: "Reverse proxies whose X-Forwarded-For names the client: addresses and CIDR networks, comma-separated, e.g. 10.0.0.0/8,127.0.0.1 (env ZORGBRUG_TRUSTED_PROXIES). Default: none, the header is ignored.")
    var trustedProxies: String?

    @Option(help: "File holding a bearer token that opens /metrics to other addresses than loopback (env ZORGBRUG_METRICS_TOKEN_FILE); at least 32 characters, kept only as a hash in memory. Default: loopback only.")
    var metricsTokenFile: String?

    @Option(help: "PEM certificate file; with --tls-key turns on HTTPS (env ZORGBRUG_TLS_CERT).")
    var tlsCert: String?

    @Option(help: "PEM private key file for --tls-cert (env ZORGBRUG_TLS_KEY).")
    var tlsKey: String?

    @Option(help: "Largest request body in bytes (env ZORGBRUG_MAX_BODY_BYTES).")
    var maxBodyBytes: Int = Environment.int("MAX_BODY_BYTES") ?? 8 * 1024 * 1024

    @Option(help: "Most simultaneous connections; more get 503 (env ZORGBRUG_MAX_CONNECTIONS).")
    var maxConnections: Int = Environment.int("MAX_CONNECTIONS") ?? 1000

    @Option(help: "Most simultaneous connections from one IP address (env ZORGBRUG_MAX_CONNECTIONS_PER_IP).")
    var maxConnectionsPerIp: Int = Environment.int("MAX_CONNECTIONS_PER_IP") ?? 64

    @Option(help: "Seconds an idle connection stays open (env ZORGBRUG_IDLE_TIMEOUT).")
    var idleTimeout: Int = Environment.int("IDLE_TIMEOUT") ?? 30

    @Option(help: "Seconds a client has to deliver a whole request (env ZORGBRUG_REQUEST_DEADLINE).")
    var requestDeadline: Int = Environment.int("REQUEST_DEADLINE") ?? 60

    @Option(help: "Log format: text or json (JSON lines) (env ZORGBRUG_LOG_FORMAT).")
    var logFormat: LogFormat = LogFormat(rawValue: Environment.string("LOG_FORMAT") ?? "text") ?? .text

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical (env ZORGBRUG_LOG_LEVEL).")
    var logLevel: String = Environment.string("LOG_LEVEL") ?? "info"

    @Option(help: "Directory holding Questionnaires/ and Modules/ (env ZORGBRUG_CONTENT_DIR).")
    var contentDir: String = Environment.string("CONTENT_DIR") ?? "."

    @Flag(help: "Seed a demo organization, clients and patient, and print how to try them (env ZORGBRUG_DEMO=1).")
    var demo: Bool = Environment.bool("DEMO")

    enum LogFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    /// Flag, else environment variable.
    var effectivePublicURL: String? { publicURL ?? Environment.string("PUBLIC_URL") }
    var effectiveTLSCert: String? { tlsCert ?? Environment.string("TLS_CERT") }
    var effectiveTLSKey: String? { tlsKey ?? Environment.string("TLS_KEY") }
    var effectiveMetricsTokenFile: String? { metricsTokenFile ?? Environment.string("METRICS_TOKEN_FILE") }

    /// The SHA-256 (hex) of the token in ``effectiveMetricsTokenFile``; `nil` without one.
    func metricsTokenHash() throws -> String? {
        guard let path = effectiveMetricsTokenFile else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("The metrics token file \(path) cannot be read; check the path and its permissions.")
        }
        let token = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard token.count >= 32, !token.contains(where: \.isWhitespace) else {
            throw ValidationError("The metrics token in \(path) must be one line of at least 32 characters without spaces (e.g. `openssl rand -hex 32`).")
        }
        return SecretHasher.sha256Hex(Array(token.utf8))
    }

    var effectiveTrustedProxies: String { trustedProxies ?? Environment.string("TRUSTED_PROXIES") ?? "" }

    /// The parsed ``effectiveTrustedProxies``, naming the flag or variable it came from when it cannot be read.
    func parsedTrustedProxies() throws -> TrustedProxies {
        do {
            return try TrustedProxies(parsing: effectiveTrustedProxies)
        } catch {
            let value = effectiveTrustedProxies
            let source = trustedProxies != nil ? "--trusted-proxies '\(value)'" : "ZORGBRUG_TRUSTED_PROXIES='\(value)'"
            throw ValidationError("\(source): \(error)")
        }
    }

    func validate() throws {
        try Environment.requireInts(["PORT", "MAX_BODY_BYTES", "MAX_CONNECTIONS", "MAX_CONNECTIONS_PER_IP", "IDLE_TIMEOUT", "REQUEST_DEADLINE"])
        try Environment.requireOneOf("LOG_FORMAT", LogFormat.allCases.map(\.rawValue))
        try Environment.requireOneOf("LOG_LEVEL", Logger.Level.allCases.map(\.rawValue))
        try Environment.requireBool("DEMO")
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0…65535.") }
        guard (effectiveTLSCert == nil) == (effectiveTLSKey == nil) else { throw ValidationError("Give both --tls-cert and --tls-key, or neither.") }
        guard maxBodyBytes > 0, maxConnections > 0, maxConnectionsPerIp > 0, idleTimeout > 0, requestDeadline > 0 else {
            throw ValidationError("Limits must be positive numbers.")
        }
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("Unknown --log-level '\(logLevel)'.") }
        _ = try parsedTrustedProxies()
        _ = try metricsTokenHash()
    }

    func run() async throws {
        // Caught from here on: a SIGTERM during start-up (content install, demo seeding) then stops the server
        // gracefully as soon as it runs, instead of killing the process midway.
        let signals = ShutdownSignals()
        defer { signals.restore() }
        let level = Logger.Level(rawValue: logLevel) ?? .info
        let format = logFormat
        LoggingSystem.bootstrap { label in
            switch format {
            case .json:
                var handler = JSONLogHandler(label: label)
                handler.logLevel = level
                return handler
            case .text:
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = level
                return handler
            }
        }
        let logger = Logger(label: "zorgbrug.server")

        let (questionnaires, modules) = try ContentDirectory(root: contentDir).load()
        let problems = ContentValidator().validate(questionnaires: questionnaires, modules: modules)
        guard problems.isEmpty else {
            for problem in problems { logger.error("content.invalid", metadata: ["problem": "\(problem)"]) }
            throw CommandFailure(
                "Refusing to start: \(problems.count) problem(s) in Questionnaires/ or Modules/ under \(contentDir). "
                    + "Run `zorgbrug validate-content --content-dir \(contentDir)` for the list.")
        }
        if questionnaires.isEmpty && modules.isEmpty {
            logger.warning("content.none", metadata: ["content_dir": "\(contentDir)", "hint": "set --content-dir to the directory holding Questionnaires/ and Modules/"])
        }

        let resourceStore = try store.openStore()
        let report = try await ContentInstaller.install(questionnaires: questionnaires, modules: modules, into: resourceStore)
        logger.info("content.installed", metadata: ["created": "\(report.created)", "updated": "\(report.updated)", "unchanged": "\(report.unchanged)"])

        let identity = IdentityService(store: resourceStore, pepper: try store.loadOrCreatePepper(), clock: SystemClock.milliseconds)
        var apiConfiguration = APIConfiguration(publicBaseURL: effectivePublicURL)
        apiConfiguration.maxJSONDepth = 64
        apiConfiguration.trustedProxies = try parsedTrustedProxies()
        apiConfiguration.metricsTokenHash = try metricsTokenHash()
        if !apiConfiguration.trustedProxies.isEmpty {
            logger.info("proxies.trusted", metadata: ["trusted_proxies": "\(effectiveTrustedProxies)", "hint": "X-Forwarded-For from these names the client; raise --max-connections-per-ip, all their connections share one address"])
        }
        let app = ZorgbrugApp(store: resourceStore, configuration: apiConfiguration, identity: identity, logger: Logger(label: "zorgbrug.api"))

        var configuration = HTTPServerConfiguration()
        configuration.host = host
        configuration.port = port
        configuration.maxBodyBytes = maxBodyBytes
        configuration.maxConnections = maxConnections
        configuration.maxConnectionsPerIP = maxConnectionsPerIp
        configuration.idleTimeoutSeconds = idleTimeout
        configuration.requestDeadlineSeconds = requestDeadline
        if let cert = effectiveTLSCert, let key = effectiveTLSKey { configuration.tls = TLSFiles(certificatePath: cert, keyPath: key) }
        let deadline = requestDeadline
        configuration.errorRenderer = { error, request in ServerErrorRenderer.render(error, request: request, deadlineSeconds: deadline) }
        let server = HTTPServer(configuration: configuration, responder: app.responder, logger: Logger(label: "zorgbrug.http"))
        do {
            try server.start()
        } catch let error as HTTPServerStartError {
            throw CommandFailure("Cannot start the server: \(error.message)")
        } catch {
            throw CommandFailure("Cannot start the server on \(host):\(port): \(error)")
        }
        let scheme = effectiveTLSCert == nil ? "http" : "https"
        // A wildcard address is shown as the loopback one; an IPv6 literal goes in brackets (RFC 3986).
        let displayHost = switch host {
        case "0.0.0.0": "127.0.0.1"
        case "::": "[::1]"
        case let literal where literal.contains(":"): "[\(literal)]"
        default: host
        }
        let base = "\(scheme)://\(displayHost):\(server.port)"
        logger.info("server.started", metadata: ["url": "\(base)/fhir", "database": "\(store.database)"])
        writeOut("Zorgbrug is listening on \(base)/fhir (metadata: \(base)/fhir/metadata, health: \(base)/health). Ctrl-C stops it.")
        if demo {
            let seed = try await DemoSeed.run(identity: identity, store: resourceStore)
            writeOut(seed.instructions(baseURL: base))
        }
        let housekeeping = Task {
            await Housekeeping(store: resourceStore, clock: SystemClock.milliseconds, logger: Logger(label: "zorgbrug.housekeeping")).run()
        }
        await server.wait(for: signals)
        housekeeping.cancel()
        logger.info("server.stopping")
        await server.shutdown()
        logger.info("server.stopped")
    }
}

/// Writes `text` and a newline to standard output at once: `print` is block-buffered when standard output is a
/// pipe or a file, and a server's listening line must not wait for the process to end.
func writeOut(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}
