/// An extension: a `url` naming it and either one `value[x]` or nested extensions.
///
/// The value is kept as JSON under its `value…` member name, so every value type survives.
/// See [Extension](https://hl7.org/fhir/R4/extensibility.html#Extension).
public struct Extension: FHIRComplexElement {
    /// All members, exactly as received or edited.
    public var jsonObject: JSONObject

    /// Wraps an object without checking it.
    public init(jsonObject: JSONObject) { self.jsonObject = jsonObject }

    /// An extension with a value of the given type, e.g. `Extension(url: u, valueType: "String", value: "x")`
    /// for `valueString`.
    public init(url: String, valueType: String, value: JSON) {
        self.jsonObject = ["url": .string(url)]
        jsonObject.setChoice("value", (valueType, value))
    }

    /// An extension holding nested extensions.
    public init(url: String, extensions: [Extension]) {
        self.jsonObject = ["url": .string(url)]
        self.extension = extensions
    }

    /// The URL that names the extension.
    public var url: String? {
        get { jsonObject.string("url") }
        set { jsonObject.setString("url", newValue) }
    }

    /// The `value[x]` member as (type name, value), e.g. `("Integer", 3)` for `valueInteger`; set it to
    /// replace any existing value.
    public var value: (type: String, json: JSON)? {
        get { jsonObject.choice("value") }
        set { jsonObject.setChoice("value", newValue) }
    }

    /// The value when it is a `valueString`, `valueCode`, `valueUri`, `valueCanonical` or other string value.
    public var stringValue: String? { value?.json.stringValue }
}
