/// An eHealth task for one patient (resourceType `Task`; named `FHIRTask` so it does not shadow Swift's `Task`).
///
/// `status` and `intent` are required and bound. Zorgbrug tasks use `intent=order` and a kind in `code` (DESIGN.md §6).
/// See [Task](https://hl7.org/fhir/R4/task.html).
public struct FHIRTask: FHIRResource {
    /// `Task`.
    public static let resourceType = ResourceType.task

    /// The whole resource, exactly as received or edited.
    public var json: JSONObject

    /// Views `json` as a Task.
    /// - Throws: ``FHIRDecodingError`` when `resourceType` is not `Task` or a modelled element has the wrong
    ///   JSON type.
    public init(json: JSONObject) throws(FHIRDecodingError) {
        try Self.checkDecodable(json)
        self.json = json
    }

    /// An empty Task holding only its `resourceType`.
    public init() {
        self.json = ["resourceType": "Task"]
    }

    /// Business identifiers.
    public var identifier: [Identifier] {
        get { json.elements("identifier") }
        set { json.setElements("identifier", newValue) }
    }

    /// The ActivityDefinition (canonical URL) this task follows.
    public var instantiatesCanonical: String? {
        get { json.string("instantiatesCanonical") }
        set { json.setString("instantiatesCanonical", newValue) }
    }

    /// What the task fulfils, such as a module's CarePlan.
    public var basedOn: [Reference] {
        get { json.elements("basedOn") }
        set { json.setElements("basedOn", newValue) }
    }

    /// A larger task this one is part of.
    public var partOf: [Reference] {
        get { json.elements("partOf") }
        set { json.setElements("partOf", newValue) }
    }

    /// The lifecycle status (required).
    public var status: FHIRTask.Status? {
        get { json.code("status") }
        set { json.setCode("status", newValue) }
    }

    /// Why the status is what it is (e.g. the patient's reason to reject).
    public var statusReason: CodeableConcept? {
        get { json.element("statusReason") }
        set { json.setElement("statusReason", newValue) }
    }

    /// A domain status such as `overdue`.
    public var businessStatus: CodeableConcept? {
        get { json.element("businessStatus") }
        set { json.setElement("businessStatus", newValue) }
    }

    /// The intent (required); `order` for Zorgbrug tasks.
    public var intent: FHIRTask.Intent? {
        get { json.code("intent") }
        set { json.setCode("intent", newValue) }
    }

    /// `routine`, `urgent`, `asap` or `stat`.
    public var priority: String? {
        get { json.string("priority") }
        set { json.setString("priority", newValue) }
    }

    /// The kind of task (`http://zorgbrug.nl/fhir/CodeSystem/task-kind`).
    public var code: CodeableConcept? {
        get { json.element("code") }
        set { json.setElement("code", newValue) }
    }

    /// Text for the patient.
    public var description: String? {
        get { json.string("description") }
        set { json.setString("description", newValue) }
    }

    /// What the task acts on: the Questionnaire, ServiceRequest, CarePlan or Appointment.
    public var focus: Reference? {
        get { json.element("focus") }
        set { json.setElement("focus", newValue) }
    }

    /// The Patient the task is for.
    public var `for`: Reference? {
        get { json.element("for") }
        set { json.setElement("for", newValue) }
    }

    /// When the task was worked on.
    public var executionPeriod: Period? {
        get { json.element("executionPeriod") }
        set { json.setElement("executionPeriod", newValue) }
    }

    /// When the task was created.
    public var authoredOn: FHIRDateTime? {
        get { json.element("authoredOn") }
        set { json.setElement("authoredOn", newValue) }
    }

    /// When the task was last changed.
    public var lastModified: FHIRDateTime? {
        get { json.element("lastModified") }
        set { json.setElement("lastModified", newValue) }
    }

    /// Who asks for it: a Practitioner or the Organization.
    public var requester: Reference? {
        get { json.element("requester") }
        set { json.setElement("requester", newValue) }
    }

    /// Who performs it: the Patient or a RelatedPerson.
    public var owner: Reference? {
        get { json.element("owner") }
        set { json.setElement("owner", newValue) }
    }

    /// Comments.
    public var note: [Annotation] {
        get { json.elements("note") }
        set { json.setElements("note", newValue) }
    }

    /// Limits on fulfilment; `restriction.period.end` is the due date.
    public var restriction: FHIRTask.Restriction? {
        get { json.element("restriction") }
        set { json.setElement("restriction", newValue) }
    }

    /// Inputs, such as the questionnaire's `url|version`.
    public var input: [FHIRTask.Parameter] {
        get { json.elements("input") }
        set { json.setElements("input", newValue) }
    }

    /// Outputs, such as the QuestionnaireResponse.
    public var output: [FHIRTask.Parameter] {
        get { json.elements("output") }
        set { json.setElements("output", newValue) }
    }
}
