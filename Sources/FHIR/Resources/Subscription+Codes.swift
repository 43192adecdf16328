extension Subscription {
    /// The status of a Subscription.
    ///
    /// A required binding: codes outside this set are invalid. See [the value
    /// set](https://hl7.org/fhir/R4/valueset-subscription-status.html).
    public enum Status: String, Sendable, Hashable, CaseIterable, Codable {
        /// `requested`.
        case requested = "requested"
        /// `active`.
        case active = "active"
        /// `error`.
        case error = "error"
        /// `off`.
        case off = "off"
    }
}
