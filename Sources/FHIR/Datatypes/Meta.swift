/// Resource metadata: `versionId`, `lastUpdated` (set by the server), profiles, security labels and tags.
///
/// See [Meta](https://hl7.org/fhir/R4/resource.html#Meta).
public struct Meta: FHIRComplexElement {
    /// All members, exactly as received or edited.
    public var jsonObject: JSONObject

    /// Wraps an object without checking it.
    public init(jsonObject: JSONObject) { self.jsonObject = jsonObject }

    /// Meta with the server-managed fields.
    public init(versionId: String?, lastUpdated: FHIRInstant?) {
        self.jsonObject = JSONObject()
        self.versionId = versionId
        self.lastUpdated = lastUpdated
    }

    /// The version, as in `ETag: W/"<versionId>"`.
    public var versionId: String? {
        get { jsonObject.string("versionId") }
        set { jsonObject.setString("versionId", newValue) }
    }

    /// When this version was stored.
    public var lastUpdated: FHIRInstant? {
        get { jsonObject.element("lastUpdated") }
        set { jsonObject.setElement("lastUpdated", newValue) }
    }

    /// Where the resource came from.
    public var source: String? {
        get { jsonObject.string("source") }
        set { jsonObject.setString("source", newValue) }
    }

    /// The profiles (canonical URLs) the resource claims to conform to.
    public var profile: [String] {
        get { jsonObject.strings("profile") }
        set { jsonObject.setStrings("profile", newValue) }
    }

    /// Security labels.
    public var security: [Coding] {
        get { jsonObject.elements("security") }
        set { jsonObject.setElements("security", newValue) }
    }

    /// Tags.
    public var tag: [Coding] {
        get { jsonObject.elements("tag") }
        set { jsonObject.setElements("tag", newValue) }
    }
}
