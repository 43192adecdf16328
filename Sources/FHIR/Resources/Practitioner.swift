/// A health professional who requests tasks and answers messages.
///
/// No element is required.
/// See [Practitioner](https://hl7.org/fhir/R4/practitioner.html).
public struct Practitioner: PersonResource {
    /// `Practitioner`.
    public static let resourceType = ResourceType.practitioner

    /// The whole resource, exactly as received or edited.
    public var json: JSONObject

    /// Views `json` as a Practitioner.
    /// - Throws: ``FHIRDecodingError`` when `resourceType` is not `Practitioner` or a modelled element has the wrong
    ///   JSON type.
    public init(json: JSONObject) throws(FHIRDecodingError) {
        try Self.checkDecodable(json)
        self.json = json
    }

    /// An empty Practitioner holding only its `resourceType`.
    public init() {
        self.json = ["resourceType": "Practitioner"]
    }

}
