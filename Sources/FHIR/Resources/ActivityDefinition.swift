/// One activity of a care module: what kind of task it creates and with what.
///
/// `status` is required.
/// See [ActivityDefinition](https://hl7.org/fhir/R4/activitydefinition.html).
public struct ActivityDefinition: CanonicalResource {
    /// `ActivityDefinition`.
    public static let resourceType = ResourceType.activityDefinition

    /// The whole resource, exactly as received or edited.
    public var json: JSONObject

    /// Views `json` as a ActivityDefinition.
    /// - Throws: ``FHIRDecodingError`` when `resourceType` is not `ActivityDefinition` or a modelled element has the
    /// wrong
    ///   JSON type.
    public init(json: JSONObject) throws(FHIRDecodingError) {
        try Self.checkDecodable(json)
        self.json = json
    }

    /// An empty ActivityDefinition holding only its `resourceType`.
    public init() {
        self.json = ["resourceType": "ActivityDefinition"]
    }

    /// The resource type the activity creates, e.g. `Task` or `ServiceRequest`.
    public var kind: String? {
        get { json.string("kind") }
        set { json.setString("kind", newValue) }
    }

    /// What the activity is (e.g. the task kind).
    public var code: CodeableConcept? {
        get { json.element("code") }
        set { json.setElement("code", newValue) }
    }

    /// When the activity happens.
    public var timingTiming: Timing? {
        get { json.element("timingTiming") }
        set { json.setElement("timingTiming", newValue) }
    }
}
