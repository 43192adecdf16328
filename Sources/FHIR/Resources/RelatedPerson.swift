/// A person who acts for a patient: a parent, guardian or caregiver (a delegate).
///
/// `patient` is required (1..1).
/// See [RelatedPerson](https://hl7.org/fhir/R4/relatedperson.html).
public struct RelatedPerson: FHIRResource {
    /// `RelatedPerson`.
    public static let resourceType = ResourceType.relatedPerson

    /// The whole resource, exactly as received or edited.
    public var json: JSONObject

    /// Views `json` as a RelatedPerson.
    /// - Throws: ``FHIRDecodingError`` when `resourceType` is not `RelatedPerson` or a modelled element has the wrong
    ///   JSON type.
    public init(json: JSONObject) throws(FHIRDecodingError) {
        try Self.checkDecodable(json)
        self.json = json
    }

    /// An empty RelatedPerson holding only its `resourceType`.
    public init() {
        self.json = ["resourceType": "RelatedPerson"]
    }

    /// Business identifiers.
    public var identifier: [Identifier] {
        get { json.elements("identifier") }
        set { json.setElements("identifier", newValue) }
    }

    /// Whether the record is in active use.
    public var active: Bool? {
        get { json.bool("active") }
        set { json.setBool("active", newValue) }
    }

    /// The Patient this person is related to (required).
    public var patient: Reference? {
        get { json.element("patient") }
        set { json.setElement("patient", newValue) }
    }

    /// How the person is related (v3 RoleCode such as `PRN`, `GUARD`).
    public var relationship: [CodeableConcept] {
        get { json.elements("relationship") }
        set { json.setElements("relationship", newValue) }
    }

    /// The person's names.
    public var name: [HumanName] {
        get { json.elements("name") }
        set { json.setElements("name", newValue) }
    }

    /// Phone numbers and email addresses.
    public var telecom: [ContactPoint] {
        get { json.elements("telecom") }
        set { json.setElements("telecom", newValue) }
    }

    /// Administrative gender.
    public var gender: AdministrativeGender? {
        get { json.code("gender") }
        set { json.setCode("gender", newValue) }
    }

    /// Date of birth.
    public var birthDate: FHIRDate? {
        get { json.element("birthDate") }
        set { json.setElement("birthDate", newValue) }
    }

    /// When the relationship is valid.
    public var period: Period? {
        get { json.element("period") }
        set { json.setElement("period", newValue) }
    }
}
