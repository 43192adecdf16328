import FHIR
import HTTPServer
import ZorgbrugCore

/// `POST /oauth/token` and `POST /oauth/revoke`: form-encoded in, JSON out, RFC 6749 error bodies.
package struct OAuthHandlers: Sendable {
    package let identity: IdentityService
    package let configuration: APIConfiguration
    package let audit: AuditTrail

    package init(identity: IdentityService, configuration: APIConfiguration, audit: AuditTrail) {
        self.identity = identity
        self.configuration = configuration
        self.audit = audit
    }

    func token(_ request: HTTPRequest, context: ZorgbrugContext) async throws -> HTTPResponse {
        let form = try Self.form(request)
        let tokenURL = configuration.serverURL(for: request) + "/oauth/token"
        let body = try await identity.token(
            IdentityService.TokenRequest(form: form, authorization: request.headers["Authorization"], tokenURL: tokenURL, trace: context.trace))
        return Self.json(body)
    }

    func revoke(_ request: HTTPRequest, context: ZorgbrugContext) async throws -> HTTPResponse {
        let form = try Self.form(request)
        let tokenURL = configuration.serverURL(for: request) + "/oauth/token"
        try await identity.revokeToken(
            IdentityService.TokenRequest(form: form, authorization: request.headers["Authorization"], tokenURL: tokenURL, trace: context.trace))
        var headers = HTTPHeaders()
        headers.set(name: "Cache-Control", value: "no-store")
        return HTTPResponse(status: 200, headers: headers)
    }

    static func form(_ request: HTTPRequest) throws -> [(name: String, value: String)] {
        let contentType = request.headers["Content-Type"]?.split(separator: ";").first.map { $0.trimmingCharacters(in: " ").lowercased() }
        guard contentType == "application/x-www-form-urlencoded" else {
            throw OAuthError(.invalidRequest, "send the request as application/x-www-form-urlencoded")
        }
        guard request.body.count <= 64 * 1024 else { throw OAuthError(.invalidRequest, "the request is too large") }
        return QueryString.parse(String(decoding: request.body, as: UTF8.self))
    }

    static func json(_ object: JSONObject) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers.set(name: "Content-Type", value: "application/json")
        headers.set(name: "Cache-Control", value: "no-store")
        headers.set(name: "Pragma", value: "no-cache")
        return HTTPResponse(status: 200, headers: headers, body: JSON.object(object).serialized())
    }
}
