extension OperationOutcome {
    /// One issue of an OperationOutcome: severity, IssueType, details from the error catalog, and where.
    ///
    /// `severity` and `code` are required. Zorgbrug puts catalog codings in `details.coding` and the text in the chosen
    /// language in `details.text`.
    /// See [OperationOutcome.issue](https://hl7.org/fhir/R4/operationoutcome-definitions.html#OperationOutcome.issue).
    public struct Issue: FHIRComplexElement {
        /// All members, exactly as received or edited.
        public var jsonObject: JSONObject

        /// Wraps an object without checking it.
        public init(jsonObject: JSONObject) { self.jsonObject = jsonObject }

        /// fatal, error, warning or information (required).
        public var severity: OperationOutcome.IssueSeverity? {
            get { jsonObject.code("severity") }
            set { jsonObject.setCode("severity", newValue) }
        }

        /// The FHIR IssueType (required).
        public var code: OperationOutcome.IssueType? {
            get { jsonObject.code("code") }
            set { jsonObject.setCode("code", newValue) }
        }

        /// Catalog coding(s) and text saying what went wrong and what to do.
        public var details: CodeableConcept? {
            get { jsonObject.element("details") }
            set { jsonObject.setElement("details", newValue) }
        }

        /// Extra technical detail.
        public var diagnostics: String? {
            get { jsonObject.string("diagnostics") }
            set { jsonObject.setString("diagnostics", newValue) }
        }

        /// FHIRPath of the offending elements, e.g. `Task.status`.
        public var expression: [String] {
            get { jsonObject.strings("expression") }
            set { jsonObject.setStrings("expression", newValue) }
        }

        /// An issue from its parts; `nil` and empty parts are left out.
        public init(
            severity: OperationOutcome.IssueSeverity, code: OperationOutcome.IssueType, details: CodeableConcept? = nil,
            diagnostics: String? = nil, expression: [String] = []
        ) {
            self.jsonObject = JSONObject()
            self.severity = severity
            self.code = code
            self.details = details
            self.diagnostics = diagnostics
            self.expression = expression
        }

        /// The issue for a structural validation problem: its message as `details.text`, its FHIRPath as
        /// `expression`, and its code as a coding in ``OperationOutcome/errorCodeSystem``.
        public init(_ issue: ValidationIssue) {
            self.init(
                severity: issue.severity, code: issue.issueType, catalogCode: issue.code.rawValue, text: issue.message,
                expression: [issue.expression])
        }
    }
}
