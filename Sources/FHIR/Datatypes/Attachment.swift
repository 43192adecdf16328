/// Content inline (`data`, base64) or by `url`, with its content type and size.
///
/// Files that also import Swift Testing (which has its own `Attachment`) can write `FHIR.Attachment`.
/// See [Attachment](https://hl7.org/fhir/R4/datatypes.html#Attachment).
public struct Attachment: FHIRComplexElement {
    /// All members, exactly as received or edited.
    public var jsonObject: JSONObject

    /// Wraps an object without checking it.
    public init(jsonObject: JSONObject) { self.jsonObject = jsonObject }

    /// The MIME type, e.g. `application/pdf`.
    public var contentType: String? {
        get { jsonObject.string("contentType") }
        set { jsonObject.setString("contentType", newValue) }
    }

    /// The content, base64-encoded.
    public var data: String? {
        get { jsonObject.string("data") }
        set { jsonObject.setString("data", newValue) }
    }

    /// Where the content can be fetched.
    public var url: String? {
        get { jsonObject.string("url") }
        set { jsonObject.setString("url", newValue) }
    }

    /// The size in bytes (before base64).
    public var size: Int? {
        get { jsonObject.int("size") }
        set { jsonObject.setInt("size", newValue) }
    }

    /// A label to show.
    public var title: String? {
        get { jsonObject.string("title") }
        set { jsonObject.setString("title", newValue) }
    }
}
