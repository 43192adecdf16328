/// The outcome of an operation: every Zorgbrug error is one.
///
/// At least one `issue` is required. Build one with ``OperationOutcome/init(issues:)``.
/// See [OperationOutcome](https://hl7.org/fhir/R4/operationoutcome.html).
public struct OperationOutcome: FHIRResource {
    /// `OperationOutcome`.
    public static let resourceType = ResourceType.operationOutcome

    /// The whole resource, exactly as received or edited.
    public var json: JSONObject

    /// Views `json` as a OperationOutcome.
    /// - Throws: ``FHIRDecodingError`` when `resourceType` is not `OperationOutcome` or a modelled element has the
    /// wrong
    ///   JSON type.
    public init(json: JSONObject) throws(FHIRDecodingError) {
        try Self.checkDecodable(json)
        self.json = json
    }

    /// An empty OperationOutcome holding only its `resourceType`.
    public init() {
        self.json = ["resourceType": "OperationOutcome"]
    }

    /// The issues (at least one).
    public var issue: [OperationOutcome.Issue] {
        get { json.elements("issue") }
        set { json.setElements("issue", newValue) }
    }
}
