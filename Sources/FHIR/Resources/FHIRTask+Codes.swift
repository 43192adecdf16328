extension FHIRTask {
    /// The lifecycle status of a Task; Zorgbrug's status machine moves between these (DESIGN.md §6).
    ///
    /// A required binding: codes outside this set are invalid. See [the value
    /// set](https://hl7.org/fhir/R4/valueset-task-status.html).
    public enum Status: String, Sendable, Hashable, CaseIterable, Codable {
        /// `draft`.
        case draft = "draft"
        /// `requested`.
        case requested = "requested"
        /// `received`.
        case received = "received"
        /// `accepted`.
        case accepted = "accepted"
        /// `rejected`.
        case rejected = "rejected"
        /// `ready`.
        case ready = "ready"
        /// `cancelled`.
        case cancelled = "cancelled"
        /// `in-progress`.
        case inProgress = "in-progress"
        /// `on-hold`.
        case onHold = "on-hold"
        /// `failed`.
        case failed = "failed"
        /// `completed`.
        case completed = "completed"
        /// `entered-in-error`.
        case enteredInError = "entered-in-error"
    }
}

extension FHIRTask {
    /// The intent of a Task; Zorgbrug tasks use order.
    ///
    /// A required binding: codes outside this set are invalid. See [the value
    /// set](https://hl7.org/fhir/R4/valueset-task-intent.html).
    public enum Intent: String, Sendable, Hashable, CaseIterable, Codable {
        /// `unknown`.
        case unknown = "unknown"
        /// `proposal`.
        case proposal = "proposal"
        /// `plan`.
        case plan = "plan"
        /// `order`.
        case order = "order"
        /// `original-order`.
        case originalOrder = "original-order"
        /// `reflex-order`.
        case reflexOrder = "reflex-order"
        /// `filler-order`.
        case fillerOrder = "filler-order"
        /// `instance-order`.
        case instanceOrder = "instance-order"
        /// `option`.
        case option = "option"
    }
}
