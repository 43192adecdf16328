/// Operation inputs and outputs (`$apply`, `$render`, …) as named parameters.
///
/// No element is required. Each parameter has a `name` and a `value[x]`, a `resource` or `part`s.
/// See [Parameters](https://hl7.org/fhir/R4/parameters.html).
public struct Parameters: FHIRResource {
    /// `Parameters`.
    public static let resourceType = ResourceType.parameters

    /// The whole resource, exactly as received or edited.
    public var json: JSONObject

    /// Views `json` as a Parameters.
    /// - Throws: ``FHIRDecodingError`` when `resourceType` is not `Parameters` or a modelled element has the wrong
    ///   JSON type.
    public init(json: JSONObject) throws(FHIRDecodingError) {
        try Self.checkDecodable(json)
        self.json = json
    }

    /// An empty Parameters holding only its `resourceType`.
    public init() {
        self.json = ["resourceType": "Parameters"]
    }

    /// The parameters, in order.
    public var parameter: [Parameters.Parameter] {
        get { json.elements("parameter") }
        set { json.setElements("parameter", newValue) }
    }
}
