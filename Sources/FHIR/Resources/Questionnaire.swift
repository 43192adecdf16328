/// A form with items to answer; identified by `url` and `version`, several versions side by side.
///
/// `status` is required. Items are a typed recursive view (``Questionnaire/Item``).
/// See [Questionnaire](https://hl7.org/fhir/R4/questionnaire.html).
public struct Questionnaire: CanonicalResource {
    /// `Questionnaire`.
    public static let resourceType = ResourceType.questionnaire

    /// The whole resource, exactly as received or edited.
    public var json: JSONObject

    /// Views `json` as a Questionnaire.
    /// - Throws: ``FHIRDecodingError`` when `resourceType` is not `Questionnaire` or a modelled element has the wrong
    ///   JSON type.
    public init(json: JSONObject) throws(FHIRDecodingError) {
        try Self.checkDecodable(json)
        self.json = json
    }

    /// An empty Questionnaire holding only its `resourceType`.
    public init() {
        self.json = ["resourceType": "Questionnaire"]
    }

    /// For testing only.
    public var experimental: Bool? {
        get { json.bool("experimental") }
        set { json.setBool("experimental", newValue) }
    }

    /// Resource types that may be the subject.
    public var subjectType: [String] {
        get { json.strings("subjectType") }
        set { json.setStrings("subjectType", newValue) }
    }

    /// Concepts for the whole questionnaire.
    public var code: [Coding] {
        get { json.elements("code") }
        set { json.setElements("code", newValue) }
    }

    /// The items, in order.
    public var item: [Questionnaire.Item] {
        get { json.elements("item") }
        set { json.setElements("item", newValue) }
    }
}
