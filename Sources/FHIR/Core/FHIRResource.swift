/// A FHIR resource as a typed view over its JSON object.
///
/// The whole resource lives in `json`, exactly as received or edited: member order, number text, unknown
/// elements, extensions and primitive extensions (`_birthDate`) all survive, because typed properties only
/// read and write the members they model. Setting a property to `nil` removes its member.
///
/// `init(json:)` checks `resourceType` and the JSON types of the modelled elements; use ``FHIRValidator`` for
/// the full structural rules. `Codable` conformance encodes the resource as its JSON; see ``JSON`` for why the
/// lossless path is ``JSONParser`` and ``JSON/serialized(pretty:)``.
/// See [FHIR R4 resources](https://hl7.org/fhir/R4/resource.html).
public protocol FHIRResource: Sendable, Hashable, Codable {
    /// The `resourceType` this view accepts.
    static var resourceType: ResourceType { get }

    /// The whole resource, exactly as received or edited.
    var json: JSONObject { get set }

    /// Views `json` as this resource type.
    /// - Throws: ``FHIRDecodingError`` `resource-type-missing`, `resource-type-mismatch`, or
    ///   `element-type-invalid` naming the first modelled element with the wrong JSON type.
    init(json: JSONObject) throws(FHIRDecodingError)
}

extension FHIRResource {
    /// Checks that `json` may be viewed as `Self`: its `resourceType` and the JSON types of modelled elements.
    static func checkDecodable(_ json: JSONObject) throws(FHIRDecodingError) {
        guard let name = json["resourceType"] else {
            throw FHIRDecodingError(
                code: .resourceTypeMissing, message: "The resource has no resourceType.", expression: nil)
        }
        guard case .string(let type) = name else {
            throw FHIRDecodingError(
                code: .resourceTypeMissing, message: "resourceType must be a string, found \(name.typeName).",
                expression: "resourceType")
        }
        guard type == resourceType.rawValue else {
            throw FHIRDecodingError(
                code: .resourceTypeMismatch,
                message: "Expected a \(resourceType.rawValue) resource, found \(type).", expression: type)
        }
        if let issue = FHIRValidator.firstTypeProblem(in: json, as: resourceType) {
            throw FHIRDecodingError(
                code: .elementTypeInvalid, message: issue.message, expression: issue.expression)
        }
    }

    /// Decodes the resource from any decoder as its JSON object.
    public init(from decoder: any Decoder) throws {
        let value = try JSON(from: decoder)
        guard case .object(let object) = value else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "A resource must be a JSON object."))
        }
        do {
            try self.init(json: object)
        } catch {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: error.description, underlyingError: error))
        }
    }

    /// Encodes the resource as its JSON object.
    public func encode(to encoder: any Encoder) throws {
        try JSON.object(json).encode(to: encoder)
    }

    /// The logical id (`Resource.id`), or `nil` before the server assigns one.
    public var id: String? {
        get { json.string("id") }
        set { json.setString("id", newValue) }
    }

    /// The resource metadata (`Resource.meta`): versionId, lastUpdated, profiles, tags.
    public var meta: Meta? {
        get { json.element("meta") }
        set { json.setElement("meta", newValue) }
    }

    /// `meta.versionId`, as in `ETag: W/"<versionId>"`; setting it creates `meta` when absent and keeps its
    /// other members (profiles, tags). Setting `nil` removes it (and `meta` when that leaves it empty).
    public var versionId: String? {
        get { json.metaVersionId }
        set { json.metaVersionId = newValue }
    }

    /// `meta.lastUpdated`; setting it creates `meta` when absent and keeps its other members.
    public var lastUpdated: FHIRInstant? {
        get { json.metaLastUpdated }
        set { json.metaLastUpdated = newValue }
    }

    /// The human-readable summary (`DomainResource.text`).
    public var text: Narrative? {
        get { json.element("text") }
        set { json.setElement("text", newValue) }
    }

    /// The resource's own extensions (`DomainResource.extension`).
    public var `extension`: [Extension] {
        get { json.elements("extension") }
        set { json.setElements("extension", newValue) }
    }

    /// The contained resources (`DomainResource.contained`), as generic resources.
    public var contained: [AnyResource] {
        get { json.objects("contained").compactMap { try? AnyResource(json: $0) } }
        set { json.setObjects("contained", newValue.map(\.json)) }
    }

    /// The first extension with this `url`, if any.
    public func `extension`(url: String) -> Extension? {
        self.extension.first { $0.url == url }
    }

    /// `Type/id`, the relative reference to this resource, or `nil` without an id.
    public var relativeReference: String? {
        id.map { "\(Self.resourceType.rawValue)/\($0)" }
    }
}
