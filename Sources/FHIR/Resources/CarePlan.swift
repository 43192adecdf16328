/// A care plan: a module applied to a patient, or a signalling plan with phases.
///
/// `status`, `intent` and `subject` are required.
/// See [CarePlan](https://hl7.org/fhir/R4/careplan.html).
public struct CarePlan: FHIRResource {
    /// `CarePlan`.
    public static let resourceType = ResourceType.carePlan

    /// The whole resource, exactly as received or edited.
    public var json: JSONObject

    /// Views `json` as a CarePlan.
    /// - Throws: ``FHIRDecodingError`` when `resourceType` is not `CarePlan` or a modelled element has the wrong
    ///   JSON type.
    public init(json: JSONObject) throws(FHIRDecodingError) {
        try Self.checkDecodable(json)
        self.json = json
    }

    /// An empty CarePlan holding only its `resourceType`.
    public init() {
        self.json = ["resourceType": "CarePlan"]
    }

    /// Business identifiers.
    public var identifier: [Identifier] {
        get { json.elements("identifier") }
        set { json.setElements("identifier", newValue) }
    }

    /// The PlanDefinitions (canonical URLs) this follows.
    public var instantiatesCanonical: [String] {
        get { json.strings("instantiatesCanonical") }
        set { json.setStrings("instantiatesCanonical", newValue) }
    }

    /// Plans this one fulfils.
    public var basedOn: [Reference] {
        get { json.elements("basedOn") }
        set { json.setElements("basedOn", newValue) }
    }

    /// draft, active, on-hold, revoked, completed, … (required).
    public var status: RequestStatus? {
        get { json.code("status") }
        set { json.setCode("status", newValue) }
    }

    /// proposal, plan, order or option (required).
    public var intent: CarePlan.Intent? {
        get { json.code("intent") }
        set { json.setCode("intent", newValue) }
    }

    /// Classification, e.g. `signalling-plan`.
    public var category: [CodeableConcept] {
        get { json.elements("category") }
        set { json.setElements("category", newValue) }
    }

    /// A title.
    public var title: String? {
        get { json.string("title") }
        set { json.setString("title", newValue) }
    }

    /// A summary.
    public var description: String? {
        get { json.string("description") }
        set { json.setString("description", newValue) }
    }

    /// The Patient (required).
    public var subject: Reference? {
        get { json.element("subject") }
        set { json.setElement("subject", newValue) }
    }

    /// When the plan applies.
    public var period: Period? {
        get { json.element("period") }
        set { json.setElement("period", newValue) }
    }

    /// When it was created.
    public var created: FHIRDateTime? {
        get { json.element("created") }
        set { json.setElement("created", newValue) }
    }

    /// Who is responsible.
    public var author: Reference? {
        get { json.element("author") }
        set { json.setElement("author", newValue) }
    }

    /// Comments.
    public var note: [Annotation] {
        get { json.elements("note") }
        set { json.setElements("note", newValue) }
    }
}
