/// The status of an event (Communication).
///
/// A required binding: codes outside this set are invalid. See [the value
/// set](https://hl7.org/fhir/R4/valueset-event-status.html).
public enum EventStatus: String, Sendable, Hashable, CaseIterable, Codable {
    /// `preparation`.
    case preparation = "preparation"
    /// `in-progress`.
    case inProgress = "in-progress"
    /// `not-done`.
    case notDone = "not-done"
    /// `on-hold`.
    case onHold = "on-hold"
    /// `stopped`.
    case stopped = "stopped"
    /// `completed`.
    case completed = "completed"
    /// `entered-in-error`.
    case enteredInError = "entered-in-error"
    /// `unknown`.
    case unknown = "unknown"
}
