/// A person's name: family name, given names, prefixes and suffixes.
///
/// See [HumanName](https://hl7.org/fhir/R4/datatypes.html#HumanName).
public struct HumanName: FHIRComplexElement {
    /// All members, exactly as received or edited.
    public var jsonObject: JSONObject

    /// Wraps an object without checking it.
    public init(jsonObject: JSONObject) { self.jsonObject = jsonObject }

    /// A name from family and given names.
    public init(family: String?, given: [String] = []) {
        self.jsonObject = JSONObject()
        self.family = family
        self.given = given
    }

    /// `usual`, `official`, `temp`, `nickname`, `anonymous`, `old` or `maiden`.
    public var use: String? {
        get { jsonObject.string("use") }
        set { jsonObject.setString("use", newValue) }
    }

    /// The full name as text.
    public var text: String? {
        get { jsonObject.string("text") }
        set { jsonObject.setString("text", newValue) }
    }

    /// The family name (surname).
    public var family: String? {
        get { jsonObject.string("family") }
        set { jsonObject.setString("family", newValue) }
    }

    /// Given names, in order.
    public var given: [String] {
        get { jsonObject.strings("given") }
        set { jsonObject.setStrings("given", newValue) }
    }

    /// Prefixes (titles) before the name.
    public var prefix: [String] {
        get { jsonObject.strings("prefix") }
        set { jsonObject.setStrings("prefix", newValue) }
    }

    /// Suffixes after the name.
    public var suffix: [String] {
        get { jsonObject.strings("suffix") }
        set { jsonObject.setStrings("suffix", newValue) }
    }

    /// `text`, or the given names and family name joined by spaces.
    public var displayName: String {
        if let text { return text }
        return (given + [family].compactMap { $0 }).joined(separator: " ")
    }
}
