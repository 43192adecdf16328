extension Observation {
    /// The status of an Observation.
    ///
    /// A required binding: codes outside this set are invalid. See [the value
    /// set](https://hl7.org/fhir/R4/valueset-observation-status.html).
    public enum Status: String, Sendable, Hashable, CaseIterable, Codable {
        /// `registered`.
        case registered = "registered"
        /// `preliminary`.
        case preliminary = "preliminary"
        /// `final`.
        case final = "final"
        /// `amended`.
        case amended = "amended"
        /// `corrected`.
        case corrected = "corrected"
        /// `cancelled`.
        case cancelled = "cancelled"
        /// `entered-in-error`.
        case enteredInError = "entered-in-error"
        /// `unknown`.
        case unknown = "unknown"
    }
}
