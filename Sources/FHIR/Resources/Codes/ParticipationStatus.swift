/// A participant's answer to an appointment.
///
/// A required binding: codes outside this set are invalid. See [the value
/// set](https://hl7.org/fhir/R4/valueset-participationstatus.html).
public enum ParticipationStatus: String, Sendable, Hashable, CaseIterable, Codable {
    /// `accepted`.
    case accepted = "accepted"
    /// `declined`.
    case declined = "declined"
    /// `tentative`.
    case tentative = "tentative"
    /// `needs-action`.
    case needsAction = "needs-action"
}
