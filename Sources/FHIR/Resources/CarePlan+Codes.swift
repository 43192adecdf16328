extension CarePlan {
    /// The intent of a CarePlan.
    ///
    /// A required binding: codes outside this set are invalid. See [the value
    /// set](https://hl7.org/fhir/R4/valueset-care-plan-intent.html).
    public enum Intent: String, Sendable, Hashable, CaseIterable, Codable {
        /// `proposal`.
        case proposal = "proposal"
        /// `plan`.
        case plan = "plan"
        /// `order`.
        case order = "order"
        /// `option`.
        case option = "option"
    }
}
