/// Why a JSON document is not an acceptable FHIR resource or element, with the FHIRPath of the offending element.
///
/// The `code` is stable, so callers can map it to an OperationOutcome issue (see
/// [OperationOutcome](https://hl7.org/fhir/R4/operationoutcome.html)); the `message` is English text for logs and
/// diagnostics, and `expression` names the element, e.g. `Patient.birthDate` or
/// `QuestionnaireResponse.item[2].answer[0]`.
public struct FHIRDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable, machine-readable code for the kind of problem.
    ///
    /// An open set: new codes may be added, so `switch` over it with a `default`.
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        /// The code text, such as `"resource-type-mismatch"`.
        public let rawValue: String

        /// A code from its text.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The document is not JSON (or not a JSON object where a resource is expected).
        public static let jsonInvalid = Code(rawValue: "json-invalid")
        /// The object has no `resourceType` string.
        public static let resourceTypeMissing = Code(rawValue: "resource-type-missing")
        /// The `resourceType` is not one this server models (see ``ResourceType``).
        public static let resourceTypeUnknown = Code(rawValue: "resource-type-unknown")
        /// The `resourceType` differs from the one the caller asked for.
        public static let resourceTypeMismatch = Code(rawValue: "resource-type-mismatch")
        /// A modelled element has the wrong JSON type (e.g. a number where a string is required).
        public static let elementTypeInvalid = Code(rawValue: "element-type-invalid")
        /// A value has the right JSON type but an invalid format (e.g. the date `2026-02-30`).
        public static let valueInvalid = Code(rawValue: "value-invalid")
        /// An element that is not allowed here.
        public static let unknownElement = Code(rawValue: "unknown-element")

        /// The code text.
        public var description: String { rawValue }
    }

    /// What kind of problem it is.
    public let code: Code
    /// An English sentence saying what is wrong.
    public let message: String
    /// The FHIRPath of the offending element (`Patient.birthDate`); the type name when the whole value is wrong.
    public let expression: String?

    /// An error with its code, message and the FHIRPath of the offending element.
    public init(code: Code, message: String, expression: String? = nil) {
        self.code = code
        self.message = message
        self.expression = expression
    }

    /// `code: message (at expression)`.
    public var description: String {
        if let expression { return "\(code.rawValue): \(message) (at \(expression))" }
        return "\(code.rawValue): \(message)"
    }
}
