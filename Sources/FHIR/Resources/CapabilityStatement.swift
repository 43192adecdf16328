/// What this server implements, served at `GET /fhir/metadata`.
///
/// `status`, `date`, `kind`, `fhirVersion` and `format` are required; `software`, `implementation` and `rest` are
/// typed (see ``CapabilityStatement/Rest``).
/// See [CapabilityStatement](https://hl7.org/fhir/R4/capabilitystatement.html).
public struct CapabilityStatement: CanonicalResource {
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
