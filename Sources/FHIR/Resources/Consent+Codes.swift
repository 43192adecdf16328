extension Consent {
    /// The status of a Consent; a revoked grant becomes `inactive`.
    ///
    /// A required binding: codes outside this set are invalid. See [the value
    /// set](https://hl7.org/fhir/R4/valueset-consent-state-codes.html).
    public enum Status: String, Sendable, Hashable, CaseIterable, Codable {
        /// `draft`.
        case draft = "draft"
        /// `proposed`.
        case proposed = "proposed"
        /// `active`.
        case active = "active"
        /// `rejected`.
        case rejected = "rejected"
        /// `inactive`.
        case inactive = "inactive"
        /// `entered-in-error`.
        case enteredInError = "entered-in-error"
    }
}
