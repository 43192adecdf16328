extension OperationOutcome {
    /// `http://zorgbrug.nl/fhir/CodeSystem/error`: the code system of Zorgbrug's error catalog, used in every
    /// issue's `details.coding`.
    public static let errorCodeSystem = "http://zorgbrug.nl/fhir/CodeSystem/error"

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
        self.init(issues: [
            Issue(
                code: type, catalogCode: error.code.rawValue, text: error.message,
                expression: error.expression.map { [$0] } ?? [])
        ])
    }

    /// `true` when any issue is `error` or `fatal`.
    public var hasErrors: Bool {
        issue.contains { $0.severity == .error || $0.severity == .fatal }
    }
}

extension OperationOutcome.Issue {
    /// An issue from Zorgbrug's error catalog: `details.coding` holds `catalogCode` (with its `display`) in
    /// ``OperationOutcome/errorCodeSystem``, `details.text` the message for the reader, `expression` the
    /// offending elements.
    public init(
        severity: OperationOutcome.IssueSeverity = .error, code: OperationOutcome.IssueType, catalogCode: String,
        display: String? = nil, text: String, expression: [String] = []
    ) {
        let coding = Coding(system: OperationOutcome.errorCodeSystem, code: catalogCode, display: display)
        self.init(
            severity: severity, code: code, details: CodeableConcept(coding: [coding], text: text),
            expression: expression)
    }
}
