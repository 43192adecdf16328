/// One problem found by ``FHIRValidator``: how bad, a stable code, an English message and the FHIRPath of the
/// offending element.
///
/// Map it to an OperationOutcome issue with ``OperationOutcome/Issue/init(_:)``.
/// See [Validation](https://hl7.org/fhir/R4/validation.html).
public struct ValidationIssue: Sendable, Hashable, CustomStringConvertible {
    /// A stable code for the kind of problem.
    ///
    /// An open set: new codes may be added, so `switch` over it with a `default`.
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        /// The code text, such as `"required-missing"`.
        public let rawValue: String

        /// A code from its text.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// `null` where FHIR JSON allows none (only inside primitive arrays aligned with their `_x` array).
        public static let jsonNull = Code(rawValue: "json-null")
        /// An empty string, array or object, which FHIR JSON forbids.
        public static let jsonEmpty = Code(rawValue: "json-empty")
        /// A modelled element, or a `_x` primitive extension member, with the wrong JSON type.
        public static let elementTypeInvalid = Code(rawValue: "element-type-invalid")
        /// A primitive with a bad format (date, dateTime, instant, time, code, uri, integer range, …).
        public static let valueInvalid = Code(rawValue: "value-invalid")
        /// A required (1..1 or 1..*) element is absent.
        public static let requiredMissing = Code(rawValue: "required-missing")
        /// A code outside a required binding.
        public static let codeInvalid = Code(rawValue: "code-invalid")
        /// No `resourceType`.
        public static let resourceTypeMissing = Code(rawValue: "resource-type-missing")
        /// A top-level `resourceType` Zorgbrug does not model.
        public static let resourceTypeUnknown = Code(rawValue: "resource-type-unknown")
        /// A resource id that does not match `[A-Za-z0-9\-\.]{1,64}`.
        public static let idInvalid = Code(rawValue: "id-invalid")

        /// The code text.
        public var description: String { rawValue }
    }

    /// How serious the problem is (structural problems are always `error`).
    public let severity: OperationOutcome.IssueSeverity
    /// The kind of problem.
    public let code: Code
    /// An English sentence saying what is wrong.
    public let message: String
    /// The FHIRPath of the offending element, e.g. `Task.input[0].type`.
    public let expression: String

    /// An issue; the validator builds these, tests and callers may too.
    public init(severity: OperationOutcome.IssueSeverity = .error, code: Code, message: String, expression: String) {
        self.severity = severity
        self.code = code
        self.message = message
        self.expression = expression
    }

    /// The FHIR IssueType this maps to in an OperationOutcome.
    public var issueType: OperationOutcome.IssueType {
        switch code {
        case .requiredMissing: .required
        case .valueInvalid, .idInvalid: .value
        case .codeInvalid: .codeInvalid
        case .resourceTypeUnknown: .notSupported
        default: .structure
        }
    }

    /// `severity code: message (at expression)`.
    public var description: String { "\(severity.rawValue) \(code.rawValue): \(message) (at \(expression))" }
}
