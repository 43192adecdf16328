/// A form with items to answer; identified by `url` and `version`, several versions side by side.
///
/// `status` is required. Items are a typed recursive view (``Questionnaire/Item``).
/// See [Questionnaire](https://hl7.org/fhir/R4/questionnaire.html).
public struct Questionnaire: FHIRResource {
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

    /// The business version; responses name `url|version`.
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
