extension QuestionnaireResponse {
    /// The status of a QuestionnaireResponse: `in-progress` drafts may be saved, `completed` ones must be complete.
    ///
    /// A required binding: codes outside this set are invalid. See [the value
    /// set](https://hl7.org/fhir/R4/valueset-questionnaire-answers-status.html).
    public enum Status: String, Sendable, Hashable, CaseIterable, Codable {
        /// `in-progress`.
        case inProgress = "in-progress"
        /// `completed`.
        case completed = "completed"
        /// `amended`.
        case amended = "amended"
        /// `entered-in-error`.
        case enteredInError = "entered-in-error"
        /// `stopped`.
        case stopped = "stopped"
    }
}
