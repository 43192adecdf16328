/// A resource about a person: Patient, Practitioner, RelatedPerson. They share the demographic elements below
/// (https://hl7.org/fhir/R4/patient.html, practitioner.html, relatedperson.html).
public protocol PersonResource: FHIRResource {}

extension PersonResource {
    /// Business identifiers, such as the BSN (`http://fhir.nl/fhir/NamingSystem/bsn`) or the AGB code.
    public var identifier: [Identifier] {
        get { json.elements("identifier") }
        set { json.setElements("identifier", newValue) }
    }

    /// Whether the record is in active use.
    public var active: Bool? {
        get { json.bool("active") }
        set { json.setBool("active", newValue) }
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

    /// Date of birth (possibly partial).
    public var birthDate: FHIRDate? {
        get { json.element("birthDate") }
        set { json.setElement("birthDate", newValue) }
    }
}
