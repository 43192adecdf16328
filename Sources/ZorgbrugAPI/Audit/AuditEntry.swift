import ZorgbrugCore
import ZorgbrugStore

/// One access to patient data, as the API sees it, before it becomes an append-only audit record.
package struct AuditEntry: Sendable {
    /// What was done, in FHIR RESTful interaction terms (plus the identity events).
    package enum Action: String, Sendable {
        case read, vread, search, create, update, patch, delete
        case history = "history"
        /// Any other `$operation`.
        case operation
        case token, connect, revoke, delegate
        case authorizationFailed = "authorize-failed"

        /// The FHIR AuditEvent.action code (C, R, U, D, E).
        package var code: String {
            switch self {
            case .create, .connect, .delegate: return "C"
            case .read, .vread, .search, .history: return "R"
            case .update, .patch, .revoke: return "U"
            case .delete: return "D"
            case .token, .authorizationFailed, .operation: return "E"
            }
        }
    }

    package var interaction: Action
    package var clientID: String?
    /// `Patient/…`, `RelatedPerson/…`, or `Organization/…` for provider systems.
    package var actor: String?
    package var patientID: String?
    package var resourceType: String?
    package var resourceID: String?
    /// FHIR AuditEvent.outcome: 0 success, 4 minor failure (refused), 8 serious, 12 major.
    package var outcome: Int
    package var outcomeDescription: String?
    package var trace: TraceIDs

    package init(
        interaction: Action, clientID: String?, actor: String?, patientID: String?, resourceType: String?,
        resourceID: String?, outcome: Int = 0, outcomeDescription: String? = nil, trace: TraceIDs
    ) {
        self.interaction = interaction
        self.clientID = clientID
        self.actor = actor
        self.patientID = patientID
        self.resourceType = resourceType
        self.resourceID = resourceID
        self.outcome = outcome
        self.outcomeDescription = outcomeDescription
        self.trace = trace
    }

    /// An entry for `caller` touching `resource`.
    package init(interaction: Action, resource: StoredResource, caller: Caller, trace: TraceIDs) {
        self.init(
            interaction: interaction, clientID: caller.clientID, actor: caller.actorReference,
            patientID: resource.patientId, resourceType: resource.type, resourceID: resource.id, trace: trace)
    }
}

extension Caller {
    /// The person or organization acting, as a reference for audit.
    package var actorReference: String {
        switch kind {
        case .provider(let organizationID): return "Organization/\(organizationID)"
        case .patientSide(_, let actor, _): return actor
        }
    }
}

extension AuditEntry {
    /// The append-only record for this entry, stamped `now` (epoch milliseconds).
    package func record(at now: Int64) -> AuditRecord {
        let agent: AuditAgent
        if let actor, let slash = actor.firstIndex(of: "/") {
            agent = AuditAgent(clientID: clientID, actorType: String(actor[..<slash]), actorID: String(actor[actor.index(after: slash)...]))
        } else {
            agent = AuditAgent(clientID: clientID, actorType: "Device", actorID: nil)
        }
        return AuditRecord(
            recorded: now, agent: agent, patientID: patientID,
            action: AuditAction(rawValue: interaction.code) ?? .execute,
            interaction: AuditInteraction(rawValue: interaction.rawValue),
            resourceType: resourceType, resourceID: resourceID,
            outcome: AuditOutcome(rawValue: outcome) ?? .seriousFailure, outcomeDescription: outcomeDescription,
            requestID: trace.requestID, correlationID: trace.correlationID, traceID: trace.traceID,
            remoteAddress: trace.remoteAddress)
    }
}
