extension Endpoint {
    /// The status of an Endpoint.
    ///
    /// A required binding: codes outside this set are invalid. See [the value
    /// set](https://hl7.org/fhir/R4/valueset-endpoint-status.html).
    public enum Status: String, Sendable, Hashable, CaseIterable, Codable {
        /// `active`.
        case active = "active"
        /// `suspended`.
        case suspended = "suspended"
        /// `error`.
        case error = "error"
        /// `off`.
        case off = "off"
        /// `entered-in-error`.
        case enteredInError = "entered-in-error"
        /// `test`.
        case test = "test"
    }
}
