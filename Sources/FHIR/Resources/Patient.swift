/// A person receiving care: the subject of tasks, answers and measurements.
///
/// No element is required. `birthDate` drives the WGBO delegation rules (DESIGN.md §5).
/// See [Patient](https://hl7.org/fhir/R4/patient.html).
public struct Patient: PersonResource {
    /// `Patient`.
    public static let resourceType = ResourceType.patient

    /// The whole resource, exactly as received or edited.
    public var json: JSONObject

    /// Views `json` as a Patient.
    /// - Throws: ``FHIRDecodingError`` when `resourceType` is not `Patient` or a modelled element has the wrong
    ///   JSON type.
    public init(json: JSONObject) throws(FHIRDecodingError) {
        try Self.checkDecodable(json)
        self.json = json
    }

    /// An empty Patient holding only its `resourceType`.
    public init() {
        self.json = ["resourceType": "Patient"]
    }

    /// The patient's GP (Practitioner or Organization).
    public var generalPractitioner: [Reference] {
        get { json.elements("generalPractitioner") }
        set { json.setElements("generalPractitioner", newValue) }
    }

    /// The Organization that manages this record (the provider the patient belongs to).
    public var managingOrganization: Reference? {
        get { json.element("managingOrganization") }
        set { json.setElement("managingOrganization", newValue) }
    }
}
