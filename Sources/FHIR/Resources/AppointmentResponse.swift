/// A participant's answer to an Appointment: accept, decline, or propose another time.
///
/// `appointment` and `participantStatus` are required. A proposal carries `start` and `end`.
/// See [AppointmentResponse](https://hl7.org/fhir/R4/appointmentresponse.html).
public struct AppointmentResponse: FHIRResource {
    /// `AppointmentResponse`.
    public static let resourceType = ResourceType.appointmentResponse

    /// The whole resource, exactly as received or edited.
    public var json: JSONObject

    /// Views `json` as a AppointmentResponse.
    /// - Throws: ``FHIRDecodingError`` when `resourceType` is not `AppointmentResponse` or a modelled element has the
    /// wrong
    ///   JSON type.
    public init(json: JSONObject) throws(FHIRDecodingError) {
        try Self.checkDecodable(json)
        self.json = json
    }

    /// An empty AppointmentResponse holding only its `resourceType`.
    public init() {
        self.json = ["resourceType": "AppointmentResponse"]
    }

    /// Business identifiers.
    public var identifier: [Identifier] {
        get { json.elements("identifier") }
        set { json.setElements("identifier", newValue) }
    }

    /// The Appointment (required).
    public var appointment: Reference? {
        get { json.element("appointment") }
        set { json.setElement("appointment", newValue) }
    }

    /// The proposed start.
    public var start: FHIRInstant? {
        get { json.element("start") }
        set { json.setElement("start", newValue) }
    }

    /// The proposed end.
    public var end: FHIRInstant? {
        get { json.element("end") }
        set { json.setElement("end", newValue) }
    }

    /// Who answers.
    public var actor: Reference? {
        get { json.element("actor") }
        set { json.setElement("actor", newValue) }
    }

    /// accepted, declined, tentative or needs-action (required).
    public var participantStatus: ParticipationStatus? {
        get { json.code("participantStatus") }
        set { json.setCode("participantStatus", newValue) }
    }

    /// The reason or remark.
    public var comment: String? {
        get { json.string("comment") }
        set { json.setString("comment", newValue) }
    }
}
