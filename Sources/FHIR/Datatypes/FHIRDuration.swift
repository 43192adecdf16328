/// A length of time: a Quantity in UCUM time units (`min`, `h`, `d`, `wk`, `mo`, `a`).
///
/// Named `FHIRDuration` so it does not shadow Swift's `Duration`.
/// See [Duration](https://hl7.org/fhir/R4/datatypes.html#Duration).
public struct FHIRDuration: FHIRComplexElement {
    /// All members, exactly as received or edited.
    public var jsonObject: JSONObject

    /// Wraps an object without checking it.
    public init(jsonObject: JSONObject) { self.jsonObject = jsonObject }

    /// A duration in a UCUM unit code, e.g. `FHIRDuration(value: 2, code: "wk")`.
    public init(value: FHIRDecimal, code: String) {
        self.jsonObject = JSONObject()
        self.value = value
        self.unit = code
        jsonObject.setString("system", "http://unitsofmeasure.org")
        self.code = code
    }

    /// The amount.
    public var value: FHIRDecimal? {
        get { jsonObject.element("value") }
        set { jsonObject.setElement("value", newValue) }
    }

    /// The unit as shown to people.
    public var unit: String? {
        get { jsonObject.string("unit") }
        set { jsonObject.setString("unit", newValue) }
    }

    /// The UCUM unit code.
    public var code: String? {
        get { jsonObject.string("code") }
        set { jsonObject.setString("code", newValue) }
    }
}
