import ZorgbrugCore

/// An issued connect code (a row of `connectCode`), stored only as its peppered hash.
package struct ConnectCodeRecord: Sendable, Hashable {
    /// `SecretHasher.connectCodeHash` of the code.
    package var codeHash: String
    package var patientID: String
    /// Set when the code is for a RelatedPerson rather than the patient.
    package var relatedPersonID: String?
    package var relationship: DelegateRelationship?
    package var organizationID: String
    package var purpose: ConnectCodePurpose
    /// Who issued it: the provider's client id, or the grant id of the patient's `$delegate` request.
    package var createdBy: String
    /// UTC epoch ms.
    package var createdAt: Int64
    /// UTC epoch ms; refused from this instant on.
    package var expiresAt: Int64
    /// Set once redeemed.
    package var usedAt: Int64?

    package init(
        codeHash: String, patientID: String, relatedPersonID: String?, relationship: DelegateRelationship?,
        organizationID: String, purpose: ConnectCodePurpose, createdBy: String, createdAt: Int64, expiresAt: Int64,
        usedAt: Int64? = nil
    ) {
        self.codeHash = codeHash
        self.patientID = patientID
        self.relatedPersonID = relatedPersonID
        self.relationship = relationship
        self.organizationID = organizationID
        self.purpose = purpose
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.usedAt = usedAt
    }

    /// Who will act on the grant this code creates.
    package var actor: ActorReference {
        relatedPersonID.map(ActorReference.relatedPerson) ?? .patient(patientID)
    }
}

/// Why a connect code was issued.
package enum ConnectCodePurpose: String, Sendable, Hashable, CaseIterable {
    /// By a provider (`$connect-code`), for the patient or a parent/guardian.
    case connect
    /// By the patient (`$delegate`), for a caregiver.
    case delegate
}

/// The outcome of redeeming a connect code.
package enum ConnectCodeRedemption: Sendable, Hashable {
    /// Redeemed now (``ConnectCodeRecord/usedAt`` set); create the grant in the same transaction.
    case redeemed(ConnectCodeRecord)
    /// No code with that hash: count a failure against the rate limits.
    case unknown
    /// The code exists but has expired: count a failure.
    case expired
    /// The code was redeemed before: count a failure (and consider alerting: a code may have leaked).
    case alreadyUsed
}
