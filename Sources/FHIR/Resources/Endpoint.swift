/// A provider's source system that receives results (sync-back).
///
/// `status`, `connectionType`, at least one `payloadType` and `address` are required.
/// See [Endpoint](https://hl7.org/fhir/R4/endpoint.html).
public struct Endpoint: FHIRResource {
    /// `Endpoint`.
    public static let resourceType = ResourceType.endpoint

    /// The whole resource, exactly as received or edited.
    public var json: JSONObject

    /// Views `json` as a Endpoint.
    /// - Throws: ``FHIRDecodingError`` when `resourceType` is not `Endpoint` or a modelled element has the wrong
    ///   JSON type.
    public init(json: JSONObject) throws(FHIRDecodingError) {
        try Self.checkDecodable(json)
        self.json = json
    }

    /// An empty Endpoint holding only its `resourceType`.
    public init() {
        self.json = ["resourceType": "Endpoint"]
    }

    /// Business identifiers.
    public var identifier: [Identifier] {
        get { json.elements("identifier") }
        set { json.setElements("identifier", newValue) }
    }

    /// active, suspended, error, off, entered-in-error or test (required).
    public var status: Endpoint.Status? {
        get { json.code("status") }
        set { json.setCode("status", newValue) }
    }

    /// The protocol, e.g. `hl7-fhir-rest` (required).
    public var connectionType: Coding? {
        get { json.element("connectionType") }
        set { json.setElement("connectionType", newValue) }
    }

    /// A name.
    public var name: String? {
        get { json.string("name") }
        set { json.setString("name", newValue) }
    }

    /// The Organization that owns it.
    public var managingOrganization: Reference? {
        get { json.element("managingOrganization") }
        set { json.setElement("managingOrganization", newValue) }
    }

    /// Who to contact about it.
    public var contact: [ContactPoint] {
        get { json.elements("contact") }
        set { json.setElements("contact", newValue) }
    }

    /// When it is in use.
    public var period: Period? {
        get { json.element("period") }
        set { json.setElement("period", newValue) }
    }

    /// What it accepts (at least one).
    public var payloadType: [CodeableConcept] {
        get { json.elements("payloadType") }
        set { json.setElements("payloadType", newValue) }
    }

    /// MIME types it accepts.
    public var payloadMimeType: [String] {
        get { json.strings("payloadMimeType") }
        set { json.setStrings("payloadMimeType", newValue) }
    }

    /// The base URL (required).
    public var address: String? {
        get { json.string("address") }
        set { json.setString("address", newValue) }
    }

    /// HTTP headers to send, such as an authorization header.
    public var header: [String] {
        get { json.strings("header") }
        set { json.setStrings("header", newValue) }
    }
}
