/// A person who acts for a patient: a parent, guardian or caregiver (a delegate).
///
/// `patient` is required (1..1).
/// See [RelatedPerson](https://hl7.org/fhir/R4/relatedperson.html).
public struct RelatedPerson: PersonResource {
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

    /// When the relationship is valid.
    public var period: Period? {
        get { json.element("period") }
        set { json.setElement("period", newValue) }
    }
}
