/// A set of codes for answer options (`answerValueSet`), contained or loaded.
///
/// `status` is required. `compose` and `expansion` are kept as JSON; ``ValueSet/codings`` flattens both.
/// See [ValueSet](https://hl7.org/fhir/R4/valueset.html).
public struct ValueSet: FHIRResource {
    /// `ValueSet`.
    public static let resourceType = ResourceType.valueSet

    /// The whole resource, exactly as received or edited.
    public var json: JSONObject

    /// Views `json` as a ValueSet.
    /// - Throws: ``FHIRDecodingError`` when `resourceType` is not `ValueSet` or a modelled element has the wrong
    ///   JSON type.
    public init(json: JSONObject) throws(FHIRDecodingError) {
        try Self.checkDecodable(json)
        self.json = json
    }

    /// An empty ValueSet holding only its `resourceType`.
    public init() {
        self.json = ["resourceType": "ValueSet"]
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

    /// draft, active, retired or unknown (required).
    public var status: PublicationStatus? {
        get { json.code("status") }
        set { json.setCode("status", newValue) }
    }

    /// Description (markdown).
    public var description: String? {
        get { json.string("description") }
        set { json.setString("description", newValue) }
    }
}
