/// A care provider organization; provider systems act for one.
///
/// No element is required.
/// See [Organization](https://hl7.org/fhir/R4/organization.html).
public struct Organization: FHIRResource {
    /// `Organization`.
    public static let resourceType = ResourceType.organization

    /// The whole resource, exactly as received or edited.
    public var json: JSONObject

    /// Views `json` as a Organization.
    /// - Throws: ``FHIRDecodingError`` when `resourceType` is not `Organization` or a modelled element has the wrong
    ///   JSON type.
    public init(json: JSONObject) throws(FHIRDecodingError) {
        try Self.checkDecodable(json)
        self.json = json
    }

    /// An empty Organization holding only its `resourceType`.
    public init() {
        self.json = ["resourceType": "Organization"]
    }

    /// Business identifiers, such as the AGB or URA number.
    public var identifier: [Identifier] {
        get { json.elements("identifier") }
        set { json.setElements("identifier", newValue) }
    }

    /// Whether the record is in active use.
    public var active: Bool? {
        get { json.bool("active") }
        set { json.setBool("active", newValue) }
    }

    /// Kinds of organization.
    public var type: [CodeableConcept] {
        get { json.elements("type") }
        set { json.setElements("type", newValue) }
    }

    /// The organization's name.
    public var name: String? {
        get { json.string("name") }
        set { json.setString("name", newValue) }
    }

    /// Other names.
    public var alias: [String] {
        get { json.strings("alias") }
        set { json.setStrings("alias", newValue) }
    }

    /// Phone numbers and email addresses.
    public var telecom: [ContactPoint] {
        get { json.elements("telecom") }
        set { json.setElements("telecom", newValue) }
    }

    /// The parent Organization.
    public var partOf: Reference? {
        get { json.element("partOf") }
        set { json.setElement("partOf", newValue) }
    }

    /// Endpoints (source systems) of this organization.
    public var endpoint: [Reference] {
        get { json.elements("endpoint") }
        set { json.setElements("endpoint", newValue) }
    }
}
