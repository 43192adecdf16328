/// The grant a patient-scoped token was issued under: which patient, who acts, for which organization.
package struct GrantContext: Sendable, Hashable {
    /// The grant's id (`grant.grantId`, also the FHIR `Consent.id`).
    package var grantID: String
    /// The patient whose data the token reaches.
    package var patientID: String
    /// Who acts: the patient or a RelatedPerson.
    package var actor: ActorReference
    /// The care provider's Organization that issued the connect code.
    package var organizationID: String

    package init(grantID: String, patientID: String, actor: ActorReference, organizationID: String) {
        self.grantID = grantID
        self.patientID = patientID
        self.actor = actor
        self.organizationID = organizationID
    }
}
