/// A measurement plan: what to measure, how often and with which thresholds.
///
/// `status`, `intent` and `subject` are required.
/// See [ServiceRequest](https://hl7.org/fhir/R4/servicerequest.html).
public struct ServiceRequest: FHIRResource {
    /// `ServiceRequest`.
    public static let resourceType = ResourceType.serviceRequest

    /// The whole resource, exactly as received or edited.
    public var json: JSONObject

    /// Views `json` as a ServiceRequest.
    /// - Throws: ``FHIRDecodingError`` when `resourceType` is not `ServiceRequest` or a modelled element has the wrong
    ///   JSON type.
    public init(json: JSONObject) throws(FHIRDecodingError) {
        try Self.checkDecodable(json)
        self.json = json
    }

    /// An empty ServiceRequest holding only its `resourceType`.
    public init() {
        self.json = ["resourceType": "ServiceRequest"]
    }

    /// Business identifiers.
    public var identifier: [Identifier] {
        get { json.elements("identifier") }
        set { json.setElements("identifier", newValue) }
    }

    /// The CarePlan this belongs to.
    public var basedOn: [Reference] {
        get { json.elements("basedOn") }
        set { json.setElements("basedOn", newValue) }
    }

    /// draft, active, on-hold, revoked, completed, … (required).
    public var status: RequestStatus? {
        get { json.code("status") }
        set { json.setCode("status", newValue) }
    }

    /// proposal, plan, order, … (required).
    public var intent: RequestIntent? {
        get { json.code("intent") }
        set { json.setCode("intent", newValue) }
    }

    /// Classification.
    public var category: [CodeableConcept] {
        get { json.elements("category") }
        set { json.setElements("category", newValue) }
    }

    /// What is requested, e.g. LOINC 85354-9 for blood pressure.
    public var code: CodeableConcept? {
        get { json.element("code") }
        set { json.setElement("code", newValue) }
    }

    /// The Patient (required).
    public var subject: Reference? {
        get { json.element("subject") }
        set { json.setElement("subject", newValue) }
    }

    /// When, as one moment.
    public var occurrenceDateTime: FHIRDateTime? {
        get { json.element("occurrenceDateTime") }
        set { json.setElement("occurrenceDateTime", newValue) }
    }

    /// When, as a period.
    public var occurrencePeriod: Period? {
        get { json.element("occurrencePeriod") }
        set { json.setElement("occurrencePeriod", newValue) }
    }

    /// When, as a schedule.
    public var occurrenceTiming: Timing? {
        get { json.element("occurrenceTiming") }
        set { json.setElement("occurrenceTiming", newValue) }
    }

    /// When it was requested.
    public var authoredOn: FHIRDateTime? {
        get { json.element("authoredOn") }
        set { json.setElement("authoredOn", newValue) }
    }

    /// Who requests it.
    public var requester: Reference? {
        get { json.element("requester") }
        set { json.setElement("requester", newValue) }
    }

    /// Comments.
    public var note: [Annotation] {
        get { json.elements("note") }
        set { json.setElements("note", newValue) }
    }

    /// Instructions for the patient.
    public var patientInstruction: String? {
        get { json.string("patientInstruction") }
        set { json.setString("patientInstruction", newValue) }
    }
}
