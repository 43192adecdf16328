/// Who is asking: the authenticated caller of a request, resolved from its access token.
package enum Principal: Sendable, Hashable {
    /// A provider's source system, acting for its Organization.
    case provider(clientID: String, organizationID: String)
    /// A PGO back end acting for one patient under a grant (token from a connect code or refresh).
    case pgo(clientID: String, grant: GrantContext)
    /// A PGO back end with its own `client_credentials` token, not patient-scoped: it may only reach patients
    /// for whom it holds an active grant (narrow every query to those).
    case pgoService(clientID: String)
    /// A public client (the `bp` CLI) acting for one patient under a grant.
    case publicClient(clientID: String, grant: GrantContext)
    /// The operator (local admin commands).
    case `operator`

    /// The OAuth client, `nil` for the operator.
    package var clientID: String? {
        switch self {
        case .provider(let id, _), .pgo(let id, _), .pgoService(let id), .publicClient(let id, _): id
        case .operator: nil
        }
    }

    /// The grant, for patient-scoped principals.
    package var grant: GrantContext? {
        switch self {
        case .pgo(_, let grant), .publicClient(_, let grant): grant
        default: nil
        }
    }

    /// The only patient this principal may reach, `nil` when not patient-scoped.
    package var patientID: String? { grant?.patientID }

    /// The Organization whose patients a provider may reach, or the grant's issuing Organization.
    package var organizationID: String? {
        switch self {
        case .provider(_, let organizationID): organizationID
        case .pgo(_, let grant), .publicClient(_, let grant): grant.organizationID
        case .pgoService, .operator: nil
        }
    }

    /// SMART `fhirUser`: `Patient/…` or `RelatedPerson/…` for patient-scoped principals, else `nil`.
    package var fhirUser: String? { grant?.actor.reference }

    /// Who to record in an audit record as the agent.
    package var agentReference: AuditAgent {
        switch self {
        case .provider(let clientID, let organizationID):
            AuditAgent(clientID: clientID, actorType: "Organization", actorID: organizationID)
        case .pgo(let clientID, let grant), .publicClient(let clientID, let grant):
            AuditAgent(clientID: clientID, actorType: grant.actor.resourceType, actorID: grant.actor.id)
        case .pgoService(let clientID):
            AuditAgent(clientID: clientID, actorType: "Device", actorID: nil)
        case .operator:
            AuditAgent(clientID: nil, actorType: "operator", actorID: nil)
        }
    }
}

/// The "who" of an audit record: the client and the person or organization behind it.
package struct AuditAgent: Sendable, Hashable {
    /// The OAuth client, `nil` for the operator.
    package var clientID: String?
    /// `Patient`, `RelatedPerson`, `Organization`, `Device` (a PGO acting as itself) or `operator`.
    package var actorType: String
    /// The actor's resource id, when it has one.
    package var actorID: String?

    package init(clientID: String?, actorType: String, actorID: String?) {
        self.clientID = clientID
        self.actorType = actorType
        self.actorID = actorID
    }
}
