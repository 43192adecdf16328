/// A FHIR datatype or primitive value that can be read from and written to JSON.
///
/// Implemented by the complex datatypes (``Coding``, ``Reference``, …) and the primitive value types
/// (``FHIRDate``, ``FHIRDecimal``, …). See [FHIR R4 datatypes](https://hl7.org/fhir/R4/datatypes.html).
public protocol FHIRElement: Sendable, Hashable {
    /// Reads the element from its JSON form.
    /// - Throws: ``FHIRDecodingError`` with `element-type-invalid` for a wrong JSON type, or `value-invalid`
    ///   for a badly formatted primitive.
    init(json: JSON) throws(FHIRDecodingError)

    /// The element's JSON form.
    var json: JSON { get }
}

/// A complex datatype stored as its JSON object, so members this model does not know (extensions, newer
/// elements) survive every read and write.
///
/// Typed properties read and write members of `jsonObject`; setting one to `nil` removes the member.
public protocol FHIRComplexElement: FHIRElement {
    /// The element's members, exactly as received or edited.
    var jsonObject: JSONObject { get set }

    /// Wraps an object without checking it.
    init(jsonObject: JSONObject)
}

extension FHIRComplexElement {
    /// Reads the element from a JSON object.
    /// - Throws: ``FHIRDecodingError`` `element-type-invalid` when `json` is not an object.
    public init(json: JSON) throws(FHIRDecodingError) {
        guard case .object(let object) = json else {
            throw FHIRDecodingError(
                code: .elementTypeInvalid,
                message: "Expected a JSON object for \(Self.self), found \(json.typeName).",
                expression: nil
            )
        }
        self.init(jsonObject: object)
    }

    /// The element as a JSON object.
    public var json: JSON { .object(jsonObject) }

    /// The element's own `extension` entries.
    public var `extension`: [Extension] {
        get { jsonObject.elements("extension") }
        set { jsonObject.setElements("extension", newValue) }
    }

    /// The first of the element's own extensions with this `url`.
    public func `extension`(url: String) -> Extension? {
        self.extension.first { $0.url == url }
    }
}
