import HTTPServer
import ZorgbrugCore

/// Dispatches a request to its handler by route and method. Handlers parse, make one service call, and encode.
package struct APIResponder: HTTPResponder {
    package typealias Context = ZorgbrugContext

    package let rest: RESTHandlers
    package let system: SystemHandlers
    package let oauth: OAuthHandlers
    package let operations: OperationHandlers

    package init(rest: RESTHandlers, system: SystemHandlers, oauth: OAuthHandlers, operations: OperationHandlers) {
        self.rest = rest
        self.system = system
        self.oauth = oauth
        self.operations = operations
    }

    /// `true` when an `Accept` header allows a JSON answer (FHIR JSON, plain JSON, or any type).
    static func acceptsJSON(_ accept: String) -> Bool {
        // What FHIR clients send nearly always, answered without splitting the header.
        switch accept {
        case "application/fhir+json", "application/json", "*/*", "application/fhir+json; charset=utf-8": return true
        default: break
        }
        let types = accept.lowercased().split(separator: ",").map { $0.split(separator: ";").first.map { $0.trimmingCharacters(in: " \t") } ?? "" }
        return types.contains { $0.contains("json") || $0 == "*/*" || $0 == "application/*" || $0.isEmpty }
    }

    package func respond(to request: HTTPRequest, context: ZorgbrugContext) async throws -> HTTPResponse {
        guard let route = context.route else {
            throw ZorgbrugError(.routeNotFound, arguments: ["path": request.path])
        }
        let method = request.method == .head ? HTTPMethod.get : request.method
        guard route.allowedMethods.contains(method) else {
            throw ZorgbrugError(
                .methodNotAllowed,
                arguments: ["method": request.method.rawValue, "path": request.path,
                            "allowed": route.allowedMethods.map(\.rawValue).joined(separator: ", ")])
        }
        if case .fhirPath = route.family, let accept = request.headers["Accept"], !Self.acceptsJSON(accept) {
            throw ZorgbrugError(.formatNotAcceptable, arguments: ["accept": accept])
        }
        switch (route, method) {
        case (.health, _): return try await system.health()
        case (.metrics, _): return try await system.metrics(request, context: context)
        case (.smartConfiguration, _): return system.smartConfiguration(request)
        case (.metadata, _): return system.metadata(request)
        case (.token, _): return try await oauth.token(request, context: context)
        case (.revoke, _): return try await oauth.revoke(request, context: context)
        case (.type("AuditEvent"), .get): return try await operations.auditEvents(request, context)
        case (.type(let type), .get): return try await rest.search(type, request, context)
        case (.type(let type), _): return try await rest.create(type, request, context)
        case (.typeHistory(let type), _): return try await rest.history(type, nil, request, context)
        case (.instance(let type, let id), .get): return try await rest.read(type, id, request, context)
        case (.instance(let type, let id), .put): return try await rest.update(type, id, request, context)
        case (.instance(let type, let id), .patch): return try await rest.patch(type, id, request, context)
        case (.instance(let type, let id), _): return try await rest.delete(type, id, request, context)
        case (.instanceHistory(let type, let id), _): return try await rest.history(type, id, request, context)
        case (.version(let type, let id, let version), _): return try await rest.vread(type, id, version, request, context)
        case (.instanceOperation(let type, let id, let name), _):
            return try await operations.instance(type, id, name, request, context)
        case (.typeOperation(let type, let name), _):
            return try await operations.type(type, name, request, context)
        }
    }
}
