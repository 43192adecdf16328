/// A health professional who requests tasks and answers messages.
///
/// No element is required.
/// See [Practitioner](https://hl7.org/fhir/R4/practitioner.html).
public struct Practitioner: FHIRResource {
    /// `Practitioner`.
    public static let resourceType = ResourceType.practitioner

    /// The whole resource, exactly as received or edited.
    public var json: JSONObject

    /// Views `json` as a Practitioner.
    /// - Throws: ``FHIRDecodingError`` when `resourceType` is not `Practitioner` or a modelled element has the wrong
    ///   JSON type.
    public init(json: JSONObject) throws(FHIRDecodingError) {
        try Self.checkDecodable(json)
        self.json = json
    }

    /// An empty Practitioner holding only its `resourceType`.
    public init() {
        self.json = ["resourceType": "Practitioner"]
    }

    /// Business identifiers, such as the BIG or AGB number.
    public var identifier: [Identifier] {
        get { json.elements("identifier") }
        set { json.setElements("identifier", newValue) }
    }

    /// Whether the record is in active use.
    public var active: Bool? {
        get { json.bool("active") }
        set { json.setBool("active", newValue) }
    }

    /// The practitioner's names.
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
}
