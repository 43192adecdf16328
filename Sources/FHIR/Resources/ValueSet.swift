/// A set of codes for answer options (`answerValueSet`), contained or loaded.
///
/// `status` is required. `compose` and `expansion` are kept as JSON; ``ValueSet/codings`` flattens both.
/// See [ValueSet](https://hl7.org/fhir/R4/valueset.html).
public struct ValueSet: CanonicalResource {
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

}
