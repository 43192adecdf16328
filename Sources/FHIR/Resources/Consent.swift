/// A grant as FHIR: a patient's long-term consent for a PGO, or a delegation.
///
/// `status`, `scope` and at least one `category` are required.
/// See [Consent](https://hl7.org/fhir/R4/consent.html).
public struct Consent: FHIRResource {
    /// `Consent`.
    public static let resourceType = ResourceType.consent

    /// The whole resource, exactly as received or edited.
    public var json: JSONObject

    /// Views `json` as a Consent.
    /// - Throws: ``FHIRDecodingError`` when `resourceType` is not `Consent` or a modelled element has the wrong
    ///   JSON type.
    public init(json: JSONObject) throws(FHIRDecodingError) {
        try Self.checkDecodable(json)
        self.json = json
    }

    /// An empty Consent holding only its `resourceType`.
    public init() {
        self.json = ["resourceType": "Consent"]
    }

    /// Business identifiers.
    public var identifier: [Identifier] {
        get { json.elements("identifier") }
        set { json.setElements("identifier", newValue) }
    }

    /// draft, proposed, active, rejected, inactive or entered-in-error (required).
    public var status: Consent.Status? {
        get { json.code("status") }
        set { json.setCode("status", newValue) }
    }

    /// What the consent is about: `patient-privacy`, `treatment`, … (required).
    public var scope: CodeableConcept? {
        get { json.element("scope") }
        set { json.setElement("scope", newValue) }
    }

    /// Classification (at least one).
    public var category: [CodeableConcept] {
        get { json.elements("category") }
        set { json.setElements("category", newValue) }
    }

    /// The Patient who consents.
    public var patient: Reference? {
        get { json.element("patient") }
        set { json.setElement("patient", newValue) }
    }

    /// When it was given.
    public var dateTime: FHIRDateTime? {
        get { json.element("dateTime") }
        set { json.setElement("dateTime", newValue) }
    }

    /// Who agreed (the Patient or a RelatedPerson).
    public var performer: [Reference] {
        get { json.elements("performer") }
        set { json.setElements("performer", newValue) }
    }

    /// The custodian organization.
    public var organization: [Reference] {
        get { json.elements("organization") }
        set { json.setElements("organization", newValue) }
    }

    /// The policy the consent follows.
    public var policyRule: CodeableConcept? {
        get { json.element("policyRule") }
        set { json.setElement("policyRule", newValue) }
    }
}
