/// A time range with optional `start` and `end` (both inclusive in FHIR).
///
/// See [Period](https://hl7.org/fhir/R4/datatypes.html#Period).
public struct Period: FHIRComplexElement {
    /// All members, exactly as received or edited.
    public var jsonObject: JSONObject

    /// Wraps an object without checking it.
    public init(jsonObject: JSONObject) { self.jsonObject = jsonObject }

    /// A period from its ends.
    public init(start: FHIRDateTime?, end: FHIRDateTime?) {
        self.jsonObject = JSONObject()
        self.start = start
        self.end = end
    }

    /// The start, or `nil` when absent or not a valid dateTime.
    public var start: FHIRDateTime? {
        get { jsonObject.element("start") }
        set { jsonObject.setElement("start", newValue) }
    }

    /// The end, or `nil` when absent (open-ended) or not a valid dateTime.
    public var end: FHIRDateTime? {
        get { jsonObject.element("end") }
        set { jsonObject.setElement("end", newValue) }
    }
}
