import HTTPServer

/// An OAuth 2.0 error answer (RFC 6749 §5.2): `error`, `error_description`, status 400 (401 for client
/// authentication failures, with `WWW-Authenticate`). `/oauth/*` answer with these instead of OperationOutcomes.
package struct OAuthError: Error, Sendable, Equatable, HTTPResponseError {
    /// RFC 6749 §5.2 error codes (plus RFC 7009's `unsupported_token_type`).
    package enum Code: String, Sendable {
        case invalidRequest = "invalid_request"
        case invalidClient = "invalid_client"
        case invalidGrant = "invalid_grant"
        case unauthorizedClient = "unauthorized_client"
        case unsupportedGrantType = "unsupported_grant_type"
        case invalidScope = "invalid_scope"
        case slowDown = "slow_down"
        case temporarilyUnavailable = "temporarily_unavailable"
    }

    package let code: Code
    /// Human-readable, in English (RFC 6749 restricts the character set; no patient data here).
    package let description: String
    /// Seconds to wait, for rate-limited answers.
    package var retryAfter: Int?

    // What the audit record of this refusal says (`RefusalAuditMiddleware` writes it; none of it is sent).

    /// The client that asked: authenticated, or as claimed by an unauthenticated request (sanitized).
    package var clientID: String?
    /// The patient whose grant or code was involved, when known, so the refusal shows in their audit trail.
    package var patientID: String?
    /// A short reason for auditors (`assertion replay`, `client mismatch`); never a secret.
    package var reason: String?
    /// `AuditEvent.outcome` of the refusal: 4 (refused) unless it signals an attack that changed state (8).
    package var outcome: Int = 4
    /// `true` when the refusal was already recorded in the transaction that acted on it (reuse detection).
    package var audited = false

    package init(_ code: Code, _ description: String, retryAfter: Int? = nil, reason: String? = nil) {
        self.code = code
        self.description = description
        self.retryAfter = retryAfter
        self.reason = reason
    }

    /// The audit text of this refusal: the RFC 6749 code and the reason.
    package var auditDescription: String {
        reason.map { "\(code.rawValue): \($0)" } ?? code.rawValue
    }

    package var response: HTTPResponse {
        let status: Int
        switch code {
        case .invalidClient: status = 401
        case .slowDown: status = 429
        case .temporarilyUnavailable: status = 503
        default: status = 400
        }
        var headers = HTTPHeaders()
        headers.set(name: "Content-Type", value: "application/json")
        headers.set(name: "Cache-Control", value: "no-store")
        headers.set(name: "Pragma", value: "no-cache")
        if code == .invalidClient { headers.set(name: "WWW-Authenticate", value: "Basic realm=\"zorgbrug\"") }
        if let retryAfter { headers.set(name: "Retry-After", value: String(retryAfter)) }
        let body = "{\"error\":\"\(code.rawValue)\",\"error_description\":\"\(Self.escape(description))\"}"
        return HTTPResponse(status: status, headers: headers, body: Array(body.utf8))
    }

    private static func escape(_ text: String) -> String {
        String(text.unicodeScalars.filter { $0.value >= 0x20 && $0.value < 0x7F && $0 != "\"" && $0 != "\\" }.map(Character.init))
    }
}
