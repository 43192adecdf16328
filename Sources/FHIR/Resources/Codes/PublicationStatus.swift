/// The lifecycle status of a definition (Questionnaire, PlanDefinition, ValueSet, …).
///
/// A required binding: codes outside this set are invalid. See [the value
/// set](https://hl7.org/fhir/R4/valueset-publication-status.html).
public enum PublicationStatus: String, Sendable, Hashable, CaseIterable, Codable {
    /// `draft`.
    case draft = "draft"
    /// `active`.
    case active = "active"
    /// `retired`.
    case retired = "retired"
    /// `unknown`.
    case unknown = "unknown"
}
