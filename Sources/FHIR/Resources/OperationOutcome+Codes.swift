extension OperationOutcome {
    /// How serious an issue is.
    ///
    /// A required binding: codes outside this set are invalid. See [the value
    /// set](https://hl7.org/fhir/R4/valueset-issue-severity.html).
    public enum IssueSeverity: String, Sendable, Hashable, CaseIterable, Codable {
        /// `fatal`.
        case fatal = "fatal"
        /// `error`.
        case error = "error"
        /// `warning`.
        case warning = "warning"
        /// `information`.
        case information = "information"
    }
}

extension OperationOutcome {
    /// The kind of an issue (FHIR IssueType); the HTTP status follows from it in the API's error mapping.
    ///
    /// A required binding: codes outside this set are invalid. See [the value
    /// set](https://hl7.org/fhir/R4/valueset-issue-type.html).
    public enum IssueType: String, Sendable, Hashable, CaseIterable, Codable {
        /// `invalid`.
        case invalid = "invalid"
        /// `structure`.
        case structure = "structure"
        /// `required`.
        case required = "required"
        /// `value`.
        case value = "value"
        /// `invariant`.
        case invariant = "invariant"
        /// `security`.
        case security = "security"
        /// `login`.
        case login = "login"
        /// `unknown`.
        case unknown = "unknown"
        /// `expired`.
        case expired = "expired"
        /// `forbidden`.
        case forbidden = "forbidden"
        /// `suppressed`.
        case suppressed = "suppressed"
        /// `processing`.
        case processing = "processing"
        /// `not-supported`.
        case notSupported = "not-supported"
        /// `duplicate`.
        case duplicate = "duplicate"
        /// `multiple-matches`.
        case multipleMatches = "multiple-matches"
        /// `not-found`.
        case notFound = "not-found"
        /// `deleted`.
        case deleted = "deleted"
        /// `too-long`.
        case tooLong = "too-long"
        /// `code-invalid`.
        case codeInvalid = "code-invalid"
        /// `extension`.
        case `extension` = "extension"
        /// `too-costly`.
        case tooCostly = "too-costly"
        /// `business-rule`.
        case businessRule = "business-rule"
        /// `conflict`.
        case conflict = "conflict"
        /// `transient`.
        case transient = "transient"
        /// `lock-error`.
        case lockError = "lock-error"
        /// `no-store`.
        case noStore = "no-store"
        /// `exception`.
        case exception = "exception"
        /// `timeout`.
        case timeout = "timeout"
        /// `incomplete`.
        case incomplete = "incomplete"
        /// `throttled`.
        case throttled = "throttled"
        /// `informational`.
        case informational = "informational"
    }
}
