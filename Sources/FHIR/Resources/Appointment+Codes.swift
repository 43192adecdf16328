extension Appointment {
    /// The status of an Appointment.
    ///
    /// A required binding: codes outside this set are invalid. See [the value
    /// set](https://hl7.org/fhir/R4/valueset-appointmentstatus.html).
    public enum Status: String, Sendable, Hashable, CaseIterable, Codable {
        /// `proposed`.
        case proposed = "proposed"
        /// `pending`.
        case pending = "pending"
        /// `booked`.
        case booked = "booked"
        /// `arrived`.
        case arrived = "arrived"
        /// `fulfilled`.
        case fulfilled = "fulfilled"
        /// `cancelled`.
        case cancelled = "cancelled"
        /// `noshow`.
        case noshow = "noshow"
        /// `entered-in-error`.
        case enteredInError = "entered-in-error"
        /// `checked-in`.
        case checkedIn = "checked-in"
        /// `waitlist`.
        case waitlist = "waitlist"
    }
}
