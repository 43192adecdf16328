/// A care module: the activities it schedules and their timing.
///
/// `status` is required. Actions are kept as JSON (``PlanDefinition/action``).
/// See [PlanDefinition](https://hl7.org/fhir/R4/plandefinition.html).
public struct PlanDefinition: FHIRResource {
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

    /// The canonical URL.
    public var url: String? {
        get { json.string("url") }
        set { json.setString("url", newValue) }
    }

    /// Business identifiers.
    public var identifier: [Identifier] {
        get { json.elements("identifier") }
        set { json.setElements("identifier", newValue) }
    }

    /// The business version.
    public var version: String? {
        get { json.string("version") }
        set { json.setString("version", newValue) }
    }

    /// A computer-friendly name.
    public var name: String? {
        get { json.string("name") }
        set { json.setString("name", newValue) }
    }

    /// A human-friendly title.
    public var title: String? {
        get { json.string("title") }
        set { json.setString("title", newValue) }
    }

    /// order-set, clinical-protocol, eca-rule or workflow-definition.
    public var type: CodeableConcept? {
        get { json.element("type") }
        set { json.setElement("type", newValue) }
    }

    /// draft, active, retired or unknown (required).
    public var status: PublicationStatus? {
        get { json.code("status") }
        set { json.setCode("status", newValue) }
    }

    /// When it was last changed.
    public var date: FHIRDateTime? {
        get { json.element("date") }
        set { json.setElement("date", newValue) }
    }

    /// Who published it.
    public var publisher: String? {
        get { json.string("publisher") }
        set { json.setString("publisher", newValue) }
    }

    /// Description (markdown).
    public var description: String? {
        get { json.string("description") }
        set { json.setString("description", newValue) }
    }
}
