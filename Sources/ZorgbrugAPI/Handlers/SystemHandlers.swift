import Credentials
import FHIR
import HTTPServer
import ZorgbrugCore
import ZorgbrugStore

/// `/health`, `/fhir/metadata`, `/.well-known/smart-configuration` and `/metrics`.
package struct SystemHandlers: Sendable {
    package let store: ResourceStore
    package let configuration: APIConfiguration
    package let softwareVersion: String
    package let startedAt: String
    package let operations: [OperationDefinitionSummary]
    package let metricsSource: @Sendable () -> String

    package init(
        store: ResourceStore, configuration: APIConfiguration, softwareVersion: String, startedAt: String,
        operations: [OperationDefinitionSummary], metricsSource: @escaping @Sendable () -> String
    ) {
        self.store = store
        self.configuration = configuration
        self.softwareVersion = softwareVersion
        self.startedAt = startedAt
        self.operations = operations
        self.metricsSource = metricsSource
    }

    /// `GET /health`: 200 when the database answers, 503 otherwise. No patient data, no authentication.
    func health() async throws -> HTTPResponse {
        var headers = HTTPHeaders()
        headers.set(name: "Content-Type", value: "application/json")
        headers.set(name: "Cache-Control", value: "no-store")
        do {
            try await store.read { reader in try reader.ping() }
            let body: JSON = ["status": "ok", "version": .string(softwareVersion)]
            return HTTPResponse(status: 200, headers: headers, body: body.serialized())
        } catch {
            let body: JSON = ["status": "unavailable", "reason": "database"]
            return HTTPResponse(status: 503, headers: headers, body: body.serialized())
        }
    }

    /// `GET /fhir/metadata`: the CapabilityStatement.
    func metadata(_ request: HTTPRequest) -> HTTPResponse {
        let statement = CapabilityStatementBuilder.build(
            baseURL: configuration.fhirBaseURL(for: request), softwareVersion: softwareVersion, date: startedAt,
            operations: operations)
        return FHIRResponses.json(statement)
    }

    /// `GET /.well-known/smart-configuration` (SMART App Launch 2.0 discovery).
    func smartConfiguration(_ request: HTTPRequest) -> HTTPResponse {
        let server = configuration.serverURL(for: request)
        let body: JSON = [
            "issuer": .string(server),
            "token_endpoint": .string("\(server)/oauth/token"),
            "revocation_endpoint": .string("\(server)/oauth/revoke"),
            "token_endpoint_auth_methods_supported": ["client_secret_basic", "private_key_jwt", "none"],
            "token_endpoint_auth_signing_alg_values_supported": ["ES256", "RS256"],
            "grant_types_supported": ["client_credentials", "urn:zorgbrug:grant-type:connect-code", "refresh_token"],
            "scopes_supported": ["system/*.*", "patient/*.*"],
            "response_types_supported": ["token"],
            "capabilities": ["client-confidential-asymmetric", "client-confidential-symmetric", "client-public", "context-standalone-patient", "permission-patient"],
        ]
        var headers = HTTPHeaders()
        headers.set(name: "Content-Type", value: "application/json")
        return HTTPResponse(status: 200, headers: headers, body: body.serialized())
    }

    /// `GET /metrics` (Prometheus text format): loopback only, unless an operator token is configured.
    func metrics(_ request: HTTPRequest, context: ZorgbrugContext) async throws -> HTTPResponse {
        // The attributed address: through a trusted proxy on this host, the client's, not the proxy's loopback one.
        let address = context.remoteAddress
        let loopback = address == "127.0.0.1" || address == "::1" || address.hasPrefix("::ffff:127.")
        if !loopback {
            guard let expected = configuration.metricsTokenHash,
                let header = request.headers["Authorization"], header.hasPrefix("Bearer "),
                ConstantTime.equals(SecretHasher.sha256Hex(Array(header.dropFirst(7).utf8)), expected)
            else { throw ZorgbrugError(.operatorOnly) }
        }
        var headers = HTTPHeaders()
        headers.set(name: "Content-Type", value: "text/plain; version=0.0.4")
        return HTTPResponse(status: 200, headers: headers, body: Array(metricsSource().utf8))
    }
}
