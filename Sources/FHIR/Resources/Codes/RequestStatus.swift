/// The status of a request (ServiceRequest, CarePlan).
///
/// A required binding: codes outside this set are invalid. See [the value
/// set](https://hl7.org/fhir/R4/valueset-request-status.html).
public enum RequestStatus: String, Sendable, Hashable, CaseIterable, Codable {
    /// `draft`.
    case draft = "draft"
    /// `active`.
    case active = "active"
    /// `on-hold`.
    case onHold = "on-hold"
    /// `revoked`.
    case revoked = "revoked"
    /// `completed`.
    case completed = "completed"
    /// `entered-in-error`.
    case enteredInError = "entered-in-error"
    /// `unknown`.
    case unknown = "unknown"
}
