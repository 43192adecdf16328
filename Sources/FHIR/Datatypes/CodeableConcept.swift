/// A concept as one or more codings plus optional text.
///
/// See [CodeableConcept](https://hl7.org/fhir/R4/datatypes.html#CodeableConcept).
public struct CodeableConcept: FHIRComplexElement {
    /// All members, exactly as received or edited.
    public var jsonObject: JSONObject

    /// Wraps an object without checking it.
    public init(jsonObject: JSONObject) { self.jsonObject = jsonObject }

    /// A concept from codings and text.
    public init(coding: [Coding] = [], text: String? = nil) {
        self.jsonObject = JSONObject()
        self.coding = coding
        self.text = text
    }

    /// The codings.
    public var coding: [Coding] {
        get { jsonObject.elements("coding") }
        set { jsonObject.setElements("coding", newValue) }
    }

    /// Plain text for the concept.
    public var text: String? {
        get { jsonObject.string("text") }
        set { jsonObject.setString("text", newValue) }
    }

    /// `true` when any coding has this system and code.
    public func contains(system: String, code: String) -> Bool {
        coding.contains { $0.matches(system: system, code: code) }
    }

    /// The code of the first coding from `system`.
    public func code(in system: String) -> String? {
        coding.first { $0.system == system }?.code
    }
}
