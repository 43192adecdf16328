import ZorgbrugCore

/// Who is asking, as established by authentication: the client, and the organization or patient it acts for.
package struct Caller: Sendable, Hashable {
    /// The kinds of caller and what they are bound to.
    package enum Kind: Sendable, Hashable {
        /// A provider's source system, acting for one Organization.
        case provider(organizationID: String)
        /// A PGO, the `bp` CLI or a delegate, acting under a grant for one patient.
        /// `actor` is `Patient/…` or `RelatedPerson/…`: the person behind the request.
        case patientSide(patientID: String, actor: String, grantID: String)
    }

    /// The OAuth client id.
    package let clientID: String
    package let kind: Kind

    package init(clientID: String, kind: Kind) {
        self.clientID = clientID
        self.kind = kind
    }

    /// The patient this caller is bound to, for patient-side callers.
    package var patientID: String? {
        if case .patientSide(let patientID, _, _) = kind { return patientID }
        return nil
    }

    /// The organization this caller is bound to, for provider callers.
    package var organizationID: String? {
        if case .provider(let organizationID) = kind { return organizationID }
        return nil
    }

    /// A short role name for messages and audit (`provider`, `patient`, `related-person`).
    package var roleName: String {
        switch kind {
        case .provider: return "provider"
        case .patientSide(_, let actor, _): return actor.hasPrefix("RelatedPerson/") ? "related-person" : "patient"
        }
    }

    /// The interactions this caller may perform on `definition`'s type.
    package func allowedInteractions(on definition: ResourceDefinition) -> Set<Interaction> {
        switch kind {
        case .provider: return definition.providerInteractions
        case .patientSide: return definition.patientInteractions
        }
    }
}
