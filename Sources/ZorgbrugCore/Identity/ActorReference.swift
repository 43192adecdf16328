/// The person behind a patient-scoped grant: the Patient themself or a RelatedPerson acting for them.
package enum ActorReference: Sendable, Hashable {
    /// The patient, by `Patient.id`.
    case patient(String)
    /// A parent, guardian or delegate, by `RelatedPerson.id`.
    case relatedPerson(String)

    /// The FHIR resource type: `Patient` or `RelatedPerson` (also the store's `actorType` column).
    package var resourceType: String {
        switch self {
        case .patient: "Patient"
        case .relatedPerson: "RelatedPerson"
        }
    }

    /// The resource id.
    package var id: String {
        switch self {
        case .patient(let id), .relatedPerson(let id): id
        }
    }

    /// A relative reference such as `Patient/123`: the SMART `fhirUser` value.
    package var reference: String { "\(resourceType)/\(id)" }

    /// Rebuilds an actor from the store's `actorType` and `actorId` columns; `nil` for an unknown type.
    package init?(resourceType: String, id: String) {
        switch resourceType {
        case "Patient": self = .patient(id)
        case "RelatedPerson": self = .relatedPerson(id)
        default: return nil
        }
    }
}
