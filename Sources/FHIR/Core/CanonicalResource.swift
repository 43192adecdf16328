/// A resource with a canonical URL and business version: Questionnaire, PlanDefinition, ActivityDefinition,
/// ValueSet, CapabilityStatement (the R4 "canonical resource" pattern,
/// https://hl7.org/fhir/R4/resource.html#canonical).
///
/// The shared metadata elements are typed views over `json`, as everywhere in this module.
public protocol CanonicalResource: FHIRResource {}

extension CanonicalResource {
    /// The canonical URL.
    public var url: String? {
        get { json.string("url") }
        set { json.setString("url", newValue) }
    }

    /// Business identifiers.
    public var identifier: [Identifier] {
        get { json.elements("identifier") }
        set { json.setElements("identifier", newValue) }
    }

    /// The business version.
    public var version: String? {
        get { json.string("version") }
        set { json.setString("version", newValue) }
    }

    /// A computer-friendly name.
    public var name: String? {
        get { json.string("name") }
        set { json.setString("name", newValue) }
    }

    /// A human-friendly title.
    public var title: String? {
        get { json.string("title") }
        set { json.setString("title", newValue) }
    }

    /// draft, active, retired or unknown (required).
    public var status: PublicationStatus? {
        get { json.code("status") }
        set { json.setCode("status", newValue) }
    }

    /// When it was last changed in substance.
    public var date: FHIRDateTime? {
        get { json.element("date") }
        set { json.setElement("date", newValue) }
    }

    /// Who published it.
    public var publisher: String? {
        get { json.string("publisher") }
        set { json.setString("publisher", newValue) }
    }

    /// Description (markdown).
    public var description: String? {
        get { json.string("description") }
        set { json.setString("description", newValue) }
    }
}
