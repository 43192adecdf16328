import HTTPServer
import ZorgbrugCore

/// Establishes who is asking: for every non-public route a valid `Authorization: Bearer` token is required and
/// its caller is put in the context. Refusals are audited.
package struct AuthenticationMiddleware: HTTPMiddleware {
    package typealias Context = ZorgbrugContext

    let authenticator: any Authenticating
    let audit: AuditTrail

    package init(authenticator: any Authenticating, audit: AuditTrail) {
        self.authenticator = authenticator
        self.audit = audit
    }

    package func handle(
        _ request: HTTPRequest, context: ZorgbrugContext,
        next: (HTTPRequest, ZorgbrugContext) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        guard let route = context.route, !route.isPublic, route != .metrics else {
            return try await next(request, context)
        }
        guard let header = request.headers["Authorization"], header.count > 7, header.prefix(7).lowercased() == "bearer " else {
            let refusal = AuthenticationRefusal(ZorgbrugError(.authenticationRequired))
            try await audit.record(refusal.auditEntry(trace: context.trace))
            throw refusal.error
        }
        let token = String(header.dropFirst(7)).trimmingCharacters(in: " ")
        var context = context
        do {
            context.caller = try await authenticator.authenticate(bearer: token, trace: context.trace)
        } catch let refusal as AuthenticationRefusal {
            try await audit.record(refusal.auditEntry(trace: context.trace))
            throw refusal.error
        } catch let error as ZorgbrugError {
            try await audit.record(
                AuditEntry(
                    interaction: .authorizationFailed, clientID: nil, actor: nil, patientID: nil, resourceType: nil,
                    resourceID: nil, outcome: 4, outcomeDescription: error.code.rawValue, trace: context.trace))
            throw error
        }
        return try await next(request, context)
    }
}

/// Turns a bearer token into a caller, or throws a catalog error (`token-invalid`, `token-expired`,
/// `consent-revoked`, `consent-expired`, `delegation-ended`), possibly wrapped in an `AuthenticationRefusal` that
/// says whose token it was.
package protocol Authenticating: Sendable {
    func authenticate(bearer token: String, trace: TraceIDs) async throws -> Caller
}
