/// When something happens: event times and/or a `repeat` rule (frequency, period, bounds).
///
/// Kept as JSON; the commonly used `repeat` fields are typed.
/// See [Timing](https://hl7.org/fhir/R4/datatypes.html#Timing).
public struct Timing: FHIRComplexElement {
    /// All members, exactly as received or edited.
    public var jsonObject: JSONObject

    /// Wraps an object without checking it.
    public init(jsonObject: JSONObject) { self.jsonObject = jsonObject }

    /// Specific event times.
    public var event: [FHIRDateTime] {
        get { jsonObject.elements("event") }
        set { jsonObject.setElements("event", newValue) }
    }

    /// The `repeat` rule as JSON.
    public var `repeat`: JSONObject? {
        get { jsonObject["repeat"]?.objectValue }
        set { jsonObject["repeat"] = newValue.map(JSON.object) }
    }

    /// `repeat.frequency`: how many times per period.
    public var frequency: Int? { self.repeat?.int("frequency") }

    /// `repeat.period`: the length of the period in ``periodUnit``.
    public var period: FHIRDecimal? { self.repeat?.element("period") }

    /// `repeat.periodUnit`: `s`, `min`, `h`, `d`, `wk`, `mo` or `a`.
    public var periodUnit: String? { self.repeat?.string("periodUnit") }

    /// `repeat.count`: how many times in total.
    public var count: Int? { self.repeat?.int("count") }

    /// `repeat.boundsPeriod`: when the repetition starts and ends.
    public var boundsPeriod: Period? { self.repeat?.element("boundsPeriod") }

    /// `repeat.boundsDuration`: how long the repetition lasts.
    public var boundsDuration: FHIRDuration? { self.repeat?.element("boundsDuration") }
}
