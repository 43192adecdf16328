/// The human-readable XHTML summary of a resource.
///
/// See [Narrative](https://hl7.org/fhir/R4/narrative.html#Narrative).
public struct Narrative: FHIRComplexElement {
    /// All members, exactly as received or edited.
    public var jsonObject: JSONObject

    /// Wraps an object without checking it.
    public init(jsonObject: JSONObject) { self.jsonObject = jsonObject }

    /// A narrative from its status and `<div>` XHTML.
    public init(status: String, div: String) {
        self.jsonObject = ["status": .string(status), "div": .string(div)]
    }

    /// `generated`, `extensions`, `additional` or `empty`.
    public var status: String? {
        get { jsonObject.string("status") }
        set { jsonObject.setString("status", newValue) }
    }

    /// The XHTML, a `<div>` element in the XHTML namespace.
    public var div: String? {
        get { jsonObject.string("div") }
        set { jsonObject.setString("div", newValue) }
    }
}
