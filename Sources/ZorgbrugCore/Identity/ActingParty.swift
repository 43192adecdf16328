/// Who acts on a patient's grant, as far as the WGBO rules care: the patient, or a RelatedPerson in a role.
package enum ActingParty: Sendable, Hashable {
    /// The patient acts for themself.
    case patient
    /// A RelatedPerson acts for the patient.
    case relatedPerson(DelegateRelationship)
}
