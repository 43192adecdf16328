/// An appointment between the patient and the provider; the patient answers it with an AppointmentResponse.
///
/// `status` and at least one `participant` are required.
/// See [Appointment](https://hl7.org/fhir/R4/appointment.html).
public struct Appointment: FHIRResource {
    /// `Appointment`.
    public static let resourceType = ResourceType.appointment

    /// The whole resource, exactly as received or edited.
    public var json: JSONObject

    /// Views `json` as a Appointment.
    /// - Throws: ``FHIRDecodingError`` when `resourceType` is not `Appointment` or a modelled element has the wrong
    ///   JSON type.
    public init(json: JSONObject) throws(FHIRDecodingError) {
        try Self.checkDecodable(json)
        self.json = json
    }

    /// An empty Appointment holding only its `resourceType`.
    public init() {
        self.json = ["resourceType": "Appointment"]
    }

    /// Business identifiers.
    public var identifier: [Identifier] {
        get { json.elements("identifier") }
        set { json.setElements("identifier", newValue) }
    }

    /// proposed, pending, booked, … (required).
    public var status: Appointment.Status? {
        get { json.code("status") }
        set { json.setCode("status", newValue) }
    }

    /// Why it was cancelled.
    public var cancelationReason: CodeableConcept? {
        get { json.element("cancelationReason") }
        set { json.setElement("cancelationReason", newValue) }
    }

    /// The kind of service.
    public var serviceType: [CodeableConcept] {
        get { json.elements("serviceType") }
        set { json.setElements("serviceType", newValue) }
    }

    /// The kind of appointment.
    public var appointmentType: CodeableConcept? {
        get { json.element("appointmentType") }
        set { json.setElement("appointmentType", newValue) }
    }

    /// Why it is needed.
    public var reasonCode: [CodeableConcept] {
        get { json.elements("reasonCode") }
        set { json.setElements("reasonCode", newValue) }
    }

    /// A short description.
    public var description: String? {
        get { json.string("description") }
        set { json.setString("description", newValue) }
    }

    /// When it starts.
    public var start: FHIRInstant? {
        get { json.element("start") }
        set { json.setElement("start", newValue) }
    }

    /// When it ends.
    public var end: FHIRInstant? {
        get { json.element("end") }
        set { json.setElement("end", newValue) }
    }

    /// How long it lasts, in minutes.
    public var minutesDuration: Int? {
        get { json.int("minutesDuration") }
        set { json.setInt("minutesDuration", newValue) }
    }

    /// When it was made.
    public var created: FHIRDateTime? {
        get { json.element("created") }
        set { json.setElement("created", newValue) }
    }

    /// Comments.
    public var comment: String? {
        get { json.string("comment") }
        set { json.setString("comment", newValue) }
    }

    /// Instructions for the patient.
    public var patientInstruction: String? {
        get { json.string("patientInstruction") }
        set { json.setString("patientInstruction", newValue) }
    }

    /// The request it fulfils.
    public var basedOn: [Reference] {
        get { json.elements("basedOn") }
        set { json.setElements("basedOn", newValue) }
    }

    /// Who takes part, each with their status (at least one).
    public var participant: [Appointment.Participant] {
        get { json.elements("participant") }
        set { json.setElements("participant", newValue) }
    }

    /// Periods the patient asked for.
    public var requestedPeriod: [Period] {
        get { json.elements("requestedPeriod") }
        set { json.setElements("requestedPeriod", newValue) }
    }
}
