import FHIR
import HTTPServer
import ZorgbrugCore
import ZorgbrugStore

/// Records every refused request in the audit trail (NEN 7513: every attempt is on record, not only the accesses
/// that succeeded): each error an authenticated FHIR request ends with, and each refusal of `/oauth/*`.
///
/// It sits right after `AuthenticationMiddleware` (which records refused tokens itself), so it knows the caller.
/// A request for a resource outside the caller's reach answers 404 like a missing one, but its record names the
/// patient the resource belongs to, so that patient and their provider see the attempt; the caller never can.
/// Successful requests are recorded by the services, in the transaction that did the work.
package struct RefusalAuditMiddleware: HTTPMiddleware {
    package typealias Context = ZorgbrugContext

    let audit: AuditTrail
    let store: ResourceStore
    let maxDepth: Int

    package init(audit: AuditTrail, store: ResourceStore, maxDepth: Int = 64) {
        self.audit = audit
        self.store = store
        self.maxDepth = maxDepth
    }

    package func handle(
        _ request: HTTPRequest, context: ZorgbrugContext,
        next: (HTTPRequest, ZorgbrugContext) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        do {
            return try await next(request, context)
        } catch {
            guard let entry = try await entry(for: error, request: request, context: context) else { throw error }
            do {
                try await audit.record(entry)
            } catch let auditError {
                // A refusal that cannot be recorded is not answered as if it were (fail closed). A server error
                // stays the error it was: the store is most likely what failed, and that is what to report.
                throw entry.outcome == 4 ? auditError : error
            }
            throw error
        }
    }

    /// The audit entry for `error` on `request`, or `nil` when there is nothing to record (already recorded, or a
    /// public route that touches no patient data).
    func entry(for error: any Error, request: HTTPRequest, context: ZorgbrugContext) async throws -> AuditEntry? {
        guard let route = context.route else { return nil }
        if route == .token || route == .revoke {
            let interaction: AuditEntry.Action = route == .token ? .token : .revoke
            guard let oauth = error as? OAuthError else {
                return AuditEntry(
                    interaction: interaction, clientID: nil, actor: nil, patientID: nil, resourceType: nil, resourceID: nil,
                    outcome: 8, outcomeDescription: ErrorMiddleware.map(error).code.rawValue, trace: context.trace)
            }
            guard !oauth.audited else { return nil }
            return AuditEntry(
                interaction: interaction, clientID: oauth.clientID, actor: nil, patientID: oauth.patientID, resourceType: nil,
                resourceID: nil, outcome: oauth.outcome, outcomeDescription: oauth.auditDescription, trace: context.trace)
        }
        guard let caller = context.caller else { return nil }
        let mapped = ErrorMiddleware.map(error)
        let serverError = mapped.code == .internalError || mapped.code == .storageBusy
        var target = Self.target(of: route, method: request.method)
        // The path is the caller's text: keep only what can be a type or an id, so nothing odd reaches the trail.
        if let type = target.type, type.utf8.count > 64 { target.type = String(type.prefix(64)) }
        if let id = target.id, !ResourceID.isValid(id) { target.id = nil }
        // Whose data the attempt was aimed at; not looked up when the store itself is failing.
        let patientID = serverError ? nil : try await patient(of: target, request: request, caller: caller)
        return AuditEntry(
            interaction: target.interaction, clientID: caller.clientID, actor: caller.actorReference, patientID: patientID,
            resourceType: target.type, resourceID: target.id, outcome: serverError ? 8 : 4,
            outcomeDescription: mapped.code.rawValue, trace: context.trace)
    }

    /// What a route and method were about: the interaction, and the resource type and id when the path names them.
    struct Target {
        var interaction: AuditEntry.Action
        var type: String?
        var id: String?
    }

    static func target(of route: Route, method: HTTPMethod) -> Target {
        switch route {
        case .type(let type): return Target(interaction: method == .post ? .create : .search, type: type)
        case .typeHistory(let type): return Target(interaction: .history, type: type)
        case .instanceHistory(let type, let id): return Target(interaction: .history, type: type, id: id)
        case .version(let type, let id, _): return Target(interaction: .vread, type: type, id: id)
        case .instance(let type, let id):
            let interaction: AuditEntry.Action
            switch method {
            case .put: interaction = .update
            case .patch: interaction = .patch
            case .delete: interaction = .delete
            default: interaction = .read
            }
            return Target(interaction: interaction, type: type, id: id)
        case .instanceOperation(let type, let id, let name):
            let interaction: AuditEntry.Action
            switch name {
            case "connect-code": interaction = .connect
            case "delegate": interaction = .delegate
            case "revoke": interaction = .revoke
            default: interaction = .operation
            }
            return Target(interaction: interaction, type: type, id: id)
        case .typeOperation(let type, _): return Target(interaction: .operation, type: type)
        case .health, .metrics, .smartConfiguration, .token, .revoke, .metadata: return Target(interaction: .operation)
        }
    }

    /// The patient a refused request was aimed at: the owner of the named resource, the patient a new resource
    /// names, or the `patient` a search asks for.
    func patient(of target: Target, request: HTTPRequest, caller: Caller) async throws -> String? {
        guard let type = target.type, let definition = ResourceCatalog.definition(type) else { return nil }
        if let id = target.id {
            guard ResourceID.isValid(id), type != "AuditEvent" else { return nil }
            return try await store.read { reader in try reader.current(type: type, id: id)?.patientId }
        }
        if target.interaction == .create {
            guard case .object(let body)? = try? RequestBody.parse(request.body, maxDepth: maxDepth) else { return nil }
            return SearchIndexExtractor.patientID(of: body, id: "", definition: definition)
                .flatMap { ResourceID.isValid($0) ? $0 : nil }
        }
        guard let value = request.query.first(where: { $0.name == "patient" })?.value else { return nil }
        let id = value.hasPrefix("Patient/") ? String(value.dropFirst(8)) : value
        return ResourceID.isValid(id) ? id : nil
    }
}
