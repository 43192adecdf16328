/// An audit record (NEN 7513): who accessed which patient data, when, and with what outcome.
///
/// `type`, `recorded`, at least one `agent` and `source` are required.
/// See [AuditEvent](https://hl7.org/fhir/R4/auditevent.html).
public struct AuditEvent: FHIRResource {
    /// `AuditEvent`.
    public static let resourceType = ResourceType.auditEvent

    /// The whole resource, exactly as received or edited.
    public var json: JSONObject

    /// Views `json` as a AuditEvent.
    /// - Throws: ``FHIRDecodingError`` when `resourceType` is not `AuditEvent` or a modelled element has the wrong
    ///   JSON type.
    public init(json: JSONObject) throws(FHIRDecodingError) {
        try Self.checkDecodable(json)
        self.json = json
    }

    /// An empty AuditEvent holding only its `resourceType`.
    public init() {
        self.json = ["resourceType": "AuditEvent"]
    }

    /// The kind of event, e.g. `rest` (required).
    public var type: Coding? {
        get { json.element("type") }
        set { json.setElement("type", newValue) }
    }

    /// The interaction, e.g. `read` or `search-type`.
    public var subtype: [Coding] {
        get { json.elements("subtype") }
        set { json.setElements("subtype", newValue) }
    }

    /// C, R, U, D or E.
    public var action: String? {
        get { json.string("action") }
        set { json.setString("action", newValue) }
    }

    /// When the activity happened.
    public var period: Period? {
        get { json.element("period") }
        set { json.setElement("period", newValue) }
    }

    /// When the event was recorded (required).
    public var recorded: FHIRInstant? {
        get { json.element("recorded") }
        set { json.setElement("recorded", newValue) }
    }

    /// 0 (success), 4, 8 or 12.
    public var outcome: String? {
        get { json.string("outcome") }
        set { json.setString("outcome", newValue) }
    }

    /// A description of the outcome.
    public var outcomeDesc: String? {
        get { json.string("outcomeDesc") }
        set { json.setString("outcomeDesc", newValue) }
    }

    /// Why it happened.
    public var purposeOfEvent: [CodeableConcept] {
        get { json.elements("purposeOfEvent") }
        set { json.setElements("purposeOfEvent", newValue) }
    }

    /// Who took part: the person or organization, the client software (at least one).
    public var agent: [AuditEvent.Agent] {
        get { json.elements("agent") }
        set { json.setElements("agent", newValue) }
    }

    /// The system that reported the event (required).
    public var source: AuditEvent.Source? {
        get { json.element("source") }
        set { json.setElement("source", newValue) }
    }

    /// The data accessed: the resource, the patient, request details.
    public var entity: [AuditEvent.Entity] {
        get { json.elements("entity") }
        set { json.setElements("entity", newValue) }
    }
}
