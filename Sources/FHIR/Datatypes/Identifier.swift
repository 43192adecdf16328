/// A business identifier: a `system` namespace and a `value` (e.g. a BSN or an MRN).
///
/// See [Identifier](https://hl7.org/fhir/R4/datatypes.html#Identifier).
public struct Identifier: FHIRComplexElement {
    /// All members, exactly as received or edited.
    public var jsonObject: JSONObject

    /// Wraps an object without checking it.
    public init(jsonObject: JSONObject) { self.jsonObject = jsonObject }

    /// An identifier from system and value.
    public init(system: String?, value: String?) {
        self.jsonObject = JSONObject()
        self.system = system
        self.value = value
    }

    /// `usual`, `official`, `temp`, `secondary` or `old`.
    public var use: String? {
        get { jsonObject.string("use") }
        set { jsonObject.setString("use", newValue) }
    }

    /// The kind of identifier.
    public var type: CodeableConcept? {
        get { jsonObject.element("type") }
        set { jsonObject.setElement("type", newValue) }
    }

    /// The namespace URI.
    public var system: String? {
        get { jsonObject.string("system") }
        set { jsonObject.setString("system", newValue) }
    }

    /// The identifier value.
    public var value: String? {
        get { jsonObject.string("value") }
        set { jsonObject.setString("value", newValue) }
    }

    /// When the identifier is or was valid.
    public var period: Period? {
        get { jsonObject.element("period") }
        set { jsonObject.setElement("period", newValue) }
    }

    /// The organization that issued it.
    public var assigner: Reference? {
        get { jsonObject.element("assigner") }
        set { jsonObject.setElement("assigner", newValue) }
    }
}
