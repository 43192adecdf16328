import Credentials
import FHIR
import Foundation
import HTTPServer
import Logging
import ZorgbrugAPI
import ZorgbrugClient
import ZorgbrugStore

/// The real Zorgbrug server on a free loopback port, over a real SQLite file in a temporary directory.
struct TestServer: Sendable {
    let server: HTTPServer<ZorgbrugApp.Responder>
    let app: ZorgbrugApp
    let store: ResourceStore
    let identity: IdentityService
    let clock: TestClock
    let directory: String
    let baseURL: String
    let scheme: String

    /// Starts a server; `configure` may change the HTTP limits before it starts.
    static func start(
        clock: TestClock = TestClock(), tls: TLSFiles? = nil, api: APIConfiguration = APIConfiguration(),
        configure: (inout HTTPServerConfiguration) -> Void = { _ in }
    ) async throws -> TestServer {
        let directory = NSTemporaryDirectory() + "zorgbrug-api-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let store = try ResourceStore(path: directory + "/test.sqlite", durability: .normal, clock: clock.closure)
        let identity = IdentityService(store: store, pepper: Pepper.generate(), clock: clock.closure)
        var logger = Logger(label: "zorgbrug.test")
        logger.logLevel = .critical
        let app = ZorgbrugApp(store: store, configuration: api, identity: identity, logger: logger)
        var configuration = HTTPServerConfiguration()
        configuration.host = "127.0.0.1"
        configuration.port = 0
        configuration.tls = tls
        configure(&configuration)
        let deadline = configuration.requestDeadlineSeconds
        configuration.errorRenderer = { error, request in ServerErrorRenderer.render(error, request: request, deadlineSeconds: deadline) }
        let server = HTTPServer(configuration: configuration, responder: app.responder, logger: logger)
        try server.start()
        let scheme = tls == nil ? "http" : "https"
        return TestServer(
            server: server, app: app, store: store, identity: identity, clock: clock, directory: directory,
            baseURL: "\(scheme)://127.0.0.1:\(server.port)", scheme: scheme)
    }

    /// A FHIR client for `/fhir`, with `token` as bearer.
    func client(token: String? = nil, language: String = "en", tls: TLSOptions = .system) -> FHIRClient {
        FHIRClient(baseURL: baseURL + "/fhir", bearerToken: token, acceptLanguage: language, tls: tls)
    }

    func stop() async {
        await server.shutdown()
        try? FileManager.default.removeItem(atPath: directory)
    }
}

/// Runs `body` with a fresh server (over HTTPS when `tls` is given) and always stops it.
func withServer<T>(
    clock: TestClock = TestClock(), tls: TLSFiles? = nil, api: APIConfiguration = APIConfiguration(),
    configure: (inout HTTPServerConfiguration) -> Void = { _ in },
    _ body: (TestServer) async throws -> T
) async throws -> T {
    let server = try await TestServer.start(clock: clock, tls: tls, api: api, configure: configure)
    do {
        let result = try await body(server)
        await server.stop()
        return result
    } catch {
        await server.stop()
        throw error
    }
}
