/// What this server implements, served at `GET /fhir/metadata`.
///
/// `status`, `date`, `kind`, `fhirVersion` and `format` are required; `software`, `implementation` and `rest` are
/// typed (see ``CapabilityStatement/Rest``).
/// See [CapabilityStatement](https://hl7.org/fhir/R4/capabilitystatement.html).
public struct CapabilityStatement: FHIRResource {
    /// `CapabilityStatement`.
    public static let resourceType = ResourceType.capabilityStatement

    /// The whole resource, exactly as received or edited.
    public var json: JSONObject

    /// Views `json` as a CapabilityStatement.
    /// - Throws: ``FHIRDecodingError`` when `resourceType` is not `CapabilityStatement` or a modelled element has the
    /// wrong
    ///   JSON type.
    public init(json: JSONObject) throws(FHIRDecodingError) {
        try Self.checkDecodable(json)
        self.json = json
    }

    /// An empty CapabilityStatement holding only its `resourceType`.
    public init() {
        self.json = ["resourceType": "CapabilityStatement"]
    }

    /// The canonical URL.
    public var url: String? {
        get { json.string("url") }
        set { json.setString("url", newValue) }
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

    /// draft, active, retired or unknown (required).
    public var status: PublicationStatus? {
        get { json.code("status") }
        set { json.setCode("status", newValue) }
    }

    /// When it was last changed (required).
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

    /// instance, capability or requirements (required).
    public var kind: String? {
        get { json.string("kind") }
        set { json.setString("kind", newValue) }
    }

    /// `4.0.1` (required).
    public var fhirVersion: String? {
        get { json.string("fhirVersion") }
        set { json.setString("fhirVersion", newValue) }
    }

    /// Supported formats, e.g. `json` (required).
    public var format: [String] {
        get { json.strings("format") }
        set { json.setStrings("format", newValue) }
    }

    /// Supported patch formats, e.g. `application/json-patch+json`.
    public var patchFormat: [String] {
        get { json.strings("patchFormat") }
        set { json.setStrings("patchFormat", newValue) }
    }
}
