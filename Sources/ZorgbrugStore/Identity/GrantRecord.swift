import ZorgbrugCore

/// A long-term consent (a row of `grant`): a client may act for a patient, as the patient or a RelatedPerson.
/// Exposed as a FHIR `Consent` with the grant id as its id.
package struct GrantRecord: Sendable, Hashable {
    package var grantID: String
    /// The PGO or public client holding the grant.
    package var clientID: String
    package var patientID: String
    package var actor: ActorReference
    /// `nil` when the patient acts; else how the RelatedPerson relates.
    package var relationship: DelegateRelationship?
    /// The Organization whose connect code created the grant.
    package var organizationID: String
    package var status: GrantStatus
    /// UTC epoch ms.
    package var createdAt: Int64
    /// UTC epoch ms.
    package var lastUsedAt: Int64
    /// For `revoked` and `ended` grants: a code saying why (the ended rule, or the revoker's reason).
    package var revokeReason: String?

    package init(
        grantID: String, clientID: String, patientID: String, actor: ActorReference, relationship: DelegateRelationship?,
        organizationID: String, status: GrantStatus = .active, createdAt: Int64, lastUsedAt: Int64, revokeReason: String? = nil
    ) {
        self.grantID = grantID
        self.clientID = clientID
        self.patientID = patientID
        self.actor = actor
        self.relationship = relationship
        self.organizationID = organizationID
        self.status = status
        self.createdAt = createdAt
        self.lastUsedAt = lastUsedAt
        self.revokeReason = revokeReason
    }

    /// Who acts, for the WGBO rules.
    package var party: ActingParty {
        switch actor {
        case .patient: .patient
        case .relatedPerson: .relatedPerson(relationship ?? .caregiver)
        }
    }

    /// The grant as a state machine, to evaluate, use or revoke.
    package func lifecycle(idleLimit: Int64 = TokenLifetimes.standard.grantIdle) -> GrantLifecycle {
        GrantLifecycle(status: status, lastUsedAt: lastUsedAt, party: party, idleLimit: idleLimit)
    }

    /// The context carried by tokens issued under this grant.
    package var context: GrantContext {
        GrantContext(grantID: grantID, patientID: patientID, actor: actor, organizationID: organizationID)
    }
}
