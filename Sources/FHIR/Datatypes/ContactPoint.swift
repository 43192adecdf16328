/// A phone number, email address or other contact point.
///
/// See [ContactPoint](https://hl7.org/fhir/R4/datatypes.html#ContactPoint).
public struct ContactPoint: FHIRComplexElement {
    /// All members, exactly as received or edited.
    public var jsonObject: JSONObject

    /// Wraps an object without checking it.
    public init(jsonObject: JSONObject) { self.jsonObject = jsonObject }

    /// A contact point from system (`phone`, `email`, …) and value.
    public init(system: String?, value: String?) {
        self.jsonObject = JSONObject()
        self.system = system
        self.value = value
    }

    /// `phone`, `fax`, `email`, `pager`, `url`, `sms` or `other`.
    public var system: String? {
        get { jsonObject.string("system") }
        set { jsonObject.setString("system", newValue) }
    }

    /// The number or address.
    public var value: String? {
        get { jsonObject.string("value") }
        set { jsonObject.setString("value", newValue) }
    }

    /// `home`, `work`, `temp`, `old` or `mobile`.
    public var use: String? {
        get { jsonObject.string("use") }
        set { jsonObject.setString("use", newValue) }
    }

    /// Preference order (1 = highest).
    public var rank: Int? {
        get { jsonObject.int("rank") }
        set { jsonObject.setInt("rank", newValue) }
    }
}
