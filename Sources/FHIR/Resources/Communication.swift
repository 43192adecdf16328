/// An eConsult message in a thread (the thread is the Task it is `basedOn`).
///
/// `status` is required. `received` is set when the recipient has read it.
/// See [Communication](https://hl7.org/fhir/R4/communication.html).
public struct Communication: FHIRResource {
    /// `Communication`.
    public static let resourceType = ResourceType.communication

    /// The whole resource, exactly as received or edited.
    public var json: JSONObject

    /// Views `json` as a Communication.
    /// - Throws: ``FHIRDecodingError`` when `resourceType` is not `Communication` or a modelled element has the wrong
    ///   JSON type.
    public init(json: JSONObject) throws(FHIRDecodingError) {
        try Self.checkDecodable(json)
        self.json = json
    }

    /// An empty Communication holding only its `resourceType`.
    public init() {
        self.json = ["resourceType": "Communication"]
    }

    /// Business identifiers.
    public var identifier: [Identifier] {
        get { json.elements("identifier") }
        set { json.setElements("identifier", newValue) }
    }

    /// The Task that is the thread.
    public var basedOn: [Reference] {
        get { json.elements("basedOn") }
        set { json.setElements("basedOn", newValue) }
    }

    /// A larger event this is part of.
    public var partOf: [Reference] {
        get { json.elements("partOf") }
        set { json.setElements("partOf", newValue) }
    }

    /// The previous message.
    public var inResponseTo: [Reference] {
        get { json.elements("inResponseTo") }
        set { json.setElements("inResponseTo", newValue) }
    }

    /// preparation, in-progress, completed, … (required).
    public var status: EventStatus? {
        get { json.code("status") }
        set { json.setCode("status", newValue) }
    }

    /// Classification.
    public var category: [CodeableConcept] {
        get { json.elements("category") }
        set { json.setElements("category", newValue) }
    }

    /// The Patient.
    public var subject: Reference? {
        get { json.element("subject") }
        set { json.setElement("subject", newValue) }
    }

    /// The topic.
    public var topic: CodeableConcept? {
        get { json.element("topic") }
        set { json.setElement("topic", newValue) }
    }

    /// When it was sent.
    public var sent: FHIRDateTime? {
        get { json.element("sent") }
        set { json.setElement("sent", newValue) }
    }

    /// When it was read.
    public var received: FHIRDateTime? {
        get { json.element("received") }
        set { json.setElement("received", newValue) }
    }

    /// Who it is for.
    public var recipient: [Reference] {
        get { json.elements("recipient") }
        set { json.setElements("recipient", newValue) }
    }

    /// Who sent it.
    public var sender: Reference? {
        get { json.element("sender") }
        set { json.setElement("sender", newValue) }
    }

    /// The text and attachments.
    public var payload: [Communication.Payload] {
        get { json.elements("payload") }
        set { json.setElements("payload", newValue) }
    }

    /// Comments.
    public var note: [Annotation] {
        get { json.elements("note") }
        set { json.setElements("note", newValue) }
    }
}
