/// A measurement or check-in, such as a blood pressure reading (zib-BloodPressure compatible).
///
/// `status` and `code` are required. Values keep their decimal digits.
/// See [Observation](https://hl7.org/fhir/R4/observation.html).
public struct Observation: FHIRResource {
    /// `Observation`.
    public static let resourceType = ResourceType.observation

    /// The whole resource, exactly as received or edited.
    public var json: JSONObject

    /// Views `json` as a Observation.
    /// - Throws: ``FHIRDecodingError`` when `resourceType` is not `Observation` or a modelled element has the wrong
    ///   JSON type.
    public init(json: JSONObject) throws(FHIRDecodingError) {
        try Self.checkDecodable(json)
        self.json = json
    }

    /// An empty Observation holding only its `resourceType`.
    public init() {
        self.json = ["resourceType": "Observation"]
    }

    /// Business identifiers (used for idempotent sync-back).
    public var identifier: [Identifier] {
        get { json.elements("identifier") }
        set { json.setElements("identifier", newValue) }
    }

    /// The plan this fulfils: a ServiceRequest or CarePlan.
    public var basedOn: [Reference] {
        get { json.elements("basedOn") }
        set { json.setElements("basedOn", newValue) }
    }

    /// registered, preliminary, final, amended, … (required).
    public var status: Observation.Status? {
        get { json.code("status") }
        set { json.setCode("status", newValue) }
    }

    /// Classification, e.g. `vital-signs`.
    public var category: [CodeableConcept] {
        get { json.elements("category") }
        set { json.setElements("category", newValue) }
    }

    /// What was measured, e.g. LOINC 85354-9 (required).
    public var code: CodeableConcept? {
        get { json.element("code") }
        set { json.setElement("code", newValue) }
    }

    /// The Patient.
    public var subject: Reference? {
        get { json.element("subject") }
        set { json.setElement("subject", newValue) }
    }

    /// When the measurement was taken.
    public var effectiveDateTime: FHIRDateTime? {
        get { json.element("effectiveDateTime") }
        set { json.setElement("effectiveDateTime", newValue) }
    }

    /// The period the measurement covers.
    public var effectivePeriod: Period? {
        get { json.element("effectivePeriod") }
        set { json.setElement("effectivePeriod", newValue) }
    }

    /// When the result was made available.
    public var issued: FHIRInstant? {
        get { json.element("issued") }
        set { json.setElement("issued", newValue) }
    }

    /// Who took the measurement.
    public var performer: [Reference] {
        get { json.elements("performer") }
        set { json.setElements("performer", newValue) }
    }

    /// The value, when it is a quantity.
    public var valueQuantity: Quantity? {
        get { json.element("valueQuantity") }
        set { json.setElement("valueQuantity", newValue) }
    }

    /// The value, when it is coded.
    public var valueCodeableConcept: CodeableConcept? {
        get { json.element("valueCodeableConcept") }
        set { json.setElement("valueCodeableConcept", newValue) }
    }

    /// The value, when it is text.
    public var valueString: String? {
        get { json.string("valueString") }
        set { json.setString("valueString", newValue) }
    }

    /// The value, when it is a boolean.
    public var valueBoolean: Bool? {
        get { json.bool("valueBoolean") }
        set { json.setBool("valueBoolean", newValue) }
    }

    /// The value, when it is an integer.
    public var valueInteger: Int? {
        get { json.int("valueInteger") }
        set { json.setInt("valueInteger", newValue) }
    }

    /// H, HH, L, LL or N from the plan's thresholds.
    public var interpretation: [CodeableConcept] {
        get { json.elements("interpretation") }
        set { json.setElements("interpretation", newValue) }
    }

    /// Comments.
    public var note: [Annotation] {
        get { json.elements("note") }
        set { json.setElements("note", newValue) }
    }

    /// Where on the body (e.g. left arm).
    public var bodySite: CodeableConcept? {
        get { json.element("bodySite") }
        set { json.setElement("bodySite", newValue) }
    }

    /// How it was measured.
    public var method: CodeableConcept? {
        get { json.element("method") }
        set { json.setElement("method", newValue) }
    }

    /// Components, e.g. systolic 8480-6 and diastolic 8462-4.
    public var component: [Observation.Component] {
        get { json.elements("component") }
        set { json.setElements("component", newValue) }
    }
}
