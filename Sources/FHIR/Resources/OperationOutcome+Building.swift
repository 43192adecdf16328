extension OperationOutcome {
    /// An OperationOutcome with these issues (FHIR requires at least one; pass an `information` issue for
    /// "all OK").
    public init(issues: [Issue]) {
        self.init()
        self.issue = issues
    }

    /// One `error` issue per validation problem.
    public init(validationIssues: [ValidationIssue]) {
        self.init(issues: validationIssues.map(Issue.init))
    }

    /// An outcome for a decoding error: one `error` issue (`structure` or `value`, `not-supported` for an
    /// unknown resource type) with the error code as catalog coding, its message and its FHIRPath.
    public init(_ error: FHIRDecodingError) {
        let type: IssueType =
            switch error.code {
            case .valueInvalid: .value
            case .resourceTypeUnknown: .notSupported
            case .resourceTypeMismatch, .resourceTypeMissing: .invalid
            default: .structure
            }
        let coding = Coding(system: "http://zorgbrug.nl/fhir/CodeSystem/error", code: error.code.rawValue)
        self.init(issues: [
            Issue(
                severity: .error, code: type, details: CodeableConcept(coding: [coding], text: error.message),
                expression: error.expression.map { [$0] } ?? [])
        ])
    }

    /// `true` when any issue is `error` or `fatal`.
    public var hasErrors: Bool {
        issue.contains { $0.severity == .error || $0.severity == .fatal }
    }
}
