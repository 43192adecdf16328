/// A reference from one resource to another: a literal `reference` (`Patient/123`, an absolute URL, or
/// `#id` for a contained resource), a logical `identifier`, and/or a `display` text.
///
/// See [Reference](https://hl7.org/fhir/R4/references.html#Reference).
public struct Reference: FHIRComplexElement {
    /// All members, exactly as received or edited.
    public var jsonObject: JSONObject

    /// Wraps an object without checking it.
    public init(jsonObject: JSONObject) { self.jsonObject = jsonObject }

    /// A literal reference such as `"Patient/123"`.
    public init(_ reference: String, display: String? = nil) {
        self.jsonObject = ["reference": .string(reference)]
        self.display = display
    }

    /// A relative reference `Type/id`.
    public init(type: ResourceType, id: String, display: String? = nil) {
        self.init("\(type.rawValue)/\(id)", display: display)
    }

    /// The literal reference text.
    public var reference: String? {
        get { jsonObject.string("reference") }
        set { jsonObject.setString("reference", newValue) }
    }

    /// The expected target type (`Patient`), a hint alongside the literal reference.
    public var type: String? {
        get { jsonObject.string("type") }
        set { jsonObject.setString("type", newValue) }
    }

    /// A logical reference by business identifier.
    public var identifier: Identifier? {
        get { jsonObject.element("identifier") }
        set { jsonObject.setElement("identifier", newValue) }
    }

    /// Text for the target.
    public var display: String? {
        get { jsonObject.string("display") }
        set { jsonObject.setString("display", newValue) }
    }

    /// The target's type and id, for a relative reference (`Patient/123`, `Patient/123/_history/2`) or an
    /// absolute URL ending in `Type/id` (optionally followed by `/_history/version`).
    ///
    /// `nil` for contained (`#id`), logical, `urn:uuid:` and malformed references, and when the type is not
    /// a resource type name (`[A-Z][A-Za-z]+`) or the id does not match `[A-Za-z0-9\-\.]{1,64}`.
    public var parsed: (type: String, id: String)? {
        guard let reference else { return nil }
        return Reference.parse(reference)
    }

    /// The contained resource's id for a `#id` reference, or `nil`.
    public var containedID: String? {
        guard let reference, reference.hasPrefix("#") else { return nil }
        let id = String(reference.dropFirst())
        return PrimitiveText.isValidID(id) ? id : nil
    }

    /// Splits a literal reference into type and id; see ``parsed``.
    public static func parse(_ reference: String) -> (type: String, id: String)? {
        guard !reference.hasPrefix("#"), !reference.hasPrefix("urn:") else { return nil }
        var segments = reference.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if segments.count >= 4, segments[segments.count - 2] == "_history" {
            guard PrimitiveText.isValidID(segments[segments.count - 1]) else { return nil }
            segments.removeLast(2)
        }
        let isAbsolute = reference.contains("://")
        guard segments.count >= 2, isAbsolute || segments.count == 2 else { return nil }
        let type = segments[segments.count - 2]
        let id = segments[segments.count - 1]
        guard isResourceTypeName(type), PrimitiveText.isValidID(id) else { return nil }
        return (type, id)
    }

    private static func isResourceTypeName(_ text: String) -> Bool {
        let utf8 = Array(text.utf8)
        guard utf8.count >= 2, let first = utf8.first, (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(first) else {
            return false
        }
        return utf8.allSatisfy {
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0)
        }
    }

    /// `true` when this is a literal reference to `type/id` (relative or absolute).
    public func refers(to type: ResourceType, id: String) -> Bool {
        guard let parsed else { return false }
        return parsed.type == type.rawValue && parsed.id == id
    }
}
