/// Answers to a Questionnaire, for the exact `url|version` named in `questionnaire`.
///
/// `status` is required. Items and answers are typed views (``QuestionnaireResponse/Item``).
/// See [QuestionnaireResponse](https://hl7.org/fhir/R4/questionnaireresponse.html).
public struct QuestionnaireResponse: FHIRResource {
    /// `QuestionnaireResponse`.
    public static let resourceType = ResourceType.questionnaireResponse

    /// The whole resource, exactly as received or edited.
    public var json: JSONObject

    /// Views `json` as a QuestionnaireResponse.
    /// - Throws: ``FHIRDecodingError`` when `resourceType` is not `QuestionnaireResponse` or a modelled element has the
    /// wrong
    ///   JSON type.
    public init(json: JSONObject) throws(FHIRDecodingError) {
        try Self.checkDecodable(json)
        self.json = json
    }

    /// An empty QuestionnaireResponse holding only its `resourceType`.
    public init() {
        self.json = ["resourceType": "QuestionnaireResponse"]
    }

    /// A business identifier.
    public var identifier: Identifier? {
        get { json.element("identifier") }
        set { json.setElement("identifier", newValue) }
    }

    /// The Task (or request) this fulfils.
    public var basedOn: [Reference] {
        get { json.elements("basedOn") }
        set { json.setElements("basedOn", newValue) }
    }

    /// A larger event this is part of.
    public var partOf: [Reference] {
        get { json.elements("partOf") }
        set { json.setElements("partOf", newValue) }
    }

    /// The Questionnaire answered, as canonical `url|version`.
    public var questionnaire: String? {
        get { json.string("questionnaire") }
        set { json.setString("questionnaire", newValue) }
    }

    /// in-progress, completed, amended, entered-in-error or stopped (required).
    public var status: QuestionnaireResponse.Status? {
        get { json.code("status") }
        set { json.setCode("status", newValue) }
    }

    /// Who the answers are about (the Patient).
    public var subject: Reference? {
        get { json.element("subject") }
        set { json.setElement("subject", newValue) }
    }

    /// When the answers were gathered.
    public var authored: FHIRDateTime? {
        get { json.element("authored") }
        set { json.setElement("authored", newValue) }
    }

    /// Who entered the answers.
    public var author: Reference? {
        get { json.element("author") }
        set { json.setElement("author", newValue) }
    }

    /// Who gave the answers (the Patient or a RelatedPerson).
    public var source: Reference? {
        get { json.element("source") }
        set { json.setElement("source", newValue) }
    }

    /// Answered items, following the questionnaire's structure.
    public var item: [QuestionnaireResponse.Item] {
        get { json.elements("item") }
        set { json.setElements("item", newValue) }
    }
}
