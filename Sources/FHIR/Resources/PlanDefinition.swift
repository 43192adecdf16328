/// A care module: the activities it schedules and their timing.
///
/// `status` is required. Actions are kept as JSON (``PlanDefinition/action``).
/// See [PlanDefinition](https://hl7.org/fhir/R4/plandefinition.html).
public struct PlanDefinition: CanonicalResource {
    /// `PlanDefinition`.
    public static let resourceType = ResourceType.planDefinition

    /// The whole resource, exactly as received or edited.
    public var json: JSONObject

    /// Views `json` as a PlanDefinition.
    /// - Throws: ``FHIRDecodingError`` when `resourceType` is not `PlanDefinition` or a modelled element has the wrong
    ///   JSON type.
    public init(json: JSONObject) throws(FHIRDecodingError) {
        try Self.checkDecodable(json)
        self.json = json
    }

    /// An empty PlanDefinition holding only its `resourceType`.
    public init() {
        self.json = ["resourceType": "PlanDefinition"]
    }

    /// order-set, clinical-protocol, eca-rule or workflow-definition.
    public var type: CodeableConcept? {
        get { json.element("type") }
        set { json.setElement("type", newValue) }
    }

}
