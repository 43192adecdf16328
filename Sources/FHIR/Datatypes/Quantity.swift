/// A measured amount: a decimal `value` that keeps its digits, with a unit (usually UCUM).
///
/// See [Quantity](https://hl7.org/fhir/R4/datatypes.html#Quantity).
public struct Quantity: FHIRComplexElement {
    /// All members, exactly as received or edited.
    public var jsonObject: JSONObject

    /// Wraps an object without checking it.
    public init(jsonObject: JSONObject) { self.jsonObject = jsonObject }

    /// A quantity, by default in UCUM (`system` `http://unitsofmeasure.org`) with `unit` equal to `code`.
    public init(value: FHIRDecimal, unit: String?, system: String? = "http://unitsofmeasure.org", code: String? = nil) {
        self.jsonObject = JSONObject()
        self.value = value
        self.unit = unit
        self.system = system
        self.code = code ?? unit
    }

    /// The numeric value with its text kept.
    public var value: FHIRDecimal? {
        get { jsonObject.element("value") }
        set { jsonObject.setElement("value", newValue) }
    }

    /// `<`, `<=`, `>=` or `>` when the value is a bound rather than exact.
    public var comparator: String? {
        get { jsonObject.string("comparator") }
        set { jsonObject.setString("comparator", newValue) }
    }

    /// The unit as shown to people.
    public var unit: String? {
        get { jsonObject.string("unit") }
        set { jsonObject.setString("unit", newValue) }
    }

    /// The unit's code system (UCUM: `http://unitsofmeasure.org`).
    public var system: String? {
        get { jsonObject.string("system") }
        set { jsonObject.setString("system", newValue) }
    }

    /// The coded unit, e.g. `mm[Hg]`.
    public var code: String? {
        get { jsonObject.string("code") }
        set { jsonObject.setString("code", newValue) }
    }
}
